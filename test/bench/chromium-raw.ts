// Debian Chromium with the built extension in a profile the caller keeps, launched two ways:
// - `launchSetupContext`: through Playwright, to click through setup (OAuth, options page);
// - `spawnChromium`: the bare process, no DevTools client attached. A DevTools session attached
//   to a service worker keeps it alive, and Playwright's persistent context auto-attaches to
//   every service worker, so measuring a worker's lifetime needs the browser on its own. It is
//   watched through the DevTools HTTP endpoint: listing targets (/json/list) attaches to none.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { z } from 'zod';
import { CHROMIUM, extensionFlags } from '../e2e/support/browser';

export interface SetupContext {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** Closes the browser; the profile stays (the caller owns it). */
  close(): Promise<void>;
}

export async function launchSetupContext(
  userDataDir: string,
  extensionDir: string,
): Promise<SetupContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // the new headless mode is chosen by the flag
    args: extensionFlags(extensionDir),
  });
  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host; // chrome-extension://<id>/background.js
    return { context, extensionId, close: () => context.close() };
  } catch (err) {
    await context.close();
    throw err;
  }
}

const targetSchema = z.object({
  id: z.string(),
  type: z.string(),
  url: z.string(),
});
export type DevToolsTarget = z.infer<typeof targetSchema>;
const targetListSchema = z.array(targetSchema.loose());

export interface RawChromium {
  readonly pid: number;
  readonly debuggingPort: number;
  /** The DevTools targets right now (lists them; attaches to none). */
  targets(): Promise<DevToolsTarget[]>;
  /** SIGTERM to the browser's process group, SIGKILL after 5 s. Safe to call twice. */
  close(): Promise<void>;
}

export async function spawnChromium(opts: {
  userDataDir: string;
  extensionDir: string;
}): Promise<RawChromium> {
  const portFile = path.join(opts.userDataDir, 'DevToolsActivePort');
  await rm(portFile, { force: true }); // a stale one would name a dead port
  const child = spawn(
    CHROMIUM,
    [
      ...extensionFlags(opts.extensionDir),
      `--user-data-dir=${opts.userDataDir}`,
      '--remote-debugging-port=0',
      // A blank tab, not the new tab page, which is ours and would talk to the worker.
      'about:blank',
    ],
    // Its own process group, so close() reaches the zygotes and renderers too.
    { detached: true, stdio: 'ignore' },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${CHROMIUM}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Whatever happens to this process, the browser does not outlive it.
  const onExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', onExit);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      killGroup(pid, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
      killGroup(pid, 'SIGKILL'); // the group's stragglers, or the browser itself if it hung
      if (!done) await exited;
      process.off('exit', onExit);
    })();
    return closing;
  };
  try {
    const debuggingPort = await readPort(portFile, child);
    const base = `http://127.0.0.1:${debuggingPort}`;
    return {
      pid,
      debuggingPort,
      async targets() {
        const res = await fetch(`${base}/json/list`);
        if (!res.ok) throw new Error(`/json/list: HTTP ${res.status}`);
        return targetListSchema.parse(await res.json());
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The extension's running service worker, if any. */
export function extensionWorker(
  targets: readonly DevToolsTarget[],
  extensionId: string,
): DevToolsTarget | undefined {
  return targets.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
}

async function readPort(portFile: string, child: ChildProcess): Promise<number> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`chromium exited with ${child.exitCode}`);
    const text = await readFile(portFile, 'utf8').catch(() => '');
    const port = Number(text.split('\n')[0]);
    if (Number.isInteger(port) && port > 0) return port;
    await delay(100);
  }
  throw new Error('chromium wrote no DevToolsActivePort within 30 s');
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
