// How many columns a crowded cluster in a time grid's day is divided into (overlap-layout.ts: past
// that, its last column holds "+N" markers): as many as leave each entry a readable width in the
// day's column as drawn, up to the view's own bound. A fixed count per view gave a 1,280 px
// window three readable lanes in a week but a narrow one (a window beside another) 20 px slivers;
// the count now follows the column's width, measured, and is measured again when it changes.
import { type RefObject, useLayoutEffect, useState } from 'react';
import { OVERFLOW_COLUMN_PX } from './grid-entries';

export type GridMode = 'day' | 'week';

/** The narrowest an entry's lane may be: about five letters of a title, and its time under it. */
export const MIN_LANE_PX = 40;

/** The most columns whatever the width: past nine meetings side by side a day is read through its
 * "+N" list more easily than across ever more lanes. The week's bound is what a week column of a
 * 1,280–1,440 px window fits (~165 px: three lanes and the "+N" column). */
export const MAX_COLUMNS: Readonly<Record<GridMode, number>> = { week: 4, day: 10 };

/** The cap for a day column `columnPx` wide: every lane at least MIN_LANE_PX once the "+N"
 * column is taken out (a cluster at the cap has no "+N" column, so its lanes are wider still);
 * at least 2, one lane and the markers, however narrow the window. */
export function columnCap(mode: GridMode, columnPx: number): number {
  const lanes = Math.floor((columnPx - OVERFLOW_COLUMN_PX) / MIN_LANE_PX);
  return Math.max(2, Math.min(MAX_COLUMNS[mode], lanes + 1));
}

/** The page's layout, as agenda.css draws it, for a first guess at a day column's width before
 * there is one to measure: the app is at most 1,280 px wide with 20 px either side, the grid keeps
 * a gutter for the hours (`gutterPx`) and room for its scrollbar, and each day has a 1 px line. */
const APP_MAX_PX = 1280;
const APP_PADDING_PX = 40;
const SCROLLBAR_PX = 15;

export function estimatedColumnPx(windowPx: number, days: number, gutterPx: number): number {
  const body = Math.min(windowPx, APP_MAX_PX) - APP_PADDING_PX - gutterPx - SCROLLBAR_PX;
  return body / Math.max(1, days) - 1;
}

/**
 * The cap for the grid whose scrolling body is `body`: first from the window's width (so the
 * first render is, in the usual case, already the right one), then from its first day column as
 * laid out — before that frame is painted, so a wrong guess never reaches the screen — and again
 * whenever the body's size changes (the window resized). Its state is the cap, not the width: a
 * resize that keeps the cap renders nothing.
 */
export function useColumnCap(
  mode: GridMode,
  days: number,
  gutterPx: number,
  body: RefObject<HTMLElement | null>,
): number {
  const [cap, setCap] = useState(() =>
    columnCap(mode, estimatedColumnPx(globalThis.innerWidth ?? APP_MAX_PX, days, gutterPx)),
  );
  // Measured again for other days or another gutter (a zone change can bring a DST day's wider
  // one): the body's size stays the same, so the observer would not say.
  // biome-ignore lint/correctness/useExhaustiveDependencies: days and gutter move the columns.
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const measure = () => {
      const column = element.querySelector<HTMLElement>('.col');
      // clientWidth: the box the blocks are placed in (without the day's line).
      if (column) setCap(columnCap(mode, column.clientWidth));
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [mode, body, days, gutterPx]);
  return cap;
}
