// Places an event on the epoch-ms axis for indexing and window checks (spec §2 start/end).
import { Temporal } from 'temporal-polyfill';
import { BadResponse } from '../errors';
import { knownZoneOr } from '../known-zone';

export interface EventDateTime {
  readonly date?: string | undefined;
  readonly dateTime?: string | undefined;
  readonly timeZone?: string | undefined;
}

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/i;
const midnightCache = new Map<string, number>();

/**
 * Epoch ms of a start/end. `dateTime` is RFC 3339 with an offset. An all-day `date` has no
 * instant of its own: it starts at midnight in the calendar's time zone (the zone Google uses to
 * match all-day events against timeMin/timeMax), UTC when the calendar's zone is missing or
 * unknown here.
 */
export function toEpochMs(value: EventDateTime, calendarTimeZone: string | undefined): number {
  if (value.dateTime !== undefined) {
    const ms = OFFSET.test(value.dateTime) ? Date.parse(value.dateTime) : Number.NaN;
    if (Number.isNaN(ms)) throw new BadResponse(`unusable dateTime ${value.dateTime}`);
    return ms;
  }
  // A zone this runtime does not know (newer than its tz data) files the day by UTC's midnight
  // rather than failing the calendar's sync: the instant only indexes the event, and the page
  // places an all-day event by its own dates.
  if (value.date !== undefined) return midnight(value.date, knownZoneOr(calendarTimeZone));
  throw new BadResponse('event time has neither date nor dateTime');
}

function midnight(date: string, timeZone: string): number {
  const key = `${date}|${timeZone}`;
  const cached = midnightCache.get(key);
  if (cached !== undefined) return cached;
  let ms: number;
  try {
    ms = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
  } catch (cause) {
    throw new BadResponse(`unusable all-day date ${date} in ${timeZone}`, { cause });
  }
  if (midnightCache.size > 10_000) midnightCache.clear();
  midnightCache.set(key, ms);
  return ms;
}
