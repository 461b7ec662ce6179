// The first screen first, for the agenda list and the time grids. A week of a busy store holds
// 1,000+ entries, and mounting them all before the first paint cost ~150 ms of React and ~270 ms
// of style and layout (the agenda bench's trace) for rows far below the fold. The list therefore
// commits the entries that can be on the first screen, paints, and then adds the rest a chunk per
// frame until all are in the DOM (so find-in-page, screen readers, j/k and the e2e tests see the
// whole list a few frames later, and no frame is long enough to hold up a key press — but for
// the keys that need the whole list at once, which put the rest in there and then: `fill`); a
// grid commits the hours it opens on, then the rest in the next frame.
import { type RefObject, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { afterNextPaint } from '../next-paint';
import type { AgendaPlan, DayPlan } from './agenda-plan';
import type { IsoDate } from './zone-days';

/** The list's smallest row (a one-line entry) in px: the first screen never holds more. */
const MIN_ROW_PX = 30;
/** Entries added per frame after the first one. */
const RENDER_STEP = 250;

/** How many entries the first frame renders: enough to fill a screen of this height. */
export function firstScreenEntries(viewportHeight: number): number {
  return Math.ceil(Math.max(viewportHeight, 600) / MIN_ROW_PX) + 10;
}

/** All-day chips per day the grid's first frame holds: its all-day row shows about eight rows
 * before it scrolls (agenda.css). */
export const ALL_DAY_FIRST = 10;
/** Minutes past the grid's first screen whose blocks still come in the first frame. */
const GRID_MARGIN_MINUTES = 60;

/** The minutes of the day axis a time grid's first frame holds: from where it opens (its scroll
 * position, in minutes) through a window's height of hours, which the grid's own body (below
 * the page's heading, toolbar and all-day row) never exceeds. */
export function gridFirstScreen(
  openAtMinute: number,
  viewportHeight: number,
  pxPerMinute: number,
): { readonly from: number; readonly to: number } {
  return {
    from: openAtMinute - GRID_MARGIN_MINUTES,
    to: openAtMinute + Math.max(viewportHeight, 600) / pxPerMinute + GRID_MARGIN_MINUTES,
  };
}

/** Whether a block spanning [top, bottom] minutes is in that first screen. */
export function inFirstScreen(
  span: { readonly top: number; readonly bottom: number },
  screen: { readonly from: number; readonly to: number },
): boolean {
  return span.bottom >= screen.from && span.top <= screen.to;
}

export interface LimitedPlan extends AgendaPlan {
  /** The day whose entries were cut short, if one was: its end is not its last entry. */
  readonly cutDay?: IsoDate;
}

/** The plan's first `budget` entries in reading order (the overdue group, then each day's
 * all-day and timed entries); the days after the budget runs out are left out. `entries` stays
 * the whole plan's count, for the page's messages. */
export function limitPlan(plan: AgendaPlan, budget: number): LimitedPlan {
  if (budget >= plan.entries) return plan;
  let left = budget;
  const take = <T>(list: readonly T[]): readonly T[] => {
    const kept = list.length <= left ? list : list.slice(0, Math.max(0, left));
    left -= kept.length;
    return kept;
  };
  const overdue = take(plan.overdue);
  const days: DayPlan[] = [];
  let cutDay: IsoDate | undefined;
  for (const day of plan.days) {
    if (left <= 0) break;
    const allDay = take(day.allDay);
    const timed = take(day.timed);
    if (allDay.length + timed.length < day.allDay.length + day.timed.length) cutDay = day.date;
    days.push({ ...day, allDay, timed });
  }
  return { days, overdue, entries: plan.entries, ...(cutDay ? { cutDay } : {}) };
}

/**
 * The number of entries to render now: `first` on mount, then RENDER_STEP more after each painted
 * frame until `total` are in (or at once when the page calls `fill`), when `onComplete` runs. Mount a fresh view (a React key) for a new
 * range of days, so it too paints its first screen first; a live update of the same days keeps
 * what is already in. (A grid asks for a total of 1 from 0: false, then true from its second
 * frame on.)
 */
export function useRenderBudget(
  total: number,
  first: number,
  onComplete?: () => void,
  fill?: RefObject<(() => void) | undefined>,
): number {
  const [budget, setBudget] = useState(first);
  // The page's keys may need every entry now, not a few frames on: k with nothing focused goes
  // to the LAST entry, j from the last one in the DOM to the next, and the browser's End to the
  // end of the list (keyboard.ts). `fill` puts the rest in before the key's own work.
  useEffect(() => {
    if (!fill) return;
    fill.current = () => {
      if (budget < total) flushSync(() => setBudget(total));
    };
    return () => {
      fill.current = undefined;
    };
  }, [fill, budget, total]);
  // Once every entry is in, every entry stays in: a sync that grows the list past the budget
  // must not cut its tail for a frame (a focused entry there lost its focus).
  const [complete, setComplete] = useState(false);
  useEffect(() => {
    if (budget >= total) {
      setComplete(true);
      onComplete?.();
      return;
    }
    let cancelled = false;
    afterNextPaint(() => {
      if (!cancelled) setBudget((b) => b + RENDER_STEP);
    });
    return () => {
      cancelled = true;
    };
  }, [budget, total, onComplete]);
  return complete ? Math.max(budget, total) : budget;
}
