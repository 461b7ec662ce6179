// A stored event's slim agenda row (store/agenda-records.ts: the raw resource was already read,
// through zod, when the row was written) → the agenda's event, with its calendar's name and color.
import type { AgendaEventRow } from '../../store/agenda-records';
import type { CalendarRecord } from '../../store/records';
import { knownZoneOr } from '../../sync/known-zone';
import type { AgendaEvent } from './agenda-items';
import { eventColor } from './colors';
import { addDays, dateOf, type IsoDate } from './zone-days';

export function calendarName(calendar: CalendarRecord | undefined): string {
  return calendar?.summaryOverride ?? calendar?.summary ?? 'Calendar';
}

export function toAgendaEvent(
  row: AgendaEventRow,
  calendar: CalendarRecord | undefined,
  viewerZone: string,
): AgendaEvent {
  const base = {
    kind: 'event' as const,
    key: `${row.calendarKey}|${row.id}`,
    calendarKey: row.calendarKey,
    id: row.id,
    title: row.summary?.trim() || '(No title)',
    calendarName: calendarName(calendar),
    startMs: row.startMs,
    endMs: row.endMs,
    color: eventColor(row.colorId, calendar?.backgroundColor),
    declined: row.declined === true,
    recurring: row.recurring === true,
    ...(row.location ? { location: row.location } : {}),
    ...(row.link ? { link: row.link } : {}),
  };
  if (row.allDay) {
    const { startDate, endDate } = allDayDates(row, calendar?.timeZone);
    return { ...base, allDay: true, startDate, endDate };
  }
  const zone = row.startZone;
  return {
    ...base,
    allDay: false,
    ...(zone && zone !== viewerZone ? { otherZone: zone } : {}),
  };
}

/** Google's own dates; only if they are unusable, the row's instants read back in the calendar's
 * zone (where the engine put them: sync/google/event-times.ts). End is exclusive and at least one
 * day after the start. */
function allDayDates(
  row: AgendaEventRow,
  calendarZone: string | undefined,
): { startDate: IsoDate; endDate: IsoDate } {
  const zone = knownZoneOr(calendarZone);
  const start = row.startDate ?? dateOf(row.startMs, zone);
  let end = row.endDate ?? dateOf(row.endMs, zone);
  if (end <= start) end = addDays(start, 1);
  return { startDate: start, endDate: end };
}
