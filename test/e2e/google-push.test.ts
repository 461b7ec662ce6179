// Google push end to end: the built extension in Debian Chromium signs in to the Google emulator
// (over real HTTP), holds the real relay's stream (relay/index.ts on workerd under `wrangler
// dev`), and watches each calendar with a channel whose address is the relay's Google hook. An
// event another client creates reaches the extension within seconds through a `push` run — no
// alarm (their minimum is 30 s), no reload — and the popup says Live once every calendar is watched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../emulators/common/node-server';
import { startServer } from '../emulators/common/node-server';
import { CALENDAR_IDS, createGoogleEmulator, type GoogleEmulator } from '../emulators/google/index';
import { type RunningRelay, startWranglerRelay } from '../support/wrangler-relay';
import { axeViolations } from './support/axe';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { buildExtension } from './support/build';
import { openPage, openPopup, readStoreQuietly, type StoredEvent } from './support/extension-pages';

const SECRETS = { todoistClientSecret: 'e2e-todoist-secret', signingKey: 'e2e-signing-key' };
const SHOTS = 'test-results/e2e';
const SOURCE = 'google.demo@example.com';
const CALENDARS = 4;

interface Run {
  readonly scope: string;
  readonly reason: string;
  readonly mode: string;
  readonly outcome: string;
}
interface Calendar {
  readonly key: string;
  readonly watch?: { readonly current?: { readonly channelId: string } };
}

describe('Google push through the relay on workerd', () => {
  let google: GoogleEmulator;
  let server: RunningServer;
  let relay: RunningRelay;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    google = createGoogleEmulator({ seed: 'demo' });
    server = await startServer(google.app, { port: 0 });
    relay = await startWranglerRelay(SECRETS);
    browser = await launchWithExtension({
      extensionDir: buildExtension('google-push', { googleUrl: server.url, relayUrl: relay.url }),
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await relay?.close();
    await server?.close();
  });

  const workScope = `google:calendar:${SOURCE}:${CALENDAR_IDS.work}`;
  const pushRuns = async () =>
    (await readStoreQuietly<Run>(browser, 'runs')).filter(
      (r) => r.scope === workScope && r.reason === 'push',
    );

  it('signs in; every calendar gets a channel to the relay; the popup says Live', async () => {
    const options = await openPage(browser, 'options.html', { width: 900, height: 900 });
    await options.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await expect
      .poll(() => options.locator('[data-account]').textContent(), { timeout: 20_000 })
      .toContain('demo@example.com');
    await options.close();

    await expect.poll(() => google.channels().length, { timeout: 30_000 }).toBe(CALENDARS);
    for (const channel of google.channels()) {
      expect(channel.address).toBe(`${relay.url}/hooks/google`);
    }
    // The rows record them (what routes the relay's notifications to each calendar).
    const ids = google
      .channels()
      .map((c) => c.id)
      .sort();
    await expect
      .poll(async () =>
        (await readStoreQuietly<Calendar>(browser, 'calendars'))
          .map((c) => c.watch?.current?.channelId)
          .filter((id) => id !== undefined)
          .sort(),
      )
      .toEqual(ids);
    // Each channel's `sync` message went through the relay (its token checked) and was logged.
    await google.push.idle();
    const sync = google.push.history().filter((d) => d.headers['X-Goog-Resource-State'] === 'sync');
    expect(sync.map((d) => d.outcome)).toEqual(ids.map(() => 'delivered'));

    const popup = await openPopup(browser, { width: 380, height: 600 });
    await expect
      .poll(() => popup.locator('.pill').textContent(), { timeout: 20_000 })
      .toMatch(/^\s*Live$/);
    await expect.poll(() => popup.locator('.pill.live').count()).toBe(1);
    await popup.screenshot({ path: `${SHOTS}/popup-google-live.png` });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    // `sync` messages cause no run.
    expect(await pushRuns()).toEqual([]);
  });

  it('an event another client creates arrives by push within seconds, without reload', async () => {
    const before = (await pushRuns()).length;
    const token = google.issueToken('demo');
    const start = new Date(Date.now() + 2 * 86_400_000);
    const res = await fetch(
      `${server.url}/calendar/v3/calendars/${encodeURIComponent(CALENDAR_IDS.work)}/events`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          summary: 'Pushed from the phone',
          start: { dateTime: start.toISOString() },
          end: { dateTime: new Date(start.getTime() + 3_600_000).toISOString() },
        }),
      },
    );
    expect(res.status).toBe(200);
    const made = (await res.json()) as { id: string };
    await expect
      .poll(
        async () =>
          (await readStoreQuietly<StoredEvent>(browser, 'events')).some(
            (e) => e.calendarKey === `${SOURCE}:${CALENDAR_IDS.work}` && e.id === made.id,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    const runs = await pushRuns();
    expect(runs).toHaveLength(before + 1);
    expect(runs.at(-1)).toMatchObject({ mode: 'incremental', outcome: 'ok' });
  });
});
