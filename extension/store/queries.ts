// Reads shared by the UI and the engine's tests. The UI wraps them in useLiveQuery.
import { calendarScope } from '../sync/scope';
import type { AlmanacDb } from './db';
import type { CalendarRecord, EventRecord, ScopeState, TimeWindow } from './records';
import { isCalendarSelected } from './selection';

/** Events overlapping [startMs, endMs) — same rule as Google's timeMin/timeMax (spec §1) —
 * ordered by start. Optionally only some calendars. */
export async function eventsInWindow(
  db: AlmanacDb,
  window: TimeWindow,
  calendarKeys?: readonly string[],
): Promise<EventRecord[]> {
  const keys = calendarKeys ? new Set(calendarKeys) : undefined;
  // startMs < end via the index, end > start by filter: near-term views touch few past rows.
  const rows = await db.events
    .where('startMs')
    .below(window.endMs)
    .filter((e) => e.endMs > window.startMs && (!keys || keys.has(e.calendarKey)))
    .toArray();
  return rows.sort(
    (a, b) =>
      a.startMs - b.startMs ||
      a.calendarKey.localeCompare(b.calendarKey) ||
      a.id.localeCompare(b.id),
  );
}

export interface CalendarStatus {
  readonly calendar: CalendarRecord;
  readonly selected: boolean;
  /** The window the stored events are complete for (undefined until the first full sync). */
  readonly coveredWindow: TimeWindow | undefined;
  readonly state: ScopeState | undefined;
}

export async function calendarStatuses(
  db: AlmanacDb,
  sourceId?: string,
): Promise<CalendarStatus[]> {
  const calendars = sourceId
    ? await db.calendars.where('sourceId').equals(sourceId).toArray()
    : await db.calendars.toArray();
  const states = await db.scopes.bulkGet(calendars.map((c) => calendarScope(c.sourceId, c.id).id));
  return calendars.map((calendar, i) => ({
    calendar,
    selected: isCalendarSelected(calendar),
    coveredWindow: calendar.cursor?.window,
    state: states[i],
  }));
}
