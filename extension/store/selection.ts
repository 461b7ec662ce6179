import type { CalendarRecord } from './records';

/**
 * Whether Almanac syncs a calendar. The user's choice in Almanac wins; otherwise the primary
 * calendar is selected by default, and others follow Google's own `selected` flag unless hidden.
 * Shared by the engine (which calendars are scopes) and the store (deselect → drop events).
 */
export function isCalendarSelected(row: CalendarRecord): boolean {
  if (row.userSelected !== undefined) return row.userSelected;
  if (row.primary) return true;
  return row.googleSelected && !row.hidden;
}
