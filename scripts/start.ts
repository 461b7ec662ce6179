// `npm start`: the whole system locally — both emulators seeded with the demo week, the relay on
// workerd (`wrangler dev`), and the extension built against them and loaded into Chromium, with the
// demo user signed in and synced. Headful when there is a display; otherwise headless. Either way
// screenshots of the popup, the options page and (when built) the new tab page, light and dark,
// go to .output/screenshots/. `--once` exits after the screenshots (CI-style smoke runs).
//
// With real credentials (ALMANAC_GOOGLE_CLIENT_ID set, or `--real`) no emulator starts: the
// extension is built for the real Google and Todoist endpoints (every ALMANAC_* variable in the
// environment applies, README "Configuration") and Chromium opens the options page for you to
// sign in.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import {
  EXTENSION_DIR,
  type ExtensionBrowser,
  launchWithExtension,
} from '../test/e2e/support/browser';
import { startServer } from '../test/emulators/common/node-server';
import { createGoogleEmulator } from '../test/emulators/google/index';
import { createTodoistEmulator } from '../test/emulators/todoist/index';
import { startWranglerRelay } from '../test/support/wrangler-relay';

/** Local-only secrets for the relay under `wrangler dev` (a deployed relay has its own, README). */
const DEV_RELAY_SECRETS = {
  todoistClientSecret: 'almanac-dev-todoist-secret',
  signingKey: 'almanac-dev-signing-key',
};

const once = process.argv.includes('--once');
const real = process.argv.includes('--real') || Boolean(process.env.ALMANAC_GOOGLE_CLIENT_ID);
const googlePort = Number(process.env.GOOGLE_EMULATOR_PORT ?? 8790);
const todoistPort = Number(process.env.TODOIST_EMULATOR_PORT ?? 8791);
const relayPort = Number(process.env.RELAY_PORT ?? 8787);
const screenshots = '.output/screenshots';

const closers: Array<() => Promise<void>> = [];

async function main() {
  if (real) return startReal();
  const google = createGoogleEmulator({ seed: 'demo' });
  const todoist = createTodoistEmulator({ seed: 'demo' });
  const googleServer = await startServer(google.app, { port: googlePort });
  const todoistServer = await startServer(todoist.app, { port: todoistPort });
  closers.push(googleServer.close, todoistServer.close);
  console.log(`Google emulator   ${googleServer.url}   token ${google.issueToken('demo')}`);
  console.log(`Todoist emulator  ${todoistServer.url}   token ${todoist.issueToken('demo')}`);

  // The relay on workerd, holding the same Todoist client secret the emulator signs webhooks
  // with, so a change in the Todoist emulator reaches the extension over the relay's SSE stream.
  const relay = await startWranglerRelay(DEV_RELAY_SECRETS, { port: relayPort });
  closers.push(relay.close);
  const relayUrl = relay.url;
  todoist.setWebhook({
    url: `${relayUrl}/hooks/todoist`,
    clientSecret: DEV_RELAY_SECRETS.todoistClientSecret,
  });
  console.log(`Relay (workerd)   ${relayUrl}   Todoist webhooks → ${relayUrl}/hooks/todoist`);

  const build = spawnSync('npx', ['wxt', 'build'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ALMANAC_GOOGLE_API_BASE: googleServer.url,
      ALMANAC_GOOGLE_AUTH_BASE: googleServer.url,
      ALMANAC_TODOIST_API_BASE: todoistServer.url,
      ALMANAC_RELAY_URL: relayUrl,
    },
  });
  if (build.status !== 0) throw new Error('The extension build failed.');

  const headless = !process.env.DISPLAY;
  const browser = await launchWithExtension({ headless });
  closers.push(browser.close);
  console.log(`Extension         ${browser.extensionId} (${headless ? 'headless' : 'headful'})`);

  await signInDemo(browser);
  await takeScreenshots(browser);
  console.log(`Screenshots       ${screenshots}/`);

  if (once) return shutdown(0);
  console.log('Running. Ctrl-C stops everything.');
}

/** Signs the demo user in as a person would (the options page's button → launchWebAuthFlow against
 * the emulator, which consents at once), connects Todoist the same way, and waits for the
 * first sync to finish. */
async function signInDemo(browser: ExtensionBrowser) {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Connect Google Calendar' }).click();
  await options.locator('[data-account]').first().waitFor({ timeout: 30_000 });
  // Through Todoist's OAuth (the emulator consents at once): webhooks reach only OAuth-authorised
  // users (todoist spec §7), so a pasted token would leave the tasks polling instead of live.
  await options.getByRole('button', { name: 'Connect Todoist' }).click();
  await options.locator('[data-account]').nth(1).waitFor({ timeout: 30_000 });
  await options.close();
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const statuses = await popup.locator('.calendar-row .status').allTextContents();
    if (statuses.length > 0 && statuses.every((s) => s.startsWith('Synced'))) break;
    if (Date.now() > deadline)
      throw new Error(`The first sync did not finish: ${statuses.join(', ')}`);
    await popup.waitForTimeout(250);
  }
  await popup.close();
  console.log('Signed in         demo@example.com (Google) and the demo Todoist account');
}

async function takeScreenshots(browser: ExtensionBrowser) {
  mkdirSync(screenshots, { recursive: true });
  const shoot = async (
    path: string,
    file: string,
    size: { width: number; height: number },
    dark = false,
  ) => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await page.setViewportSize(size);
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    await page.waitForLoadState('networkidle');
    await page.locator('#root *').first().waitFor();
    await page.waitForTimeout(300); // live queries settle
    await page.screenshot({ path: `${screenshots}/${file}`, fullPage: true });
    await page.close();
  };
  await shoot('popup.html', 'popup.png', { width: 380, height: 420 });
  await shoot('popup.html', 'popup-dark.png', { width: 380, height: 420 }, true);
  await shoot('options.html', 'options.png', { width: 900, height: 900 });
  await shoot('options.html', 'options-dark.png', { width: 900, height: 900 }, true);
  // The new tab page is another engineer's; shot when the build has one.
  if (existsSync(`${EXTENSION_DIR}/newtab.html`)) {
    await shoot('newtab.html', 'newtab.png', { width: 1280, height: 800 });
    await shoot('newtab.html', 'newtab-dark.png', { width: 1280, height: 800 }, true);
  }
}

/** Real services: build against them as configured, open the options page to sign in. */
async function startReal() {
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) throw new Error('The extension build failed.');
  const headless = !process.env.DISPLAY;
  const browser = await launchWithExtension({ headless });
  closers.push(browser.close);
  console.log(`Extension         ${browser.extensionId} (real services)`);
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  if (headless) {
    console.log('No display: signing in to real Google needs a window. Screenshots only.');
    await takeScreenshots(browser);
    return shutdown(0);
  }
  console.log('Sign in from the options page. Ctrl-C stops everything.');
}

async function shutdown(code: number) {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
