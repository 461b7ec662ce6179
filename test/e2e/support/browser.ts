import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

// Debian's Chromium with the built extension, in a throwaway profile. The flags keep Chromium from
// reaching for Google's hosts, which this machine's closed network refuses.
export async function launchWithExtension(
  opts: {
    headless?: boolean;
    extensionDir?: string;
    /** Extra environment for the browser process, e.g. `{ TZ: 'America/Los_Angeles' }`. */
    env?: Record<string, string>;
  } = {},
): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'almanac-e2e-'));
  const headless = opts.headless ?? true;
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // the new headless mode is chosen by the flag below; it supports extensions
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    args: extensionFlags(extensionDir, headless),
  });
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // chrome-extension://<id>/background.js
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Chromium's flags for a browser with our unpacked extension (DEVELOPERS "machine facts"): the
 * new headless mode, which supports extensions, and nothing that reaches for Google's hosts,
 * which this machine's closed network refuses. */
export function extensionFlags(extensionDir: string, headless = true): string[] {
  return [
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}
