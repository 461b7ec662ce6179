// A stored Google event → the agenda's event. The raw resource is read through zod (a boundary:
// it is whatever Google sent), and a malformed one still shows from the row's indexed fields.
import { z } from 'zod';
import type { CalendarRecord, EventRecord } from '../../store/records';
import type { AgendaEvent } from './agenda-items';
import { eventColor } from './colors';
import { addDays, dateOf, type IsoDate, isIsoDate } from './zone-days';

const eventTime = z.object({
  date: z.string().optional(),
  dateTime: z.string().optional(),
  timeZone: z.string().optional(),
});
// z.object, not looseObject: only these fields are read, and copying every other field of each
// raw resource was a large part of placing a week's 1,000+ events (agenda bench).
const rawEventSchema = z.object({
  start: eventTime.optional(),
  end: eventTime.optional(),
  htmlLink: z.string().optional(),
  location: z.string().optional(),
  colorId: z.string().optional(),
  recurringEventId: z.string().optional(),
  attendees: z
    .array(z.object({ self: z.boolean().optional(), responseStatus: z.string().optional() }))
    .optional(),
});

/** http(s) links only: an `href` must never run script (`javascript:`). */
export function safeLink(value: string | undefined): string | undefined {
  return value && /^https?:\/\/[^\s]+$/i.test(value) ? value : undefined;
}

export function calendarName(calendar: CalendarRecord | undefined): string {
  return calendar?.summaryOverride ?? calendar?.summary ?? 'Calendar';
}

export function toAgendaEvent(
  row: EventRecord,
  calendar: CalendarRecord | undefined,
  viewerZone: string,
): AgendaEvent {
  const parsed = rawEventSchema.safeParse(row.raw);
  const raw = parsed.success ? parsed.data : {};
  const declined =
    raw.attendees?.some((a) => a.self === true && a.responseStatus === 'declined') ?? false;
  const link = safeLink(raw.htmlLink);
  const base = {
    kind: 'event' as const,
    key: `${row.calendarKey}|${row.id}`,
    calendarKey: row.calendarKey,
    id: row.id,
    title: row.summary?.trim() || '(No title)',
    calendarName: calendarName(calendar),
    startMs: row.startMs,
    endMs: row.endMs,
    color: eventColor(raw.colorId, calendar?.backgroundColor),
    declined,
    recurring: row.seriesId !== undefined || raw.recurringEventId !== undefined,
    ...(raw.location?.trim() ? { location: raw.location.trim() } : {}),
    ...(link ? { link } : {}),
  };
  if (row.allDay) {
    const { startDate, endDate } = allDayDates(row, raw, calendar?.timeZone);
    return { ...base, allDay: true, startDate, endDate };
  }
  const zone = raw.start?.timeZone;
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
  row: EventRecord,
  raw: z.infer<typeof rawEventSchema>,
  calendarZone: string | undefined,
): { startDate: IsoDate; endDate: IsoDate } {
  const zone = calendarZone ?? 'UTC';
  const start =
    raw.start?.date && isIsoDate(raw.start.date) ? raw.start.date : dateOf(row.startMs, zone);
  let end = raw.end?.date && isIsoDate(raw.end.date) ? raw.end.date : dateOf(row.endMs, zone);
  if (end <= start) end = addDays(start, 1);
  return { startDate: start, endDate: end };
}
