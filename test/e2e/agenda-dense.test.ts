// The week and day grids when a day is crowded, in Debian Chromium: 40 all-day entries (holidays,
// leave and birthdays over many calendars) must not push the hours out of view, 40 meetings at
// once must stay inside their day's column (no sideways scrolling): as many side by side as are
// readable, the rest behind a "+N" marker that lists them — and the day headings must stay
// whole. The crowded day is the week's last, where a spill would scroll the grid sideways.
// The agenda list of the same week paints its first screen first and then every entry, in order.
// The rows are written through the page's own Dexie, as the agenda bench does.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnCap, estimatedColumnPx, MAX_COLUMNS } from '../../extension/ui/agenda/column-cap';
import { axeViolations } from './support/axe';
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
  /** Day headings whose date is wider than the heading (it runs into the next day's). */
  readonly headingsOverflowing: number;
  /** Blocks drawn over the next day: a hit test just past their column's right edge still
   * finds them. */
  readonly spilling: number;
  readonly blocks: number;
  /** The "+N" markers' counts. */
  readonly more: readonly string[];
}

const moreButton = (page: Page) => page.locator('.grid-body .block.more button');

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
      headingsOverflowing: [...head.querySelectorAll('h2')].filter(
        (h) => h.querySelector('.day-date').getBoundingClientRect().width > h.clientWidth + 0.5,
      ).length,
      spilling,
      blocks,
      more: [...document.querySelectorAll('.grid-body .block.more')].map((b) => b.textContent),
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
    // The meetings side by side, and one "+N" for the rest (they all start within half an hour).
    const shown = MAX_COLUMNS[view] - 1;
    it(`keeps the hours in view, the columns apart and the headings whole (${view})`, async () => {
      await page.goto('about:blank');
      await page.goto(`${base()}#${view}/${view === 'week' ? today : crowded}`);
      await page.waitForSelector('.agenda-app[data-state="ready"] .time-grid');
      await expect.poll(async () => (await gridBoxes(page)).blocks).toBe(shown + 1);
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
      expect(firstFrame).toBe(shown + 1 + 10);
      const boxes = await gridBoxes(page);
      expect(boxes.more).toEqual([`+${AT_ONCE - shown}`]);
      // The all-day row is capped and scrolls on its own (so the day really was crowded)…
      expect(boxes.allDay.scrollHeight).toBeGreaterThan(boxes.allDay.height + 100);
      expect(boxes.allDay.height).toBeLessThanOrEqual(0.25 * VIEWPORT.height);
      // …the hours keep most of the page…
      expect(boxes.body.height).toBeGreaterThan(0.4 * VIEWPORT.height);
      // …the meetings and their marker stay in their column, and nothing scrolls sideways.
      expect(boxes.spilling).toBe(0);
      expect(boxes.body.scrollWidth).toBeLessThanOrEqual(boxes.body.clientWidth);
      expect(boxes.headClipped).toBe(false);
      expect(boxes.headingsOverflowing).toBe(0);
      // The 9 AM meetings are on screen, not scrolled away.
      const first = await page.locator('.grid-body .block', { hasText: 'Meeting 0' }).boundingBox();
      expect(first?.y ?? -1).toBeGreaterThan(0);
      expect((first?.y ?? VIEWPORT.height) + (first?.height ?? 0)).toBeLessThan(VIEWPORT.height);
      // Each shown meeting has a readable width (40 side by side had 3 px each in a week).
      const widths = await page
        .locator('.grid-body .block.event')
        .evaluateAll((blocks) => blocks.map((b) => b.getBoundingClientRect().width));
      expect(Math.min(...widths)).toBeGreaterThan(30);
      // The marker's column is a narrow one at the column's right edge, beside the meetings.
      const [marker, column, rightmost] = (await page.evaluate(`(() => {
        const box = (el) => el.getBoundingClientRect();
        const more = document.querySelector('.grid-body .block.more');
        const events = [...more.parentElement.querySelectorAll('.block.event')].map(box);
        return [box(more), box(more.parentElement), Math.max(...events.map((b) => b.right))];
      })()`)) as [DOMRect, DOMRect, number];
      expect(marker.width).toBeGreaterThan(30);
      expect(marker.width).toBeLessThan(40);
      expect(column.right - marker.right).toBeLessThan(4);
      expect(rightmost).toBeLessThanOrEqual(marker.left);
      await page.screenshot({ path: `${SHOTS}/agenda-dense-${view}.png` });
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('lists the meetings behind "+N" beside it, walked by the keys, and closes on Escape', async () => {
    await page.goto('about:blank');
    await page.goto(`${base()}#week/${today}`);
    await page.waitForSelector('.agenda-app[data-state="ready"] .time-grid .block.more');
    const marker = moreButton(page);
    const shownTitles = await page.locator('.grid-body .block.event a').allTextContents();
    // By keyboard: the marker is a stop like any entry; Enter opens its list with the focus on
    // the first meeting, j walks the list only, and Escape gives the focus back to the marker.
    await marker.focus();
    await page.keyboard.press('Enter');
    const popover = page.locator('.overflow-popover:popover-open');
    await popover.waitFor();
    await expect.poll(() => marker.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => page.evaluate('document.activeElement.closest(".overflow-popover") !== null'))
      .toBe(true);
    // Beside the marker, inside the window (placed from its real height, rows and all).
    const box = await popover.boundingBox();
    const markerBox = await marker.boundingBox();
    expect(box && markerBox).toBeTruthy();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORT.height);
    expect(box!.x + box!.width <= markerBox!.x || box!.x >= markerBox!.x + markerBox!.width).toBe(
      true,
    );
    const listed = await popover.locator('[data-agenda-item] .title').allTextContents();
    expect(listed).toHaveLength(AT_ONCE - shownTitles.length);
    // Together with the shown ones: every meeting, once; in the order they start.
    expect(new Set([...shownTitles, ...listed]).size).toBe(AT_ONCE);
    const starts = listed.map((t) => Number(t.replace('Meeting ', '')) % 3);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (let i = 1; i < listed.length + 3; i++) await page.keyboard.press('j');
    expect(await page.evaluate('document.activeElement.querySelector(".title")?.textContent')).toBe(
      listed.at(-1),
    );
    await page.screenshot({ path: `${SHOTS}/agenda-dense-more.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
    // The browser hides it at once; the page hears of it an event later.
    await expect.poll(() => marker.getAttribute('aria-expanded')).toBe('false');
    await expect
      .poll(() => page.evaluate('document.activeElement.textContent'))
      .toBe(`+${listed.length}`);
    // By mouse: a click opens it, a second click on the marker closes it, and "Day view" opens
    // the crowded day's own view, where more fit side by side.
    await marker.click();
    await popover.waitFor();
    await marker.click();
    await expect.poll(() => popover.count()).toBe(0);
    await marker.click();
    await popover.getByRole('button', { name: 'Day view' }).click();
    await expect
      .poll(() => page.evaluate('location.hash'))
      .toBe(
        // Today's view carries no date in its hash (it follows midnight).
        crowded.equals(Temporal.Now.plainDateISO(NY)) ? '#day' : `#day/${crowded}`,
      );
    await expect
      .poll(async () => (await gridBoxes(page)).more)
      .toEqual([`+${AT_ONCE - (MAX_COLUMNS.day - 1)}`]);
  });

  it('gives a narrow window fewer, wider lanes, and follows the window as it resizes', async () => {
    await page.goto('about:blank');
    await page.goto(`${base()}#week/${today}`);
    await page.waitForSelector('.agenda-app[data-state="ready"] .time-grid .block.more');
    const crowdedColumn = page.locator(`.grid-body .col[data-date="${crowded}"]`);
    const lanes = async () => {
      const width = await crowdedColumn.evaluate((col) => col.clientWidth);
      const boxes = await gridBoxes(page);
      const window = (await page.evaluate('innerWidth')) as number;
      return {
        cap: columnCap('week', width),
        more: boxes.more,
        spilling: boxes.spilling,
        // The first render's guess (column-cap.ts mirrors agenda.css): off, and every grid
        // would render twice before its first paint.
        guessOff: Math.abs(estimatedColumnPx(window, 7, 64) - width),
      };
    };
    expect((await lanes()).guessOff).toBeLessThan(1);
    await moreButton(page).click();
    await page.locator('.overflow-popover:popover-open').waitFor();
    try {
      // A week beside another window: ~80 px a day, one meeting and the "+N" column.
      await page.setViewportSize({ width: 700, height: VIEWPORT.height });
      await expect.poll(async () => (await lanes()).more).toEqual([`+${AT_ONCE - 1}`]);
      expect((await lanes()).cap).toBe(2);
      expect((await lanes()).spilling).toBe(0);
      expect((await lanes()).guessOff).toBeLessThan(1);
      // The day headings shorten their dates ("Nov 22") rather than run into each other.
      expect((await gridBoxes(page)).headingsOverflowing).toBe(0);
      const widths = await crowdedColumn
        .locator('.block.event')
        .evaluateAll((blocks) => blocks.map((b) => b.getBoundingClientRect().width));
      expect(widths).toHaveLength(1);
      expect(widths[0]).toBeGreaterThan(30);
      await page.screenshot({ path: `${SHOTS}/agenda-dense-narrow.png` });
      expect(await axeViolations(page)).toEqual([]);
      // The list opened from a marker that the new width regrouped is closed, not left
      // floating beside where the marker was.
      await expect.poll(() => page.locator('.overflow-popover').count()).toBe(0);
      // Widened again, without a reload: three lanes are back.
      await page.setViewportSize(VIEWPORT);
      await expect
        .poll(async () => (await lanes()).more)
        .toEqual([`+${AT_ONCE - (MAX_COLUMNS.week - 1)}`]);
    } finally {
      await page.setViewportSize(VIEWPORT);
    }
  });

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
    expect(await axeViolations(page)).toEqual([]);
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
