// The agenda list's render budget (render-budget.ts: the first screen, then 250 entries a frame)
// against a sync that grows a list past the budget it settled on. The rows are written through the
// pages' own Dexie, as agenda-dense does; a "sync" is a write from ANOTHER page of the extension
// (it reaches the new tab through Dexie's cross-context storagemutated, as the background's do).
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { buildExtension } from './support/build';
import { openPage } from './support/extension-pages';

const NY = 'America/New_York';
const VIEWPORT = { width: 1280, height: 800 };

/** Page script: one Google account and calendar; `events` as [id, title, startMs, minutes]. */
function writeEvents(events: readonly [string, string, number, number][], account = true): string {
  return `(async () => {
  const db = globalThis.__almanacNewtab.db;
  if (${account}) {
    await db.sources.put({ id: 'g', provider: 'google', label: 'budget@example.com' });
    await db.calendars.put({
      key: 'g:cal', sourceId: 'g', id: 'cal', etag: '"1"', summary: 'Calendar',
      timeZone: ${JSON.stringify(NY)}, accessRole: 'owner', backgroundColor: '#4986e7',
      hidden: false, googleSelected: true, primary: true, userSelected: true, raw: {},
    });
  }
  const rows = ${JSON.stringify(events)}.map(([id, summary, startMs, minutes]) => {
    const endMs = startMs + minutes * 60000;
    return {
      calendarKey: 'g:cal', id, etag: '"1"', status: 'confirmed', summary,
      updated: '2026-01-01T00:00:00.000Z', startMs, endMs, allDay: false,
      raw: { kind: 'calendar#event', id, status: 'confirmed', summary,
        htmlLink: 'https://www.google.com/calendar/event?eid=' + id,
        start: { dateTime: new Date(startMs).toISOString() },
        end: { dateTime: new Date(endMs).toISOString() } },
    };
  });
  await db.events.bulkPut(rows);
  return db.events.count();
})()`;
}

const ACTIVE = `(() => {
  const a = document.activeElement;
  if (!a || a === document.body) return '<body>';
  return a.querySelector('.title')?.textContent ?? a.getAttribute('aria-label');
})()`;

describe('the list’s render budget and the user’s place', () => {
  let browser: ExtensionBrowser;
  let writer: Page;
  const today = Temporal.Now.plainDateISO(NY);
  const base = () => `chrome-extension://${browser.extensionId}/newtab.html`;
  const at = (day: number, minutes: number) =>
    today.add({ days: day }).toZonedDateTime({ timeZone: NY, plainTime: '00:00' })
      .epochMilliseconds +
    minutes * 60_000;

  beforeAll(async () => {
    browser = await launchWithExtension({
      extensionDir: buildExtension('budget-focus', {}),
      env: { TZ: NY },
    });
    // The writer shows a day with nothing in it, so its own re-renders cost little.
    writer = await openPage(browser, 'newtab.html#day/2000-01-03', VIEWPORT);
    await writer.waitForFunction('Boolean(globalThis.__almanacNewtab)');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh tab on the list from today, its CPU slowed `rate` times (a busy laptop). */
  const open = async (rate: number) => {
    const page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${base()}#agenda/${today}`);
    return page;
  };
  /** Waits for a performance mark (polled from here: the page's CSP forbids Playwright's
   * in-page polling of a string). */
  const mark = async (page: Page, name: string, timeoutMs = 60_000) => {
    const end = Date.now() + timeoutMs;
    while (!(await page.evaluate(`performance.getEntriesByName('${name}').length > 0`))) {
      if (Date.now() > end) throw new Error(`no ${name} mark`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const complete = (page: Page) => mark(page, 'almanac:agenda:complete');

  // A sync that grows a settled list past its budget: the budget (render-budget.ts) stays where
  // the first screen put it (37 entries in an 800 px window) while the list was shorter, so the
  // new plan is cut to it for a frame — and the entries cut off are unmounted.
  it('keeps the focus on the last entry when a sync adds entries earlier in the week', async () => {
    // 30 entries, the last one on the last day.
    const events: [string, string, number, number][] = [];
    for (let i = 0; i < 29; i++) events.push([`b${i}`, `Entry ${i}`, at(i % 6, 9 * 60 + i), 30]);
    events.push(['blast', 'The last entry', at(6, 20 * 60), 30]);
    await writer.evaluate(writeEvents(events));
    const page = await open(1);
    await complete(page);
    const items = page.locator('.agenda-list [data-agenda-item]');
    expect(await items.count()).toBe(30);
    await items.last().focus();
    expect(await page.evaluate(ACTIVE)).toBe('The last entry');
    // A sync brings 10 early-morning meetings today (well above the focused entry).
    const more: [string, string, number, number][] = [];
    for (let i = 0; i < 10; i++) more.push([`m${i}`, `Early ${i}`, at(0, 60 + i), 30]);
    await writer.evaluate(writeEvents(more, false));
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(40);
    expect(await page.evaluate(ACTIVE)).toBe('The last entry');
    await page.close();
  });

  // The keys that need the whole list, pressed while it is still filling. Frames are held (the
  // page's requestAnimationFrame queues its callbacks until the test lets them go), so the list
  // stays at its first screen for as long as the test looks.
  /** 300 entries over the week, the last one on its last day. */
  const writeLongWeek = async () => {
    await writer.evaluate(`globalThis.__almanacNewtab.db.events.clear()`);
    const events: [string, string, number, number][] = [];
    for (let i = 0; i < 299; i++) events.push([`f${i}`, `Entry ${i}`, at(i % 6, 9 * 60 + i), 30]);
    events.push(['flast', 'The last entry', at(6, 20 * 60), 30]);
    await writer.evaluate(writeEvents(events));
  };

  it('k with nothing focused goes to the last entry of a list still filling', async () => {
    await writeLongWeek();
    const page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.addInitScript(() => {
      const held: FrameRequestCallback[] = [];
      globalThis.requestAnimationFrame = (callback) => held.push(callback);
      (globalThis as { releaseFrames?: () => void }).releaseFrames = () => {
        globalThis.requestAnimationFrame = (callback) =>
          setTimeout(() => callback(performance.now()), 16) as unknown as number;
        for (const callback of held.splice(0)) callback(performance.now());
      };
    });
    await page.goto(`${base()}#agenda/${today}`);
    await mark(page, 'almanac:agenda:committed');
    const items = page.locator('.agenda-list [data-agenda-item]');
    const first = await items.count();
    expect(first).toBeLessThan(100); // its first screen only, while the frames are held
    // k with nothing focused: the last entry of the week.
    await page.keyboard.press('k');
    expect(await page.evaluate(ACTIVE)).toBe('The last entry');
    expect(await items.count()).toBe(300);
    await page.evaluate('releaseFrames()');
    await page.close();
  });

  it('End scrolls to the real end of a list still filling', async () => {
    await writeLongWeek();
    const page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.addInitScript(() => {
      globalThis.requestAnimationFrame = () => 0; // every frame held: the list stays short
    });
    await page.goto(`${base()}#agenda/${today}`);
    await mark(page, 'almanac:agenda:committed');
    const items = page.locator('.agenda-list [data-agenda-item]');
    expect(await items.count()).toBeLessThan(100);
    await items.first().focus();
    await page.keyboard.press('End');
    expect(await items.count()).toBe(300);
    await expect
      .poll(() =>
        page.evaluate(`(() => {
          const main = document.querySelector('main');
          return main.scrollHeight - main.clientHeight - main.scrollTop;
        })()`),
      )
      .toBeLessThan(2);
    const last = (await page.locator('li.entry', { hasText: 'The last entry' }).boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(VIEWPORT.height);
    await page.close();
    await writer.evaluate(`globalThis.__almanacNewtab.db.events.clear()`);
  });

  // The control: the same change in a window whose first screen holds all 40 (1,000 px: 44).
  it('(control) keeps that focus when the budget already covers the grown list', async () => {
    await writer.evaluate(`globalThis.__almanacNewtab.db.events.clear()`);
    const events: [string, string, number, number][] = [];
    for (let i = 0; i < 29; i++) events.push([`c${i}`, `Entry ${i}`, at(i % 6, 9 * 60 + i), 30]);
    events.push(['clast', 'The last entry', at(6, 20 * 60), 30]);
    await writer.evaluate(writeEvents(events));
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`${base()}#agenda/${today}`);
    await complete(page);
    const items = page.locator('.agenda-list [data-agenda-item]');
    expect(await items.count()).toBe(30);
    await items.last().focus();
    const more: [string, string, number, number][] = [];
    for (let i = 0; i < 10; i++) more.push([`n${i}`, `Early ${i}`, at(0, 60 + i), 30]);
    await writer.evaluate(writeEvents(more, false));
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(40);
    expect(await page.evaluate(ACTIVE)).toBe('The last entry');
    await page.close();
    await writer.evaluate(`globalThis.__almanacNewtab.db.events.clear()`);
  });
});
