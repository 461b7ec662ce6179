// The list's first screen first (render-budget.ts): a budget keeps exactly the plan's first
// entries in reading order, and a first screen holds at least a screenful of the smallest rows.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { projectEvent } from '../../../extension/store/agenda-projection';
import { AgendaList } from '../../../extension/ui/agenda/agenda-list';
import { type AgendaPlan, planAgenda } from '../../../extension/ui/agenda/agenda-plan';
import { toAgendaEvent } from '../../../extension/ui/agenda/event-view';
import {
  firstScreenEntries,
  gridFirstScreen,
  inFirstScreen,
  limitPlan,
} from '../../../extension/ui/agenda/render-budget';
import { toAgendaTask } from '../../../extension/ui/agenda/task-placement';
import { daysFrom } from '../../../extension/ui/agenda/zone-days';
import { allDayEvent, at, calendar, taskRow, timedEvent } from './fixtures';

const NY = 'America/New_York';
const FIRST = '2026-11-23';

/** A busy week: two overdue tasks, and per day one all-day event and `perDay` meetings (one day
 * left empty). */
function busyWeek(perDay: number, overdue = 2): AgendaPlan {
  const days = daysFrom(FIRST, 7);
  const rows = days.flatMap((day, d) =>
    d === 4
      ? []
      : [
          allDayEvent(`Holiday ${d}`, day, days[d + 1] ?? '2026-11-30'),
          ...Array.from({ length: perDay }, (_, i) =>
            timedEvent(
              `Meeting ${d}.${i}`,
              at(`${day}T${String(8 + (i % 10)).padStart(2, '0')}:00`, NY),
              at(`${day}T${String(9 + (i % 10)).padStart(2, '0')}:00`, NY),
            ),
          ),
        ],
  );
  return planAgenda({
    days,
    zone: NY,
    today: FIRST,
    nowMs: Date.parse(at(`${FIRST}T12:00`, NY)),
    events: rows.map((row) => toAgendaEvent(projectEvent(row), calendar(), NY)),
    tasks: [],
    earlierTasks: Array.from(
      { length: overdue },
      (_, i) =>
        toAgendaTask(
          taskRow(`Overdue ${i}`, `2026-11-${String(1 + (i % 20)).padStart(2, '0')}`),
          NY,
        )!,
    ),
    declined: 'dim',
    showCompleted: false,
  });
}

/** Every entry's key, in reading order: the overdue group, then each day's all-day and timed. */
function readingOrder(plan: AgendaPlan): string[] {
  return [
    ...plan.overdue.map((e) => e.key),
    ...plan.days.flatMap((day) => [...day.allDay, ...day.timed].map((e) => e.key)),
  ];
}

describe('limitPlan', () => {
  const plan = busyWeek(12);

  it('keeps the plan itself when the budget covers it', () => {
    expect(plan.entries).toBe(2 + 6 * 13);
    expect(limitPlan(plan, plan.entries)).toBe(plan);
    expect(limitPlan(plan, Number.POSITIVE_INFINITY)).toBe(plan);
  });

  it('keeps exactly the first `budget` entries, in reading order, for every budget', () => {
    const order = readingOrder(plan);
    for (let budget = 0; budget < plan.entries; budget++) {
      const limited = limitPlan(plan, budget);
      expect(readingOrder(limited)).toEqual(order.slice(0, budget));
      // The page's counts ("12 matches", the empty note) are the whole plan's.
      expect(limited.entries).toBe(plan.entries);
    }
  });

  it('names the day it cut short, and leaves out the days after it', () => {
    // 2 overdue + Monday's 13 + 5 of Tuesday's.
    const limited = limitPlan(plan, 20);
    expect(limited.days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24']);
    expect(limited.cutDay).toBe('2026-11-24');
    // A budget that ends exactly at a day's end cuts nothing short.
    const whole = limitPlan(plan, 15);
    expect(whole.days.map((d) => d.date)).toEqual(['2026-11-23']);
    expect(whole.cutDay).toBeUndefined();
  });

  it('keeps an empty day that comes before the budget runs out', () => {
    const limited = limitPlan(plan, 2 + 4 * 13 + 1);
    expect(limited.days.map((d) => [d.date, d.allDay.length + d.timed.length])).toEqual([
      ['2026-11-23', 13],
      ['2026-11-24', 13],
      ['2026-11-25', 13],
      ['2026-11-26', 13],
      ['2026-11-27', 0],
      ['2026-11-28', 1],
    ]);
  });
});

describe('the first screen', () => {
  it('holds a screenful of the smallest rows, on any screen', () => {
    for (const height of [0, 480, 720, 900, 1440, 2160]) {
      const first = firstScreenEntries(height);
      expect(first * 30).toBeGreaterThanOrEqual(Math.max(height, 600));
    }
    expect(firstScreenEntries(2160)).toBeGreaterThan(firstScreenEntries(900));
  });

  // Late on Monday: the now line belongs after Monday's last entry.
  const list = (plan: AgendaPlan) =>
    renderToStaticMarkup(
      createElement(AgendaList, {
        plan,
        zone: NY,
        locale: 'en-US',
        today: FIRST,
        nowMs: Date.parse(at(`${FIRST}T23:00`, NY)),
        actions: { completing: new Map<string, boolean>(), onToggle: () => undefined },
        searching: false,
      }),
    );
  const items = (html: string) => html.match(/data-agenda-item="/g)?.length ?? 0;

  it('is what the list renders before its first paint, and no more', () => {
    const plan = busyWeek(40);
    const html = list(plan);

    // No window in Node: the smallest screen the budget assumes.
    expect(items(html)).toBe(firstScreenEntries(0));
    expect(items(html)).toBeLessThan(plan.entries);
    // Monday is cut short: no now line at the cut, which is not Monday's end.
    expect(html).not.toContain('now-line');
  });

  it('counts the whole overdue group while only its first entries are in', () => {
    const plan = busyWeek(2, 50);
    const html = list(plan);
    expect(items(html)).toBe(firstScreenEntries(0));
    expect(html).toContain('<span class="day-date">50</span>');
  });

  it('renders a week that fits whole, now line included', () => {
    const plan = busyWeek(2);
    expect(plan.entries).toBeLessThanOrEqual(firstScreenEntries(0));
    const html = list(plan);
    expect(items(html)).toBe(plan.entries);
    expect(html).toContain('now-line');
  });
});

describe('a time grid’s first screen', () => {
  // 48 px an hour (grid-entries.tsx), opening at 7 AM.
  const px = 0.8;
  const screen = gridFirstScreen(7 * 60, 900, px);

  it('reaches a window’s height of hours past where the grid opens, and an hour either side', () => {
    expect(screen.from).toBe(6 * 60);
    expect(screen.to).toBe(7 * 60 + 900 / px + 60);
    // A short window still gets the hours of a 600 px one.
    expect(gridFirstScreen(0, 300, px).to).toBe(600 / px + 60);
  });

  it('holds the blocks that touch it, and only those', () => {
    expect(inFirstScreen({ top: 9 * 60, bottom: 10 * 60 }, screen)).toBe(true);
    // Starting before it and ending inside; starting inside and ending after.
    expect(inFirstScreen({ top: 5 * 60, bottom: 6 * 60 + 30 }, screen)).toBe(true);
    expect(inFirstScreen({ top: screen.to - 10, bottom: 24 * 60 }, screen)).toBe(true);
    // Wholly before or after.
    expect(inFirstScreen({ top: 4 * 60, bottom: 5 * 60 }, screen)).toBe(false);
    expect(inFirstScreen({ top: screen.to + 1, bottom: screen.to + 60 }, screen)).toBe(false);
  });
});
