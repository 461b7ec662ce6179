// Removing a calendar's synced data, shared by the calendar-list collection (removed upstream,
// deselected upstream) and the local selection toggle. Callers hold a rw transaction over
// calendars, events and scopes.
import { calendarScope } from '../sync/scope';
import type { AlmanacDb } from './db';
import type { CalendarRecord } from './records';

/** Deletes the calendar's events; returns the number of rows deleted. */
export async function dropCalendarEvents(db: AlmanacDb, key: string): Promise<number> {
  const keys = await db.events.where('calendarKey').equals(key).primaryKeys();
  if (keys.length > 0) await db.events.bulkDelete(keys);
  return keys.length;
}

/** The calendar row without its cursor: its next sync, if reselected, is a clean full one. */
export function withoutCursor(row: CalendarRecord): CalendarRecord {
  const { cursor: _drop, ...rest } = row;
  return rest;
}

/** Calendar gone upstream: row, events and scheduling state. Returns synced rows written. */
export async function removeCalendar(db: AlmanacDb, row: CalendarRecord): Promise<number> {
  const dropped = await dropCalendarEvents(db, row.key);
  await db.calendars.delete(row.key);
  await db.scopes.delete(calendarScope(row.sourceId, row.id).id);
  return dropped + 1;
}
