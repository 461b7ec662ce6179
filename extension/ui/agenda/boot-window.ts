// Which rows the new tab's boot read (store/agenda-raw-read.ts) fetches: a window sure to hold
// the first view's read. It runs in the page's first script, before the Temporal polyfill and zod
// are loaded, so it works with Intl and Date.UTC alone — and only has to be generous, never exact:
// the page checks the window covers what it needs (store/agenda-rows.ts `covers`) and reads
// through Dexie if it does not. view-state.ts and zone-days.ts keep the exact rules.
import { DAY_MS } from '../../store/agenda-days';
import type { TimeWindow } from '../../store/records';
import { MAX_ZONE_PAD_MS } from './zone-pad-limit';

const HOUR_MS = 3_600_000;
/** More than any DST change moves a midnight. */
const DST_SLACK_MS = 3 * HOUR_MS;
const DAYS_SHOWN = { agenda: 7, day: 1, week: 7 } as const;
type View = keyof typeof DAYS_SHOWN;

export interface BootInput {
  /** location.hash: `#week/2026-11-23` and the like. */
  readonly hash: string;
  /** The saved view (prefs.ts), when there is one. */
  readonly savedView: unknown;
  readonly nowMs: number;
  readonly zone: string;
}

function isView(value: unknown): value is View {
  return value === 'agenda' || value === 'day' || value === 'week';
}

/** UTC midnight of `YYYY-MM-DD`, when it is a real date. */
function utcMidnight(date: string | undefined): number | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date ? ms : undefined;
}

/** The zone's offset from UTC at `ms`, in ms (UTC+1 → 3,600,000). */
function offsetMs(zone: string, ms: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')?.value;
  // Before standard time, offsets had seconds: GMT-04:56:02.
  const match = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name ?? '');
  if (!match) throw new Error(`no offset for ${zone}`);
  if (!match[1]) return 0;
  const size = ((Number(match[2]) * 60 + Number(match[3])) * 60 + Number(match[4] ?? 0)) * 1000;
  return match[1] === '-' ? -size : size;
}

/** Today's date in `zone`, at UTC midnight. */
function todayMs(zone: string, nowMs: number): number {
  return Math.floor((nowMs + offsetMs(zone, nowMs)) / DAY_MS) * DAY_MS;
}

/** The view the page opens on: the hash's, else the saved one, else the agenda list. */
export function bootView(input: Pick<BootInput, 'hash' | 'savedView'>): View {
  const [viewText] = input.hash.replace(/^#\/?/, '').split('/');
  return isView(viewText) ? viewText : isView(input.savedView) ? input.savedView : 'agenda';
}

/** The window to read, or undefined when the zone is unknown to Intl (the page then reads as
 * usual). */
export function bootWindow(input: BootInput): TimeWindow | undefined {
  try {
    const dateText = input.hash.replace(/^#\/?/, '').split('/')[1];
    const view = bootView(input);
    const anchor = utcMidnight(dateText) ?? todayMs(input.zone, input.nowMs);
    // Weeks start on Monday (view-state.ts); getUTCDay: Sunday 0 … Saturday 6.
    const back = view === 'week' ? (new Date(anchor).getUTCDay() + 6) % 7 : 0;
    const first = anchor - back * DAY_MS;
    const last = first + (DAYS_SHOWN[view] - 1) * DAY_MS;
    // A zone's midnight is its date's UTC midnight minus its offset, give or take a DST change;
    // the page's read reaches MAX_ZONE_PAD_MS past the view for other zones' rows.
    return {
      startMs: first - offsetMs(input.zone, first) - DST_SLACK_MS - MAX_ZONE_PAD_MS,
      endMs: last + DAY_MS - offsetMs(input.zone, last + DAY_MS) + DST_SLACK_MS + MAX_ZONE_PAD_MS,
    };
  } catch {
    return undefined;
  }
}
