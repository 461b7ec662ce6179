// The week and day grids when a day is crowded, in Debian Chromium: 40 all-day entries (holidays,
// leave and birthdays over many calendars) must not push the hours out of view, 40 meetings at
// once must stay inside their day's column (no sideways scrolling), and the day headings must
// stay whole. The crowded day is the week's last, where a spill would scroll the grid sideways.
// The agenda list of the same week paints its first screen first and then every entry, in order.
// The rows are written through the page's own Dexie, as the agenda bench does.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { buildExtension } from './support/build';
import { openPage } from './support/extension-pages';

const SHOTS = 'test-results/e2e';
const NY = 'America/New_York';
const VIEWPORT = { width: 1280, height: 800 };
const ALL_DAY = 40;
const AT_ONCE = 40;

/** Page script: one Google account with 8 calendars, ALL_DAY all-day events on `day` (some
 * spanning four days) and AT_ONCE overlapping meetings from 9 AM. */
function fillDenseDay(day: string, nineAm: number): string {
  return `(async () => {
  const db = globalThis.__almanacNewtab.db;
  const today = ${JSON.stringify(day)};
  const nineAm = ${nineAm};
  const DAY = 86400000;
  const dayMs = Date.parse(today + 'T00:00:00Z');
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  await db.sources.put({ id: 'g', provider: 'google', label: 'dense@example.com' });
  const calendars = Array.from({ length: 8 }, (_, i) => ({
    key: 'g:cal' + i, sourceId: 'g', id: 'cal' + i, etag: '"1"', summary: 'Calendar ' + i,
    timeZone: ${JSON.stringify(NY)}, accessRole: 'owner',
    backgroundColor: ['#4986e7', '#16a765', '#f691b2', '#ffad46', '#9a9cff', '#42d692', '#fa573c', '#b3dc6c'][i],
    hidden: false, googleSelected: true, primary: i === 0, userSelected: true, raw: {},
  }));
  await db.calendars.bulkPut(calendars);
  const row = (i, fields, start, end) => {
    const id = 'dense' + i;
    return {
      calendarKey: calendars[i % 8].key, id, etag: '"' + i + '"', status: 'confirmed',
      summary: fields.summary, updated: '2026-01-01T00:00:00.000Z', ...fields,
      raw: { kind: 'calendar#event', id, status: 'confirmed', summary: fields.summary,
        htmlLink: 'https://www.google.com/calendar/event?eid=' + id, start, end },
    };
  };
  const events = [];
  for (let i = 0; i < ${ALL_DAY}; i++) {
    const days = i % 5 === 0 ? 4 : 1;
    events.push(row(i, { summary: 'All day ' + i, startMs: dayMs, endMs: dayMs + days * DAY, allDay: true },
      { date: today }, { date: iso(dayMs + days * DAY) }));
  }
  for (let i = 0; i < ${AT_ONCE}; i++) {
    const startMs = nineAm + (i % 3) * 15 * 60000;
    const endMs = startMs + 2 * 3600000;
    events.push(row(${ALL_DAY} + i, { summary: 'Meeting ' + i, startMs, endMs, allDay: false },
      { dateTime: new Date(startMs).toISOString() }, { dateTime: new Date(endMs).toISOString() }));
  }
  await db.events.bulkPut(events);
  return db.events.count();
})()`;
}

interface GridBoxes {
  readonly allDay: { height: number; scrollHeight: number };
  readonly body: { height: number; scrollWidth: number; clientWidth: number };
  readonly headClipped: boolean;
  /** Blocks drawn over the next day: a hit test just past their column's right edge still
   * finds them. */
  readonly spilling: number;
  readonly blocks: number;
}

function gridBoxes(page: Page): Promise<GridBoxes> {
  return page.evaluate(`(() => {
    const allDay = document.querySelector('.grid-allday');
    const body = document.querySelector('.grid-body');
    const head = document.querySelector('.grid-head');
    let spilling = 0;
    let blocks = 0;
    for (const col of document.querySelectorAll('.grid-body .col')) {
      const right = col.getBoundingClientRect().right;
      for (const block of col.querySelectorAll('.block')) {
        blocks++;
        const box = block.getBoundingClientRect();
        const hit = document.elementFromPoint(right + 2, box.top + box.height / 2);
        if (hit && col.contains(hit)) spilling++;
      }
    }
    return {
      allDay: { height: allDay.getBoundingClientRect().height, scrollHeight: allDay.scrollHeight },
      body: { height: body.clientHeight, scrollWidth: body.scrollWidth, clientWidth: body.clientWidth },
      headClipped: head.scrollHeight > head.clientHeight,
      spilling,
      blocks,
    };
  })()`) as Promise<GridBoxes>;
}

describe('a crowded day', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  const today = Temporal.Now.plainDateISO(NY);
  // The Sunday that ends today's week (weeks start on Monday).
  const crowded = today.add({ days: 7 - today.dayOfWeek });
  const base = () => `chrome-extension://${browser.extensionId}/newtab.html`;

  beforeAll(async () => {
    browser = await launchWithExtension({
      extensionDir: buildExtension('agenda-dense', {}),
      env: { TZ: NY },
    });
    mkdirSync(SHOTS, { recursive: true });
    page = await openPage(browser, 'newtab.html', VIEWPORT);
    await page.waitForFunction('Boolean(globalThis.__almanacNewtab)');
    const nineAm = crowded.toZonedDateTime({ timeZone: NY, plainTime: '09:00' }).epochMilliseconds;
    expect(await page.evaluate(fillDenseDay(crowded.toString(), nineAm))).toBe(ALL_DAY + AT_ONCE);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const view of ['week', 'day'] as const) {
    it(`keeps the hours in view, the columns apart and the headings whole (${view})`, async () => {
      await page.goto('about:blank');
      await page.goto(`${base()}#${view}/${view === 'week' ? today : crowded}`);
      await page.waitForSelector('.agenda-app[data-state="ready"] .time-grid');
      await expect.poll(async () => (await gridBoxes(page)).blocks).toBe(AT_ONCE);
      // The first frame held the hours the grid opens on and the first all-day chips (10 a
      // day); the next one every chip.
      const [firstFrame, chips] = (await page.evaluate(`(async () => {
        const mark = (name) => performance.getEntriesByName(name)[0];
        await new Promise((done) => {
          const check = () => (mark('almanac:agenda:complete') ? done() : setTimeout(check, 20));
          check();
        });
        return [
          mark('almanac:agenda:committed').detail.entries,
          document.querySelectorAll('.grid-allday [data-agenda-item]').length,
        ];
      })()`)) as [number, number];
      expect(chips).toBe(ALL_DAY);
      expect(firstFrame).toBe(AT_ONCE + 10);
      const boxes = await gridBoxes(page);
      // The all-day row is capped and scrolls on its own (so the day really was crowded)…
      expect(boxes.allDay.scrollHeight).toBeGreaterThan(boxes.allDay.height + 100);
      expect(boxes.allDay.height).toBeLessThanOrEqual(0.25 * VIEWPORT.height);
      // …the hours keep most of the page…
      expect(boxes.body.height).toBeGreaterThan(0.4 * VIEWPORT.height);
      // …40 side by side stay in their column, and nothing scrolls sideways.
      expect(boxes.spilling).toBe(0);
      expect(boxes.body.scrollWidth).toBeLessThanOrEqual(boxes.body.clientWidth);
      expect(boxes.headClipped).toBe(false);
      // The 9 AM meetings are on screen, not scrolled away.
      const first = await page.locator('.grid-body .block', { hasText: 'Meeting 0' }).boundingBox();
      expect(first?.y ?? -1).toBeGreaterThan(0);
      expect((first?.y ?? VIEWPORT.height) + (first?.height ?? 0)).toBeLessThan(VIEWPORT.height);
      await page.screenshot({ path: `${SHOTS}/agenda-dense-${view}.png` });
    });
  }

  it('paints a first screen, then lists every entry in order, and j reaches the last', async () => {
    await page.goto('about:blank');
    await page.goto(`${base()}#agenda/${today}`);
    // Waited for in the page: the frame that painted the whole list.
    const firstFrame = (await page.evaluate(`(async () => {
      const mark = (name) => performance.getEntriesByName(name)[0];
      await new Promise((done) => {
        const check = () => (mark('almanac:agenda:complete') ? done() : setTimeout(check, 20));
        check();
      });
      return mark('almanac:agenda:committed').detail.entries;
    })()`)) as number;
    await page.screenshot({ path: `${SHOTS}/agenda-dense-list.png` });
    const day = page.locator(`.agenda-list section[data-date="${crowded}"]`);
    const titles = await day.locator('[data-agenda-item] .title').allTextContents();
    // The first frame held a screenful, not the crowded day's 80 entries.
    expect(firstFrame).toBeGreaterThan(0);
    expect(firstFrame).toBeLessThan(ALL_DAY + AT_ONCE);
    // Every entry, all-day ones first, then the meetings by start (9:00, 9:15, 9:30, …).
    expect(titles).toHaveLength(ALL_DAY + AT_ONCE);
    expect(new Set(titles.slice(0, ALL_DAY))).toEqual(
      new Set(Array.from({ length: ALL_DAY }, (_, i) => `All day ${i}`)),
    );
    const meetings = titles.slice(ALL_DAY).map((t) => Number(t.replace('Meeting ', '')));
    expect(new Set(meetings).size).toBe(AT_ONCE);
    const starts = meetings.map((i) => i % 3);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // The keys walk the whole list: j from the first entry ends on the last.
    const items = page.locator('.agenda-list [data-agenda-item]');
    const count = await items.count();
    await items.first().focus();
    for (let i = 1; i < count; i++) await page.keyboard.press('j');
    expect(await page.evaluate('document.activeElement.textContent')).toBe(
      await items.last().textContent(),
    );
  });
});
