// One `events` row → its slim agenda row (agenda-records.ts); the UTC days it is filed under are
// agenda-days.ts.
// Pure and deterministic: the row alone decides it, so the projection can be rebuilt from
// `events` at any time (the v3 upgrade does) and tests can assert the tables equal the projection
// of `events`. The raw resource is read through zod (a boundary: it is whatever Google sent); a
// malformed one still projects from the row's own fields.
import { z } from 'zod';
import type { AgendaEventRow } from './agenda-records';
import type { EventRecord } from './records';

// Each field on its own: one Google sends in an odd shape (a null location) loses only itself,
// not the event's declined state, link, colour and zone with it.
const field = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const eventTime = z.object({
  date: field(z.string()),
  dateTime: field(z.string()),
  timeZone: field(z.string()),
});
// z.object, not looseObject: only these fields are read, and the rest is not copied.
const rawEventSchema = z.object({
  start: field(eventTime),
  end: field(eventTime),
  htmlLink: field(z.string()),
  location: field(z.string()),
  colorId: field(z.string()),
  recurringEventId: field(z.string()),
  attendees: field(
    z.array(
      z
        .object({ self: field(z.boolean()), responseStatus: field(z.string()) })
        .catch({ self: undefined, responseStatus: undefined }),
    ),
  ),
});

/** http(s) links only: an `href` must never run script (`javascript:`). */
export function safeLink(value: string | undefined): string | undefined {
  return value && /^https?:\/\/[^\s]+$/i.test(value) ? value : undefined;
}

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is not). */
export function isCalendarDate(value: string | undefined): value is string {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

export function projectEvent(row: EventRecord): AgendaEventRow {
  const parsed = rawEventSchema.safeParse(row.raw);
  const raw = parsed.success ? parsed.data : {};
  const declined = raw.attendees?.some((a) => a.self === true && a.responseStatus === 'declined');
  const link = safeLink(raw.htmlLink);
  const location = raw.location?.trim();
  const startDate = row.allDay && isCalendarDate(raw.start?.date) ? raw.start?.date : undefined;
  const endDate = row.allDay && isCalendarDate(raw.end?.date) ? raw.end?.date : undefined;
  const startZone = row.allDay ? undefined : raw.start?.timeZone;
  return {
    calendarKey: row.calendarKey,
    id: row.id,
    startMs: row.startMs,
    endMs: row.endMs,
    allDay: row.allDay,
    ...(row.status === 'cancelled' ? { cancelled: true as const } : {}),
    ...(row.summary === undefined ? {} : { summary: row.summary }),
    ...(startDate === undefined ? {} : { startDate }),
    ...(endDate === undefined ? {} : { endDate }),
    ...(startZone === undefined ? {} : { startZone }),
    ...(raw.colorId === undefined ? {} : { colorId: raw.colorId }),
    ...(location ? { location } : {}),
    ...(link ? { link } : {}),
    ...(declined ? { declined: true as const } : {}),
    ...(row.seriesId !== undefined || raw.recurringEventId !== undefined
      ? { recurring: true as const }
      : {}),
  };
}

const FIELDS = [
  'calendarKey',
  'id',
  'startMs',
  'endMs',
  'allDay',
  'cancelled',
  'summary',
  'startDate',
  'endDate',
  'startZone',
  'colorId',
  'location',
  'link',
  'declined',
  'recurring',
] as const satisfies readonly (keyof AgendaEventRow)[];
// Compile-time: a field added to AgendaEventRow but not to FIELDS fails here.
type Unlisted = Exclude<keyof AgendaEventRow, (typeof FIELDS)[number]>;
const allListed: [Unlisted] extends [never] ? true : never = true;
void allListed;

/** Whether two projections are the same (an event change the agenda does not show, such as a
 * new description, leaves its agenda rows untouched). */
export function sameProjection(a: AgendaEventRow, b: AgendaEventRow): boolean {
  return FIELDS.every((field) => a[field] === b[field]);
}
