// The new tab's saved first frame: the markup of the view's first frame (render-budget.ts: its
// first screen), kept in the page's localStorage by the page (frame-save.ts) and painted by the
// next load's boot script (frame-paint.ts) ~100 ms before React can draw it, when nothing it was
// drawn from has changed:
// - the context: the build (markup and styles), the hash, the saved prefs, the "Show completed
//   tasks" setting (its echo: settings-echo.ts), zone, locale and window size (how many entries
//   the first screen holds);
// - the store: the agenda revision (store/agenda-revision.ts) its rows were read at;
// - the clock: it is only good until the next moment its drawing depends on (an entry starting,
//   which moves the now line or makes a task overdue; midnight, which changes "Today"). A time
//   grid's now line moves with every minute, so its frame keeps where the line stood and how fast
//   it moves (`nowLine`), which the paint follows up to the day's next clock change, and where the
//   grid was scrolled to (`gridScrollTop`), which innerHTML cannot carry.
// Kept apart from both halves so the boot script loads nothing of the page's.

import { echoedShowCompleted } from '../settings-echo';
import { pageStorage } from './page-storage';
import { PREFS_KEY } from './prefs-key';

export const SAVED_FRAME_KEY = 'almanac.agenda.savedFrame';

/** The mark the boot script leaves: detail `{ painted, reason }`. */
export const SAVED_FRAME_MARK = 'almanac:agenda:saved-frame';

export interface SavedFrame {
  /** frameContext() of the load that drew it. */
  readonly context: string;
  readonly revision: string;
  /** Drawn for the instants from `drawnAtMs` (its now) until before `validUntilMs` (epoch ms):
   * a clock set back must not bring back a frame drawn for later. */
  readonly drawnAtMs: number;
  readonly validUntilMs: number;
  /** The zone its now line's time is written in. */
  readonly zone: string;
  /** #root's innerHTML. */
  readonly html: string;
  /** A time grid's now line: its `top` (px) at `atMs`, moving `pxPerMinute` a minute. */
  readonly nowLine?: NowLineTrack;
  /** A time grid's scroll position (px from the top of its body). */
  readonly gridScrollTop?: number;
}

export interface NowLineTrack {
  readonly atMs: number;
  readonly topPx: number;
  readonly pxPerMinute: number;
}

/** Drops the saved frame (one that can never be painted again, a signed-out page's: no titles
 * of a removed account stay behind). A storage that refuses leaves nothing more to do. */
export function forgetFrame(local: Pick<Storage, 'removeItem'> | undefined): void {
  try {
    local?.removeItem(SAVED_FRAME_KEY);
  } catch {
    // storage refused
  }
}

/** What a first frame is drawn from, apart from the store and the clock; undefined without a
 * build id (a dev server's page, whose markup can change under the same name). */
export function frameContext(build: string | undefined): string | undefined {
  if (!build) return undefined;
  const intl = Intl.DateTimeFormat().resolvedOptions();
  let prefs: string | null = null;
  let showCompleted: string | null = null;
  try {
    const local = pageStorage();
    prefs = local?.getItem(PREFS_KEY) ?? null;
    showCompleted = echoedShowCompleted(local);
  } catch {
    return undefined; // storage refused: nothing saved could be matched anyway
  }
  return JSON.stringify([
    build,
    globalThis.location?.hash ?? '',
    prefs,
    showCompleted,
    intl.timeZone,
    intl.locale,
    globalThis.innerWidth,
    globalThis.innerHeight,
  ]);
}

/** The stored frame, if it is one (localStorage is shared with every extension page: checked
 * field by field rather than trusted; the boot script carries no zod). */
export function parseSavedFrame(raw: string | null | undefined): SavedFrame | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    const ok =
      typeof v.context === 'string' &&
      typeof v.revision === 'string' &&
      isFiniteNumber(v.drawnAtMs) &&
      isFiniteNumber(v.validUntilMs) &&
      typeof v.zone === 'string' &&
      typeof v.html === 'string' &&
      (v.nowLine === undefined || isNowLineTrack(v.nowLine)) &&
      (v.gridScrollTop === undefined || isFiniteNumber(v.gridScrollTop));
    return ok ? (v as unknown as SavedFrame) : undefined;
  } catch {
    return undefined;
  }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isNowLineTrack(value: unknown): value is NowLineTrack {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isFiniteNumber(v.atMs) && isFiniteNumber(v.topPx) && isFiniteNumber(v.pxPerMinute);
}
