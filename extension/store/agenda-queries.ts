// The agenda's event read over the day buckets (agenda-records.ts): the window's UTC days of
// every calendar are ONE primary-key range of `agendaDays`, read with getAll (no index lookups,
// no cursor), plus the calendars' long-event buckets; then an exact overlap filter. The read and
// the filter are apart so a caller can read a wider window in the same transaction as the rows
// that decide the exact one (ui/agenda/agenda-data.ts).
import Dexie from 'dexie';
import { DAY_MS, windowBuckets } from './agenda-days';
import type { AgendaDayRow, AgendaEventRow } from './agenda-records';
import { LONG_EVENT_BUCKET } from './agenda-records';
import type { AlmanacDb } from './db';
import type { TimeWindow } from './records';

/** The buckets that hold every event touching `window` (and some more). */
export interface DayBuckets {
  readonly days: readonly AgendaDayRow[];
  readonly long: readonly AgendaDayRow[];
}

export async function readDayBuckets(db: AlmanacDb, window: TimeWindow): Promise<DayBuckets> {
  const { first, last } = windowBuckets(window);
  const [days, long] = await Promise.all([
    db.agendaDays
      .where(':id')
      .between([first, Dexie.minKey], [last, Dexie.maxKey], true, true)
      .toArray(),
    db.agendaDays
      .where(':id')
      .between([LONG_EVENT_BUCKET, Dexie.minKey], [LONG_EVENT_BUCKET, Dexie.maxKey], true, true)
      .toArray(),
  ]);
  return { days, long };
}

export function byStart(a: AgendaEventRow, b: AgendaEventRow): number {
  return (
    a.startMs - b.startMs || a.calendarKey.localeCompare(b.calendarKey) || a.id.localeCompare(b.id)
  );
}

/**
 * The events in `buckets` touching [startMs, endMs): they start before the end and end after
 * the start (Google's timeMin/timeMax rule, spec §1), or start inside (a zero-length event at the
 * start). Each once, cancelled rows included (the caller decides), sorted by start, calendar, id.
 * `buckets` must have been read for `window` or a wider one.
 */
export function eventsInBuckets(buckets: DayBuckets, window: TimeWindow): AgendaEventRow[] {
  const { startMs: start, endMs: end } = window;
  const { first } = windowBuckets(window);
  const out: AgendaEventRow[] = [];
  for (const bucket of buckets.days) {
    for (const row of bucket.events) {
      // An event on several days is in each of their buckets: take it from the first one that
      // is in the window only.
      const firstDay = Math.max(first, Math.floor(row.startMs / DAY_MS));
      if (bucket.day === firstDay && touches(row, start, end)) out.push(row);
    }
  }
  for (const bucket of buckets.long) {
    for (const row of bucket.events) if (touches(row, start, end)) out.push(row);
  }
  return out.sort(byStart);
}

function touches(row: AgendaEventRow, start: number, end: number): boolean {
  return row.startMs < end && (row.endMs > start || row.startMs >= start);
}
