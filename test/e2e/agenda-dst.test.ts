// The new tab across a daylight-saving change, in the built extension in Chromium running in
// Los Angeles time. The Google emulator's clock is set in the week of the next clock change (at
// least ten days ahead, so inside the sync window), so its demo week is seeded around it: the
// agenda must list every day exactly, the standup (09:30 Berlin) must move by an hour in Los
// Angeles across the change, the day view must be 23 or 25 hours tall, and the week view must
// mark the hour that was skipped or repeated. Screenshots: test-results/e2e/agenda-dst-*.png.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../emulators/common/node-server';
import { createGoogleEmulator } from '../emulators/google/index';
import { demoEvents, expectedRows, mondayOf, plain } from './support/agenda-demo-week';
import { axeViolations } from './support/axe';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { buildExtension } from './support/build';
import { openPage, readStore } from './support/extension-pages';

const SHOTS = 'test-results/e2e';
const LA = 'America/Los_Angeles';
const NY = 'America/New_York';
const PX_PER_MINUTE = 0.8;

// The next change of Los Angeles' clocks at least ten days from now (US changes fall on Sundays).
const change = Temporal.Now.zonedDateTimeISO(LA).add({ days: 10 }).getTimeZoneTransition('next')!;
const changeDay = change.toPlainDate();
const monday = mondayOf(changeDay);
const hours = changeDay.toZonedDateTime({ timeZone: LA }).hoursInDay;
const week = (first: Temporal.PlainDate) =>
  Array.from({ length: 7 }, (_, i) => first.add({ days: i }).toString());

async function agendaRows(page: Page): Promise<Record<string, string[]>> {
  const rows =
    (await page.evaluate(`[...document.querySelectorAll('.agenda-list section.day[data-date]')]
    .map((s) => [s.dataset.date, [...s.querySelectorAll('li.entry')].map((li) =>
      [li.querySelector('.when')?.textContent ?? '', li.querySelector('.title')?.textContent ?? '']
        .filter(Boolean).join(' '))])`)) as [string, string[]][];
  return Object.fromEntries(rows.map(([d, r]) => [d, r.map(plain)]));
}

describe(`the new tab across the clock change of ${changeDay} in Los Angeles`, () => {
  let server: RunningServer;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    // "Today" for the emulator: the Wednesday of that week, noon in New York; its clock runs on.
    const seedNow = monday
      .add({ days: 2 })
      .toZonedDateTime({ timeZone: NY, plainTime: Temporal.PlainTime.from('12:00') });
    const offset = seedNow.epochMilliseconds - Date.now();
    const google = createGoogleEmulator({
      clock: { now: () => Date.now() + offset },
      seed: 'demo',
    });
    server = await startServer(google.app, { port: 0 });
    const dir = buildExtension('agenda-dst', { googleUrl: server.url });
    browser = await launchWithExtension({ extensionDir: dir, env: { TZ: LA } });
    mkdirSync(SHOTS, { recursive: true });
    page = await openPage(browser, 'newtab.html', { width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Connect Google Calendar' }).click();
    // The first sync (expect.poll is for tests, not hooks).
    for (let waited = 0; (await readStore(page, 'events')).length < 40; waited += 250) {
      if (waited > 30_000) throw new Error('the first sync did not finish in 30 s');
      await page.waitForTimeout(250);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const go = async (hash: string) => {
    await page.goto(`chrome-extension://${browser.extensionId}/newtab.html${hash}`);
    await page.locator('.agenda-app[data-state="ready"]').waitFor();
  };

  it('lists exactly each day of the week of the change, and flags the change day', async () => {
    const days = week(monday);
    await go(`#agenda/${days[0]}`);
    const expected = expectedRows(demoEvents(monday), days, LA);
    await expect.poll(() => agendaRows(page), { timeout: 20_000 }).toEqual(expected);
    const badge = page.locator(`section.day[data-date="${changeDay}"] .badge.dst`);
    expect(await badge.textContent()).toBe(`${hours}-hour day`);
    expect(await page.locator('section.day .badge.dst').count()).toBe(1);
  });

  it('moves the Berlin standup by an hour in Los Angeles across the change', async () => {
    // From the Friday before to the Thursday after.
    const days = week(monday.add({ days: 4 }));
    await go(`#agenda/${days[0]}`);
    const expected = expectedRows(demoEvents(monday), days, LA);
    await expect.poll(() => agendaRows(page), { timeout: 20_000 }).toEqual(expected);
    const before = await standupText(page, monday.add({ days: 4 }).toString());
    const after = await standupText(page, changeDay.add({ days: 1 }).toString());
    expect(before).not.toBe(after);
  });

  it(`draws the change day ${hours} hours tall in the day view, with its real hours`, async () => {
    await go(`#day/${changeDay}`);
    const column = page.locator(`ul.col[data-date="${changeDay}"]`);
    expect(await column.getAttribute('data-hours')).toBe(String(hours));
    const box = await column.boundingBox();
    expect(Math.round(box?.height ?? 0)).toBe(Math.round(hours * 60 * PX_PER_MINUTE));
    const start = changeDay.toZonedDateTime({ timeZone: LA });
    const label = new Intl.DateTimeFormat('en-US', {
      hour: 'numeric',
      timeZone: LA,
      timeZoneName: 'short',
    });
    const expected = Array.from({ length: hours }, (_, h) =>
      plain(label.format(start.add({ hours: h }).epochMilliseconds)),
    );
    const labels = (await page.locator('.grid-body .gutter .hour').allTextContents()).map(plain);
    expect(labels).toEqual(expected);
    // "Call mom", 18:00 New York: placed by the real time elapsed since midnight.
    const call = await column.locator('li.block', { hasText: 'Call mom' }).boundingBox();
    const at = monday
      .add({ days: 6 })
      .toZonedDateTime({ timeZone: NY, plainTime: Temporal.PlainTime.from('18:00') });
    const minutes = (at.epochMilliseconds - start.epochMilliseconds) / 60_000;
    expect(Math.abs((call?.y ?? 0) - (box?.y ?? 0) - minutes * PX_PER_MINUTE)).toBeLessThan(2);
    await page.screenshot({ path: `${SHOTS}/agenda-dst-day.png` });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('marks the skipped or repeated hour in the week view', async () => {
    await go(`#week/${monday}`);
    const cols = page.locator('ul.col');
    expect(await cols.count()).toBe(7);
    const changed = page.locator(`ul.col[data-date="${changeDay}"]`);
    expect(await changed.getAttribute('data-hours')).toBe(String(hours));
    const band = hours < 24 ? '.dst-band.gap' : '.dst-band.repeated';
    expect(await changed.locator(band).count()).toBe(1);
    expect(await page.locator('ul.col .dst-band').count()).toBe(1);
    expect(await page.locator('.grid-head .badge.dst').textContent()).toBe(`${hours} h`);
    await page.screenshot({ path: `${SHOTS}/agenda-dst-week.png` });
    expect(await axeViolations(page)).toEqual([]);
  });
});

async function standupText(page: Page, date: string): Promise<string> {
  const row = page.locator(`section.day[data-date="${date}"] li.entry`, {
    has: page.locator('.title', { hasText: /^Team standup$/ }),
  });
  return plain((await row.locator('.when').textContent()) ?? '');
}
