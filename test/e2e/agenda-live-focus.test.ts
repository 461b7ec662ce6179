// The new tab keeps the user's place when a sync re-renders it. Each test puts the user somewhere
// (focus on an entry, a scrolled grid, text in quick add or search, a task completion in
// flight), changes the data on the Google or Todoist emulator, runs a sync as an alarm would
// (syncNow from another extension page), waits for the page to show the change, and checks the
// user's place. Debian Chromium in Los Angeles time, against the emulators' demo week.
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../emulators/common/node-server';
import { CALENDAR_IDS, type GoogleEmulator } from '../emulators/google/index';
import type { TodoistEmulator } from '../emulators/todoist/index';
import { mondayOf } from './support/agenda-demo-week';
import type { ExtensionBrowser } from './support/browser';
import { type DemoWorld, startDemoWorld } from './support/demo-world';
import { openPage, readStore, sendMessage } from './support/extension-pages';

const LA = 'America/Los_Angeles';
const NY = 'America/New_York';
const VIEWPORT = { width: 1280, height: 900 };
const PX_PER_MINUTE = 0.8; // grid-entries.ts

/** The focused element, named: its aria-label (an entry's starts with its title), or <body>. */
const ACTIVE = `(() => {
  const a = document.activeElement;
  if (!a || a === document.body) return '<body>';
  if (!a.isConnected) return '<detached>';
  return a.getAttribute('aria-label') ?? a.className ?? a.tagName;
})()`;

/** expect.poll is not allowed in hooks. */
async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the new tab keeps the user’s place through a sync', () => {
  let google: GoogleEmulator;
  let todoist: TodoistEmulator;
  let servers: RunningServer[] = [];
  let world: DemoWorld | undefined;
  let browser: ExtensionBrowser;
  let page: Page;
  const base = () => `chrome-extension://${browser.extensionId}/newtab.html`;
  const monday = mondayOf(Temporal.Now.plainDateISO(NY));
  const days = Array.from({ length: 7 }, (_, i) => monday.add({ days: i }).toString());
  const todayLa = () => Temporal.Now.plainDateISO(LA).toString();

  beforeAll(async () => {
    world = await startDemoWorld('live-focus', LA);
    ({ google, todoist, browser } = world);
    servers = [...world.servers];
    page = await openPage(browser, 'newtab.html', VIEWPORT);
    const connect = page.getByRole('button', { name: 'Connect Google Calendar' });
    await connect.click();
    await until(async () => (await readStore<{ id: string }>(page, 'sources')).length === 1);
    await sendMessage(page, {
      type: 'connect',
      provider: 'todoist',
      token: todoist.issueToken('demo'),
    });
    await until(async () => (await readStore<{ id: string }>(page, 'tasks')).length > 10);
  }, 180_000);

  afterAll(async () => {
    await world?.close();
  });

  const go = async (hash: string) => {
    await page.goto('about:blank');
    await page.goto(`${base()}${hash}`);
    await page.locator('.agenda-app[data-state="ready"]').waitFor();
    // Every entry in the DOM (render-budget.ts). Polled from here: waitForFunction polls a
    // string with eval, which the extension's CSP refuses once the first check comes too early.
    await until(
      () =>
        page.evaluate(
          `performance.getEntriesByName('almanac:agenda:complete').length > 0`,
        ) as Promise<boolean>,
    );
  };

  /** A Google events call on the work calendar. */
  const gcal = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(
      `${servers[0]!.url}/calendar/v3/calendars/${encodeURIComponent(CALENDAR_IDS.work)}/events${path}`,
      {
        method,
        headers: {
          authorization: `Bearer ${google.issueToken('demo')}`,
          'content-type': 'application/json',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
    );
    expect(res.status, await res.clone().text()).toBeLessThan(300);
  };
  /** Start and end of a timed event at `time` on `date`, Los Angeles wall time. */
  const when = (date: string, time: string, minutes = 30) => {
    const start = Temporal.PlainDate.from(date).toZonedDateTime({
      timeZone: LA,
      plainTime: Temporal.PlainTime.from(time),
    });
    const s = (z: Temporal.ZonedDateTime) => ({ dateTime: z.toString({ timeZoneName: 'never' }) });
    return { start: s(start), end: s(start.add({ minutes })) };
  };
  const insert = (id: string, summary: string, date: string, time: string, minutes = 30) =>
    gcal('POST', '', { id, summary, ...when(date, time, minutes) });
  /** The next sync, as an alarm would run it, asked from another page. */
  const sync = async () => {
    const other = await openPage(browser, 'popup.html');
    await sendMessage(other, { type: 'syncNow' });
    await other.close();
  };
  const active = () => page.evaluate(ACTIVE) as Promise<string>;
  const listTitles = (date: string) =>
    page.locator(`.agenda-list section.day[data-date="${date}"] li.entry .title`).allTextContents();

  // ---- 1. Focus in the list ------------------------------------------------------------------

  it('list: keeps the focus on an entry when ANOTHER entry of its day moves before it', async () => {
    const d = days[2]!;
    await insert('fa0001', 'Audit focused', d, '09:00');
    await insert('fb0001', 'Audit mover', d, '11:00');
    await sync();
    await go(`#agenda/${days[0]}`);
    await page.locator('li.entry', { hasText: 'Audit mover' }).waitFor();
    // The user walks to the entry with the keys (j from the entry before it).
    await page.locator('li.entry', { hasText: 'Audit focused' }).locator('a').focus();
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    expect(await active()).toMatch(/^Audit focused/);
    // Elsewhere, "Audit mover" is moved from 11:00 to 8:00 (before the focused entry).
    await gcal('PATCH', '/fb0001', when(d, '08:00'));
    await sync();
    await expect
      .poll(
        async () => {
          const t = await listTitles(d);
          return t.indexOf('Audit mover') < t.indexOf('Audit focused');
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(await active()).toMatch(/^Audit focused/);
  });

  it('list: keeps the focus on an entry that is itself moved to a later time', async () => {
    const d = days[2]!;
    await insert('fc0001', 'Audit later', d, '09:30');
    await sync();
    await go(`#agenda/${days[0]}`);
    await page.locator('li.entry', { hasText: 'Audit later' }).locator('a').focus();
    expect(await active()).toMatch(/^Audit later/);
    await gcal('PATCH', '/fc0001', when(d, '13:00'));
    await sync();
    await expect
      .poll(
        async () => {
          const t = await listTitles(d);
          return t.indexOf('Audit later') > t.indexOf('Quarterly planning');
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(await active()).toMatch(/^Audit later/);
  });

  it('list: keeps the focus on an entry that is itself moved to another day', async () => {
    await insert('fg0001', 'Audit traveller', days[2]!, '09:45');
    await sync();
    await go(`#agenda/${days[0]}`);
    await page.locator('li.entry', { hasText: 'Audit traveller' }).locator('a').focus();
    expect(await active()).toMatch(/^Audit traveller/);
    await gcal('PATCH', '/fg0001', when(days[4]!, '09:45'));
    await sync();
    await expect.poll(() => listTitles(days[4]!), { timeout: 20_000 }).toContain('Audit traveller');
    expect(await active()).toMatch(/^Audit traveller/);
  });

  it('list: keeps the focus on an entry that is renamed', async () => {
    const d = days[2]!;
    await insert('fd0001', 'Audit rename me', d, '10:00');
    await sync();
    await go(`#agenda/${days[0]}`);
    await page.locator('li.entry', { hasText: 'Audit rename me' }).locator('a').focus();
    await gcal('PATCH', '/fd0001', { summary: 'Audit renamed' });
    await sync();
    await page.locator('li.entry', { hasText: 'Audit renamed' }).waitFor({ timeout: 20_000 });
    expect(await active()).toMatch(/^Audit renamed/);
  });

  it('list: puts the focus on a neighbour when the focused entry is deleted', async () => {
    const d = days[2]!;
    await insert('fe0001', 'Audit doomed', d, '10:30');
    await sync();
    await go(`#agenda/${days[0]}`);
    const titles = await listTitles(d);
    const i = titles.indexOf('Audit doomed');
    const neighbours = [titles[i - 1], titles[i + 1]].filter(Boolean) as string[];
    await page.locator('li.entry', { hasText: 'Audit doomed' }).locator('a').focus();
    await gcal('DELETE', '/fe0001');
    await sync();
    await expect.poll(() => listTitles(d), { timeout: 20_000 }).not.toContain('Audit doomed');
    const now = await active();
    expect(
      neighbours.some((n) => now.startsWith(n)),
      `focus on ${now}, not on ${neighbours.join(' or ')}`,
    ).toBe(true);
  });

  it('list: an entry added above the fold does not move what is on screen', async () => {
    await page.setViewportSize({ width: 1280, height: 500 });
    try {
      await go(`#agenda/${days[0]}`);
      const target = page.locator(`section.day[data-date="${days[4]}"] li.entry`).first();
      await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const before = (await target.boundingBox())!.y;
      // The list scrolls in <main> (agenda.css).
      const scrollBefore = (await page.evaluate(
        `document.querySelector('main').scrollTop`,
      )) as number;
      expect(scrollBefore).toBeGreaterThan(0);
      await insert('ff0001', 'Audit above the fold', days[0]!, '09:00', 60);
      await sync();
      await page.locator('li.entry', { hasText: 'Audit above the fold' }).waitFor({
        timeout: 20_000,
      });
      await page.waitForTimeout(200);
      expect(Math.abs((await target.boundingBox())!.y - before)).toBeLessThan(2);
    } finally {
      await page.setViewportSize(VIEWPORT);
    }
  });

  it('list: an entry added on screen above the pointer leaves the row under the pointer there', async () => {
    await go(`#agenda/${days[0]}`);
    const section = page.locator(`section.day[data-date="${days[1]}"]`);
    // The day's heading a little below the top: a row added at its start is on screen, where
    // the browser's scroll anchoring (which holds the top of the list) does not help.
    await section.evaluate((el) => {
      const main = el.closest('main') as HTMLElement;
      main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 60;
    });
    const target = section.locator('li.entry').last();
    const box = (await target.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(VIEWPORT.height);
    const title = (await target.locator('.title').textContent())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const under = () =>
      page.evaluate(
        ([x, y]) =>
          document
            .elementFromPoint(x as number, y as number)
            ?.closest('li.entry')
            ?.querySelector('.title')?.textContent,
        [box.x + box.width / 2, box.y + box.height / 2],
      );
    expect(await under()).toBe(title);
    await insert('fp0001', 'Audit under the pointer', days[1]!, '00:05');
    await sync();
    await section.locator('li.entry', { hasText: 'Audit under the pointer' }).waitFor({
      timeout: 20_000,
    });
    await page.waitForTimeout(200);
    expect(await under()).toBe(title);
    expect(Math.abs((await target.boundingBox())!.y - box.y)).toBeLessThan(2);
    // The new row is on screen, above it.
    const added = (await section
      .locator('li.entry', { hasText: 'Audit under the pointer' })
      .boundingBox())!;
    expect(added.y).toBeGreaterThan(0);
    // And one above the fold too: the browser's anchoring and the page's must not both move it.
    await insert('fp0002', 'Audit under the pointer 2', days[0]!, '00:10');
    await sync();
    await page.locator('li.entry', { hasText: 'Audit under the pointer 2' }).waitFor({
      state: 'attached',
      timeout: 20_000,
    });
    await page.waitForTimeout(200);
    expect(await under()).toBe(title);
    expect(Math.abs((await target.boundingBox())!.y - box.y)).toBeLessThan(2);
    await page.mouse.move(0, 0);
  });

  it('list: an entry under the pointer that a sync moves itself is let go, not followed', async () => {
    await insert('fp0003', 'Audit wanderer', days[2]!, '00:20');
    await sync();
    await go(`#agenda/${days[0]}`);
    const section = page.locator(`section.day[data-date="${days[2]}"]`);
    await section.evaluate((el) => {
      const main = el.closest('main') as HTMLElement;
      main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 60;
    });
    const row = section.locator('li.entry', { hasText: 'Audit wanderer' });
    const box = (await row.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(100); // the pointer's entry is measured in the next frame
    const scrollTop = () => page.evaluate(`document.querySelector('main').scrollTop`);
    const before = await scrollTop();
    // To the end of its day: both its neighbours change. Following it would scroll the list.
    await gcal('PATCH', '/fp0003', when(days[2]!, '23:00'));
    await sync();
    await expect
      .poll(async () => (await section.locator('li.entry .title').allTextContents()).at(-1), {
        timeout: 20_000,
      })
      .toBe('Audit wanderer');
    await page.waitForTimeout(200);
    expect(await scrollTop()).toBe(before);
    await page.mouse.move(0, 0);
  });

  // ---- 1. Focus and scroll in the grids --------------------------------------------------------

  it('week: keeps the focus on a block when ANOTHER block of its day moves before it', async () => {
    const d = days[3]!;
    await insert('ga0001', 'Audit block focused', d, '06:00');
    await insert('gb0001', 'Audit block mover', d, '07:00');
    await sync();
    await go(`#week/${days[0]}`);
    const col = page.locator(`ul.col[data-date="${d}"]`);
    await col.locator('li.block', { hasText: 'Audit block mover' }).waitFor();
    await col.locator('li.block', { hasText: 'Audit block focused' }).locator('a').focus();
    expect(await active()).toMatch(/^Audit block focused/);
    await gcal('PATCH', '/gb0001', when(d, '05:00'));
    await sync();
    await expect
      .poll(
        async () => {
          const t = await col.locator('li.block a').allTextContents();
          return t.indexOf('Audit block mover') < t.indexOf('Audit block focused');
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(await active()).toMatch(/^Audit block focused/);
  });

  it('week: keeps the focus on a block that is itself moved to another day', async () => {
    await insert('gc0001', 'Audit block traveller', days[3]!, '03:00');
    await sync();
    await go(`#week/${days[0]}`);
    await page.locator('li.block', { hasText: 'Audit block traveller' }).locator('a').focus();
    expect(await active()).toMatch(/^Audit block traveller/);
    await gcal('PATCH', '/gc0001', when(days[4]!, '03:00'));
    await sync();
    await page
      .locator(`ul.col[data-date="${days[4]}"] li.block`, { hasText: 'Audit block traveller' })
      .waitFor({ timeout: 20_000 });
    expect(await active()).toMatch(/^Audit block traveller/);
  });

  it('day: keeps the focus on a block when ANOTHER block of the day moves before it', async () => {
    const d = days[3]!;
    await insert('ha0001', 'Audit day focused', d, '20:00');
    await insert('hb0001', 'Audit day mover', d, '21:00');
    await sync();
    await go(`#day/${d}`);
    const col = page.locator(`ul.col[data-date="${d}"]`);
    await col.locator('li.block', { hasText: 'Audit day mover' }).waitFor();
    await col.locator('li.block', { hasText: 'Audit day focused' }).locator('a').focus();
    expect(await active()).toMatch(/^Audit day focused/);
    await gcal('PATCH', '/hb0001', when(d, '19:00'));
    await sync();
    await expect
      .poll(
        async () => {
          const t = await col.locator('li.block a').allTextContents();
          return t.indexOf('Audit day mover') < t.indexOf('Audit day focused');
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(await active()).toMatch(/^Audit day focused/);
  });

  it('day: keeps where the user scrolled the grid when a sync brings an earlier entry', async () => {
    // Wednesday (in Los Angeles): its earliest entry is the 4 AM gym, so the day opens at 3:30.
    const d = days[2]!;
    await go(`#day/${d}`);
    const body = page.locator('.grid-body');
    const noon = 8 * 60 * PX_PER_MINUTE; // 8 AM
    await body.evaluate((el, top) => {
      el.scrollTop = top;
    }, noon);
    await page.waitForTimeout(100);
    expect(await body.evaluate((el) => el.scrollTop)).toBe(noon);
    await insert('ia0001', 'Audit early bird', d, '02:00');
    await sync();
    await page.locator('li.block', { hasText: 'Audit early bird' }).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(100);
    expect(await body.evaluate((el) => el.scrollTop)).toBe(noon);
  });

  // ---- 2. The "+N" list -------------------------------------------------------------------------

  const saturdayMarker = () => page.locator(`ul.col[data-date="${days[5]}"] .block.more button`);

  it('week "+N": a focused block that a sync puts behind a marker leaves the focus on that marker', async () => {
    // A crowded Saturday: one meeting at 11:45, seven at noon.
    await insert('jc0000', 'Audit crowd 0', days[5]!, '11:45', 60);
    for (let i = 1; i <= 7; i++)
      await insert(`jc000${i}`, `Audit crowd ${i}`, days[5]!, '12:00', 60);
    await sync();
    await go(`#week/${days[0]}`);
    await expect.poll(() => saturdayMarker().textContent(), { timeout: 20_000 }).toBe('+5');
    const col = page.locator(`ul.col[data-date="${days[5]}"]`);
    // Shown now: crowd 0, 1 and 2. A meeting at 11:30 pushes crowd 2 behind the marker.
    await col.locator('li.block', { hasText: 'Audit crowd 2' }).locator('a').focus();
    expect(await active()).toMatch(/^Audit crowd 2/);
    await insert('jc000a', 'Audit crowd earlier', days[5]!, '11:30', 60);
    await sync();
    await expect.poll(() => saturdayMarker().textContent(), { timeout: 20_000 }).toBe('+6');
    expect(await active()).toMatch(/^6 more entries/);
  });

  // The list a marker opened follows it through a sync (time-grid.tsx, followMarker): it lists
  // what the marker stands for now, and Escape gives the focus to the marker as it is now.
  const openPopover = () => page.locator('.overflow-popover:popover-open');
  const listedTitles = () => openPopover().locator('[data-agenda-item] .title').allTextContents();
  const openSaturdayList = async (count: string) => {
    await go(`#week/${days[0]}`);
    await expect.poll(() => saturdayMarker().textContent(), { timeout: 20_000 }).toBe(count);
    await saturdayMarker().focus();
    await page.keyboard.press('Enter');
    await openPopover().waitFor();
  };

  it('week "+N": the open list shows an entry a sync puts behind its marker, the focus staying put', async () => {
    // Behind the marker: crowd 2 to 7 (the test before).
    await openSaturdayList('+6');
    await page.keyboard.press('j');
    const second = (await listedTitles())[1]!;
    expect(await active()).toMatch(new RegExp(`^${second}`));
    // Another meeting at noon: it sorts after the others, so it goes behind the marker.
    await insert('jd0001', 'Audit crowd late', days[5]!, '12:00', 60);
    await sync();
    await expect.poll(() => saturdayMarker().textContent(), { timeout: 20_000 }).toBe('+7');
    expect(await listedTitles()).toContain('Audit crowd late');
    expect(await active()).toMatch(new RegExp(`^${second}`));
  });

  it('week "+N": the open list follows a marker a sync redrew, and Escape focuses it', async () => {
    await openSaturdayList('+7');
    expect(await active()).toMatch(/^Audit crowd 2/);
    const before = await openPopover().boundingBox();
    // A meeting at 11:15 pushes crowd 1 behind the marker: it now starts with another entry,
    // and React draws it as a new button.
    await insert('jd0002', 'Audit crowd earliest', days[5]!, '11:15', 60);
    await sync();
    await expect.poll(() => saturdayMarker().textContent(), { timeout: 20_000 }).toBe('+8');
    expect(await saturdayMarker().getAttribute('aria-expanded')).toBe('true');
    expect((await listedTitles())[0]).toBe('Audit crowd 1');
    // Not opened again: the focus and the place are the user's.
    expect(await active()).toMatch(/^Audit crowd 2/);
    const after = await openPopover().boundingBox();
    expect([after?.x, after?.y]).toEqual([before?.x, before?.y]);
    await page.keyboard.press('Escape');
    await expect.poll(() => openPopover().count()).toBe(0);
    await expect.poll(active).toMatch(/^8 more entries/);
  });

  it('week "+N": with its marker gone, the open list keeps what is left and Escape focuses it', async () => {
    await openSaturdayList('+8');
    expect(await active()).toMatch(/^Audit crowd 1/);
    // All but four meetings go: the four fit side by side, and no marker is left.
    for (const id of ['jc0002', 'jc0003', 'jc0004', 'jc0005', 'jc0006', 'jc0007', 'jd0001'])
      await gcal('DELETE', `/${id}`);
    await sync();
    await expect.poll(() => saturdayMarker().count(), { timeout: 20_000 }).toBe(0);
    expect(await listedTitles()).toEqual(['Audit crowd 1']);
    await page.keyboard.press('Escape');
    await expect.poll(() => openPopover().count()).toBe(0);
    // On the meeting's block in the grid, not lost to <body>.
    await expect.poll(active).toMatch(/^Audit crowd 1/);
    expect(await page.evaluate(`document.activeElement.closest('ul.col') !== null`)).toBe(true);
  });

  // ---- 3. Typing while a sync lands --------------------------------------------------------------

  it('quick add: the text, caret and focus stay while a sync re-renders the page', async () => {
    await go(`#agenda/${days[0]}`);
    await page.keyboard.press('n');
    await page.keyboard.type('Lunch wi');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await insert('ka0001', 'Audit while typing', days[1]!, '09:00');
    await sync();
    await page.locator('li.entry', { hasText: 'Audit while typing' }).waitFor({ timeout: 20_000 });
    expect(await active()).toMatch(/^New (event|task)$/);
    const input = page.locator('.quick-add-text');
    expect(await input.inputValue()).toBe('Lunch wi');
    expect(await input.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(6);
    await page.keyboard.type('X');
    expect(await input.inputValue()).toBe('Lunch Xwi');
    await input.fill('');
    await page.keyboard.press('Escape');
  });

  it('search: the text, caret and focus stay while a sync re-renders the page', async () => {
    await go(`#agenda/${days[0]}`);
    await page.keyboard.press('/');
    await page.keyboard.type('Audit sear');
    await page.keyboard.press('ArrowLeft');
    await insert('kb0001', 'Audit searched', days[1]!, '09:30');
    await sync();
    await page.locator('li.entry', { hasText: 'Audit searched' }).waitFor({ timeout: 20_000 });
    expect(await active()).toBe('Search these days');
    const input = page.getByLabel('Search these days');
    expect(await input.inputValue()).toBe('Audit sear');
    expect(await input.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(9);
    await page.keyboard.press('Escape');
  });

  it('quick add: text typed while an add is in flight is not wiped, and the add lands once', async () => {
    await go(`#agenda/${todayLa()}`);
    await page.getByLabel('Todoist').check();
    const input = page.getByLabel('New task');
    // Todoist answers the quick add after 2.5 s; a sync lands meanwhile.
    todoist.faults.add({
      match: { method: 'POST', path: '/api/v1/tasks/quick' },
      respond: { delayMs: 2500 },
      times: 1,
    });
    await input.fill('Audit stamps today');
    await input.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Adding…' }).count()).toBe(1);
    // The next one, typed while the first is on its way.
    await input.press('Control+a');
    await page.keyboard.type('Audit call Bob');
    await sync();
    await expect
      .poll(() => page.locator('.quick-add-result').textContent(), { timeout: 20_000 })
      .toContain('Added');
    await sync();
    await expect
      .poll(() => page.locator('li.entry .title', { hasText: 'Audit stamps' }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    expect(
      todoist.snapshot('demo').items.filter((t) => t.content.startsWith('Audit stamps')),
    ).toHaveLength(1);
    expect(await input.inputValue()).toBe('Audit call Bob');
  });

  // ---- 4. Task checkboxes -----------------------------------------------------------------------

  it('checkbox: a completion in flight keeps its box ticked while the store changes under it', async () => {
    await go(`#agenda/${todayLa()}`);
    const title = 'Review pull requests';
    const row = page.locator('li.entry.task', { hasText: title });
    const box = row.getByRole('checkbox');
    expect(await box.isChecked()).toBe(false);
    // Todoist takes 3 s to answer the push.
    todoist.faults.add({
      match: { method: 'POST', path: '/api/v1/sync' },
      respond: { delayMs: 3000 },
      times: 1,
    });
    // Samples what the box shows every 50 ms from the click on.
    await page.evaluate(`(() => {
      const samples = (globalThis.__samples = []);
      const started = performance.now();
      const tick = () => {
        const row = [...document.querySelectorAll('li.entry.task')].find((li) =>
          li.querySelector('.title')?.textContent === ${JSON.stringify(title)});
        const box = row?.querySelector('input[type=checkbox]');
        samples.push(box ? (box.checked ? 'ticked' : 'unticked') + (box.disabled ? ' (busy)' : '') : 'gone');
        if (performance.now() - started < 4500) setTimeout(tick, 50);
      };
      setTimeout(tick, 0);
    })()`);
    await box.click();
    await page.waitForTimeout(4700);
    const samples = (await page.evaluate('globalThis.__samples')) as string[];
    const afterClick = samples.slice(samples.findIndex((s) => s.startsWith('ticked')));
    expect(
      [...new Set(afterClick)],
      `what the box showed after the click: ${afterClick.join(', ')}`,
    ).not.toContain('unticked (busy)');
    expect(await box.isChecked()).toBe(true);
    expect(todoist.snapshot('demo').completedItems.map((t) => t.content)).toContain(title);
  });
});
