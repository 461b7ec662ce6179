// The new tab left open for a long time (a pinned tab, a tab left open overnight). The
// page's clock is Playwright's (context.clock: Date, timers, animation frames), the browser runs
// in New York so the emulators' demo "today" (New York's) is the page's. Midnight passes with
// `runFor` (every timer fires as it would); a sleep is `fastForward` (due timers fire once, as
// after a laptop lid is opened).
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TodoistEmulator } from '../emulators/todoist/index';
import type { ExtensionBrowser } from './support/browser';
import { type DemoWorld, startDemoWorld } from './support/demo-world';
import { openPage, readStore, sendMessage } from './support/extension-pages';

const NY = 'America/New_York';
const VIEWPORT = { width: 1280, height: 900 };

describe('the new tab left open past midnight, in New York', () => {
  let todoist: TodoistEmulator;
  let world: DemoWorld | undefined;
  let browser: ExtensionBrowser;
  let page: Page;
  const today = Temporal.Now.plainDateISO(NY);
  const tomorrow = today.add({ days: 1 }).toString();
  const at = (time: string, date = today) =>
    date.toZonedDateTime({ timeZone: NY, plainTime: Temporal.PlainTime.from(time) })
      .epochMilliseconds;
  const base = () => `chrome-extension://${browser.extensionId}/newtab.html`;

  beforeAll(async () => {
    world = await startDemoWorld('longlived', NY);
    ({ todoist, browser } = world);
    const setup = await openPage(browser, 'newtab.html', VIEWPORT);
    await setup.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await sendMessage(setup, {
      type: 'connect',
      provider: 'todoist',
      token: todoist.issueToken('demo'),
    });
    for (let waited = 0; ; waited += 250) {
      const events = (await readStore(setup, 'events')).length;
      const tasks = (await readStore(setup, 'tasks')).length;
      if (events >= 40 && tasks > 10) break;
      if (waited > 30_000) throw new Error('the first sync did not finish in 30 s');
      await setup.waitForTimeout(250);
    }
    await setup.close();
    // From here on every page of the context runs on the fake clock (the worker does not).
    await browser.context.clock.install({ time: at('23:59:00') });
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  const open = async (hash: string, time: string, date = today) => {
    await page?.close();
    await browser.context.clock.setSystemTime(at(time, date));
    await browser.context.clock.resume(); // a test before may have paused it
    page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.goto(`${base()}${hash}`);
    await page.locator('.agenda-app[data-state="ready"]').waitFor();
  };
  const firstListDay = () =>
    page.locator('.agenda-list section.day[data-date]').first().getAttribute('data-date');
  const todayHeading = () =>
    page.locator('.agenda-list section.day.today').getAttribute('data-date');
  const overdue = () => page.locator('.overdue-group').textContent();

  it('follows to the new day at midnight when opened without a hash (list)', async () => {
    await open('', '23:59:00');
    expect(await firstListDay()).toBe(today.toString());
    await page.clock.runFor('02:00');
    await expect.poll(firstListDay, { timeout: 10_000 }).toBe(tomorrow);
    expect(await todayHeading()).toBe(tomorrow);
    // "Call the dentist" (all day, due yesterday now) is overdue.
    await expect.poll(overdue, { timeout: 10_000 }).toContain('Call the dentist');
  });

  it('follows to the new day after a sleep across midnight (list)', async () => {
    await open('', '22:00:00');
    expect(await firstListDay()).toBe(today.toString());
    await page.clock.fastForward('08:00:00');
    await expect.poll(firstListDay, { timeout: 10_000 }).toBe(tomorrow);
    expect(await todayHeading()).toBe(tomorrow);
  });

  it('shows the new day as soon as it is looked at again after a sleep (no wait for the 30 s tick)', async () => {
    // A real sleep: Chromium's timers run on a monotonic clock that stops while the computer
    // sleeps, so on waking the wall clock has jumped but the 30 s interval is not due yet (a
    // hidden tab's timers are throttled further). setSystemTime jumps Date without firing timers.
    await open('', '22:00:00');
    await page.clock.pauseAt(at('22:00:10'));
    await page.clock.setSystemTime(at('07:00:00', today.add({ days: 1 })));
    await page.evaluate(`(() => {
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('focus'));
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    })()`);
    await page.clock.runFor(2_000);
    await expect.poll(firstListDay, { timeout: 3_000 }).toBe(tomorrow);
  });

  it('follows to the new day at midnight after "Today" was pressed while on today (list)', async () => {
    await open('', '23:59:00');
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    // (Written with the date today: `#agenda/${today}`.)
    await expect.poll(() => page.evaluate('location.hash')).toMatch(/^#agenda/);
    await page.clock.runFor('02:00');
    // Stays on yesterday: "Yesterday" on top, and "Call the dentist" never reaches the overdue
    // group (it stays in yesterday's section).
    await expect.poll(firstListDay, { timeout: 10_000 }).toBe(tomorrow);
  });

  it('follows to the new day at midnight after switching to the day view on today', async () => {
    await open('', '23:59:00');
    await page.keyboard.press('d');
    // (Written with the date today: `#day/${today}`.)
    await expect.poll(() => page.evaluate('location.hash')).toMatch(/^#day/);
    await page.locator('.time-grid.day').waitFor();
    expect(await page.locator('ul.col.today .now-line').count()).toBe(1);
    await page.clock.runFor('02:00');
    // Stays on yesterday's column: no today highlight, no now line.
    await expect
      .poll(() => page.locator('ul.col').getAttribute('data-date'), { timeout: 10_000 })
      .toBe(tomorrow);
    expect(await page.locator('ul.col.today .now-line').count()).toBe(1);
  });

  it('follows to the new week at midnight Sunday after switching to the week view on today', async () => {
    // The coming Sunday (weeks start on Monday here).
    const sunday = today.add({ days: (7 - today.dayOfWeek) % 7 });
    const monday = sunday.add({ days: 1 }).toString();
    await open('', '23:59:00', sunday);
    await page.keyboard.press('w');
    // (Written with the date today: `#week/${sunday}`.)
    await expect.poll(() => page.evaluate('location.hash')).toMatch(/^#week/);
    await page.locator('.time-grid.week').waitFor();
    expect(await page.locator('ul.col.today').getAttribute('data-date')).toBe(sunday.toString());
    await page.clock.runFor('02:00');
    // Stays on last week: no column is today's, no now line anywhere.
    await expect.poll(() => page.locator('ul.col.today').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('ul.col.today').getAttribute('data-date')).toBe(monday);
    expect(await page.locator('ul.col .now-line').count()).toBe(1);
  });

  it('keeps its listeners, timers and heap through hours of ticks and fifty live updates', async () => {
    await open(`#agenda/${today}`, '08:00:00');
    const cdp = await browser.context.newCDPSession(page);
    const listeners = async () => {
      const counts: Record<string, number> = {};
      for (const target of ['document', 'window']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression: target });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
          objectId: result.objectId!,
        });
        for (const l of listeners)
          counts[`${target}:${l.type}`] = (counts[`${target}:${l.type}`] ?? 0) + 1;
      }
      return counts;
    };
    // Playwright's fake clock keeps the page's timers: pending ones by kind.
    const timers = () =>
      page.evaluate(`(() => {
        const out = {};
        for (const t of globalThis.__pwClock.controller._timers.values()) out[t.type] = (out[t.type] ?? 0) + 1;
        return out;
      })()`);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const churn = async (rounds: number, from: number) => {
      for (let i = from; i < from + rounds; i++) {
        // A sync's write that changes what the list shows (a task's title), then 5 minutes.
        await page.evaluate(`(async () => {
          const db = globalThis.__almanacNewtab.db;
          const row = (await db.tasks.toArray()).find((t) => t.content.startsWith('Call the dentist'));
          await db.tasks.put({ ...row, content: 'Call the dentist #${i}' });
        })()`);
        await expect
          .poll(() => page.locator('.agenda-list').textContent())
          .toContain(`Call the dentist #${i}`);
        await page.clock.runFor('05:00');
      }
    };
    await churn(10, 0); // warm up (caches, JIT)
    const before = { listeners: await listeners(), timers: await timers(), heap: await heap() };
    await churn(50, 10);
    const after = { listeners: await listeners(), timers: await timers(), heap: await heap() };
    expect(after.listeners).toEqual(before.listeners);
    expect(after.timers).toEqual(before.timers);
    expect(after.heap - before.heap).toBeLessThan(2_000_000);
    await cdp.detach();
  }, 300_000);
});
