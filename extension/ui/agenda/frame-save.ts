// The page's half of the saved first frame (saved-frame.ts): when the view's first frame is
// committed, keep its markup for the next load's boot script — with the revision its rows were
// read at and the moment it stops being true.
import { afterNextPaint } from '../next-paint';
import type { AgendaPlan } from './agenda-plan';
import { PX_PER_MINUTE } from './grid-entries';
import { pageStorage } from './page-storage';
import { forgetFrame, SAVED_FRAME_KEY, type SavedFrame } from './saved-frame';

/** Bigger than a first screen's markup ever is (~30 KB): a frame past it is not kept. */
const MAX_FRAME_CHARS = 400_000;

/** The first moment after `nowMs` at which the plan would be drawn differently: an entry of its
 * starting (the now line moves past it; a task due then turns overdue), one of `clockChangesMs`
 * (a time grid's now line jumps there) or `dayEndMs` (today's end: "Today" becomes
 * "Yesterday"). Conservative: every start counts, shown or not. */
export function frameValidUntil(
  plan: AgendaPlan,
  nowMs: number,
  dayEndMs: number,
  clockChangesMs: readonly number[] = [],
): number {
  let until = dayEndMs;
  const consider = (ms: number | undefined) => {
    if (ms !== undefined && ms > nowMs && ms < until) until = ms;
  };
  for (const day of plan.days) {
    for (const entry of [...day.allDay, ...day.timed]) {
      consider(entry.kind === 'event' ? entry.startMs : entry.task.startMs);
    }
  }
  for (const entry of plan.overdue) if (entry.kind === 'task') consider(entry.task.startMs);
  for (const ms of clockChangesMs) consider(ms);
  return until;
}

/** Keeps `frame` for the next load; a storage that refuses (full, disabled) keeps none. */
export function saveFrame(
  local: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  frame: SavedFrame,
) {
  if (!local) return;
  try {
    if (frame.html.length > MAX_FRAME_CHARS) forgetFrame(local);
    else local.setItem(SAVED_FRAME_KEY, JSON.stringify(frame));
  } catch {
    // Not kept: the next load draws its first frame the usual way.
  }
}

export interface FirstFrame {
  readonly context: string;
  readonly revision: string;
  readonly plan: AgendaPlan;
  readonly nowMs: number;
  readonly dayEndMs: number;
  readonly zone: string;
  /** A time grid's: today's clock changes (grid-axis.ts `shifts`), where its now line jumps. */
  readonly clockChangesMs?: readonly number[];
}

/** Called as the first frame is committed (a layout effect). Its markup is taken at the end of
 * that commit (a microtask: a time grid measures its columns in a layout effect and may draw
 * again before the paint, column-cap.ts), before the next frames add to it, and stored after
 * the frame is painted, off the paint's path. */
export function keepFirstFrame(root: Element | null, frame: FirstFrame): void {
  if (!root) return;
  queueMicrotask(() => {
    const html = root.innerHTML;
    const validUntilMs = frameValidUntil(
      frame.plan,
      frame.nowMs,
      frame.dayEndMs,
      frame.clockChangesMs,
    );
    const line = root.querySelector<HTMLElement>('.col .now-line');
    const topPx = line ? Number.parseFloat(line.style.top) : Number.NaN;
    const body = root.querySelector('.time-grid .grid-body');
    const saved: SavedFrame = {
      context: frame.context,
      revision: frame.revision,
      drawnAtMs: frame.nowMs,
      validUntilMs,
      zone: frame.zone,
      html,
      ...(Number.isFinite(topPx)
        ? { nowLine: { atMs: frame.nowMs, topPx, pxPerMinute: PX_PER_MINUTE } }
        : {}),
      ...(body ? { gridScrollTop: body.scrollTop } : {}),
    };
    afterNextPaint(() => saveFrame(pageStorage(), saved));
  });
}
