// The built extension in Debian Chromium against the Google emulator over real HTTP: sign-in
// through launchWebAuthFlow, calendar selection, the first sync as the popup shows it, quick add
// through the menu handler, an outage and its Retry, a silently renewed token, and a service
// worker stopped mid-sync that converges on the next alarm. Screenshots go to test-results/e2e/.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../emulators/common/node-server';
import { startServer } from '../emulators/common/node-server';
import { CALENDAR_IDS, createGoogleEmulator, type GoogleEmulator } from '../emulators/google/index';
import { axeViolations } from './support/axe';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { buildExtension } from './support/build';
import {
  openPage,
  openPopup,
  readStore,
  type StoredEvent,
  sendMessage,
  stopServiceWorkers,
} from './support/extension-pages';

const SHOTS = 'test-results/e2e';
const SOURCE = 'google.demo@example.com';
const EVENTS = '/calendar/v3/calendars/*/events';

interface StoredCalendar {
  readonly key: string;
  readonly id: string;
  readonly summary: string;
  readonly cursor?: { readonly window?: { readonly startMs: number; readonly endMs: number } };
}

describe('Google Calendar in the built extension', () => {
  // The emulator's clock runs with the wall clock, plus a skew the token test moves forward.
  let skew = 0;
  let google: GoogleEmulator;
  let server: RunningServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    google = createGoogleEmulator({ clock: { now: () => Date.now() + skew }, seed: 'demo' });
    server = await startServer(google.app, { port: 0 });
    const dir = buildExtension('google', { googleUrl: server.url });
    browser = await launchWithExtension({ extensionDir: dir });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const popup = () => openPopup(browser, { width: 380, height: 600 });
  const rowOf = (page: Page, title: string) =>
    page.locator('.calendar-row', {
      has: page.locator('.name', { hasText: new RegExp(`^${title}$`) }),
    });

  it('signs in through launchWebAuthFlow (PKCE) and shows the first sync’s progress', async () => {
    // Slow listings, so the first sync is visibly in progress.
    google.faults.add({
      match: { method: 'GET', path: EVENTS },
      respond: { delayMs: 1_500 },
      times: 4,
    });
    const options = await openPage(browser, 'options.html', { width: 900, height: 1100 });
    await options.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await expect
      .poll(() => options.locator('[data-account]').textContent())
      .toContain('demo@example.com');

    const authorize = google.log.entries().find((e) => e.path === '/o/oauth2/v2/auth');
    const query = new URLSearchParams(authorize?.query);
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('redirect_uri')).toBe(`https://${browser.extensionId}.chromiumapp.org/`);
    expect(google.log.entries().some((e) => e.method === 'POST' && e.path === '/token')).toBe(true);

    const page = await popup();
    const progress = page.getByRole('progressbar');
    await expect.poll(() => progress.count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/popup-first-sync.png` });
    expect(await axeViolations(page)).toEqual([]);
    await expect.poll(() => progress.count(), { timeout: 20_000 }).toBe(0);
    await page.close();
    await options.close();
  });

  it('selects calendars: deselecting drops the events, selecting again syncs them', async () => {
    const options = await openPage(browser, 'options.html', { width: 900, height: 1100 });
    const personal = options.getByRole('checkbox', { name: /Personal/ });
    await expect.poll(() => personal.isChecked()).toBe(true);
    const key = `${SOURCE}:${CALENDAR_IDS.personal}`;
    const count = async () =>
      (await readStore<StoredEvent>(options, 'events')).filter((e) => e.calendarKey === key).length;
    await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(0);

    await personal.uncheck();
    await expect.poll(count).toBe(0);
    const page = await popup();
    await expect
      .poll(() => page.locator('.calendar-row .name').allTextContents())
      .toEqual(['Work', 'Family', 'Holidays']);

    await personal.check();
    await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(0);
    await options.screenshot({ path: `${SHOTS}/options.png`, fullPage: true });
    expect(await axeViolations(options)).toEqual([]);
    await page.close();
    await options.close();
  });

  it('completes the first sync: the popup shows calendars, counts and "synced just now"', async () => {
    const page = await popup();
    const names = ['Work', 'Family', 'Holidays', 'Personal'];
    await expect.poll(() => page.locator('.calendar-row .name').allTextContents()).toEqual(names);
    await expect
      .poll(() => page.locator('.calendar-row .status').allTextContents(), { timeout: 10_000 })
      .toEqual(names.map(() => 'Synced just now'));

    // The store equals the emulator's truth inside each calendar's covered window, and the popup
    // shows those counts.
    const calendars = await readStore<StoredCalendar>(page, 'calendars');
    const events = await readStore<StoredEvent>(page, 'events');
    for (const name of names) {
      const calendar = calendars.find((c) => c.summary === name);
      const window = calendar?.cursor?.window;
      expect(window, name).toBeDefined();
      const truth = google
        .snapshot('demo', calendar!.id, { timeMin: window!.startMs, timeMax: window!.endMs })
        .map((e) => `${e.id}/${e.etag}`)
        .sort();
      const mine = events
        .filter((e) => e.calendarKey === calendar!.key)
        .map((e) => `${e.id}/${e.etag}`)
        .sort();
      expect(mine, name).toEqual(truth);
      await expect
        .poll(() => rowOf(page, name).locator('.count').textContent())
        .toBe(`${truth.length.toLocaleString('en-US')} ${truth.length === 1 ? 'event' : 'events'}`);
    }
    await expect
      .poll(() => page.locator('header').textContent())
      .toContain('Polling · every 15 min');
    await page.screenshot({ path: `${SHOTS}/popup-synced.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('quick add through the exported menu handler creates the event and a notification', async () => {
    const menuItemId = `almanac-google:${SOURCE}:${CALENDAR_IDS.work}`;
    const outcome = await browser.serviceWorker.evaluate(
      (id) =>
        (
          globalThis as unknown as {
            __almanac: { onMenuClicked: (i: unknown) => Promise<unknown> };
          }
        ).__almanac.onMenuClicked({
          menuItemId: id,
          selectionText: 'Lunch with Sam tomorrow 1pm',
        }),
      menuItemId,
    );
    expect(outcome).toMatchObject({ status: 'created', title: 'Lunch with Sam' });
    const created = google
      .snapshot('demo', CALENDAR_IDS.work)
      .filter((e) => e.summary === 'Lunch with Sam');
    expect(created).toHaveLength(1);
    expect(outcome).toMatchObject({ link: created[0]?.htmlLink });
    const notifications = await browser.serviceWorker.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(notifications)).toHaveLength(1);
    // The post-add sync brings it into the store.
    const page = await popup();
    await expect
      .poll(
        async () =>
          (await readStore<StoredEvent>(page, 'events')).some((e) => e.id === created[0]?.id),
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.close();
  });

  it('shows a failing sync with its error, and Retry recovers', async () => {
    const fault = google.faults.add({
      match: { method: 'GET', path: EVENTS },
      respond: { status: 500 },
    });
    const page = await popup();
    await page.getByRole('button', { name: 'Sync now' }).click();
    const work = rowOf(page, 'Work');
    await expect
      .poll(() => work.locator('.status').textContent(), { timeout: 20_000 })
      .toContain('Sync failed');
    expect(await work.getByRole('button', { name: 'Retry syncing Work' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/popup-error.png` });
    expect(await axeViolations(page)).toEqual([]);

    google.faults.remove(fault.id);
    await work.getByRole('button', { name: 'Retry syncing Work' }).click();
    await expect
      .poll(() => work.locator('.status').textContent(), { timeout: 10_000 })
      .toBe('Synced just now');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => page.locator('.calendar-row .status').allTextContents(), { timeout: 10_000 })
      .toEqual(['Synced just now', 'Synced just now', 'Synced just now', 'Synced just now']);
    await page.close();
  });

  it('renews an expired access token silently', async () => {
    skew += 2 * 60 * 60_000; // the emulator is two hours on: its one-hour token has expired
    const since = google.log.entries().at(-1)?.seq ?? 0;
    const page = await popup();
    const reply = (await sendMessage(page, { type: 'syncNow' })) as {
      ok: boolean;
      data: { outcome: string }[];
    };
    expect(reply.ok).toBe(true);
    expect(reply.data.every((r) => r.outcome === 'ok')).toBe(true);
    const after = google.log.entries({ since });
    // Rejected once (our clock still thought the token fresh), renewed, then accepted.
    expect(after.some((e) => e.status === 401)).toBe(true);
    expect(after.some((e) => e.method === 'POST' && e.path === '/token' && e.status === 200)).toBe(
      true,
    );
    expect(await page.locator('.notice').count()).toBe(0); // no "sign in again"
    await page.close();
  });

  it('converges on the next alarm after the service worker is stopped mid-sync', async () => {
    // A change to pick up, and a listing slow enough to be interrupted.
    const token = google.issueToken('demo');
    const res = await fetch(
      `${server.url}/calendar/v3/calendars/${encodeURIComponent(CALENDAR_IDS.work)}/events`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          summary: 'Written while Almanac slept',
          start: { dateTime: new Date(Date.now() + skew + 86_400_000).toISOString() },
          end: { dateTime: new Date(Date.now() + skew + 90_000_000).toISOString() },
        }),
      },
    );
    const written = (await res.json()) as { id: string };
    google.faults.add({
      match: { method: 'GET', path: EVENTS },
      respond: { delayMs: 8_000 },
      times: 1,
    });

    // A page that never messages the worker (it would wake it): reads go straight to IndexedDB.
    const reader = await openPage(browser, 'manifest.json');
    const trigger = await popup();
    void sendMessage(trigger, { type: 'syncNow' }).catch(() => undefined);
    await expect
      .poll(
        async () =>
          (await readStore<{ key: string }>(reader, 'meta')).filter((m) =>
            m.key.startsWith('activity:google:calendar:'),
          ).length,
      )
      .toBeGreaterThan(0);
    await trigger.close();
    const running = (await readStore<{ key: string }>(reader, 'meta'))
      .filter((m) => m.key.startsWith('activity:'))
      .map((m) => `almanac:sync:${m.key.slice('activity:'.length)}`);
    const alarms = await browser.serviceWorker.evaluate(() => chrome.alarms.getAll());
    const leases = alarms.filter((a) => running.includes(a.name)).map((a) => a.scheduledTime);
    expect(leases.length).toBeGreaterThan(0);
    const stoppedAt = Date.now();
    await stopServiceWorkers(browser.context, reader);
    google.faults.clear();

    // No page sends anything now: only a lease alarm (≤ 30 s after its run began) can wake a new
    // worker, which runs the unfinished scope again.
    const leaseAt = Math.min(...leases);
    expect(leaseAt).toBeLessThanOrEqual(stoppedAt + 30_000);
    await expect
      .poll(
        async () =>
          (await readStore<StoredEvent>(reader, 'events')).some((e) => e.id === written.id),
        { timeout: 75_000, interval: 1_000 },
      )
      .toBe(true);
    const runs = await readStore<{ startedAt: number; outcome: string }>(reader, 'runs');
    const resumed = runs.filter((r) => r.startedAt > stoppedAt);
    expect(resumed.length).toBeGreaterThan(0);
    expect(resumed.every((r) => r.outcome === 'ok')).toBe(true);
    // Nothing ran before the alarm (alarms fire on time or late, never early).
    expect(Math.min(...resumed.map((r) => r.startedAt))).toBeGreaterThanOrEqual(leaseAt - 1_000);
    await expect
      .poll(
        async () =>
          (await readStore<{ key: string }>(reader, 'meta')).filter((m) =>
            m.key.startsWith('activity:'),
          ).length,
        { timeout: 15_000 },
      )
      .toBe(0);
    await reader.close();
  }, 120_000);
});
