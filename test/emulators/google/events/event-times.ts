import { errors } from '../errors';
import { formatDateTime, isValidDate, isValidTimeZone, parseFloating, parseRfc3339 } from '../time';
import type { EventDateTimeInput } from './event-input';
import type { EventDateTime, StoredTime } from './event-types';

/**
 * start/end (spec §2): `{date}` for all-day (end exclusive) or `{dateTime, timeZone?}`. A
 * dateTime without an offset needs a timeZone; Google's message names the field.
 */
export function parseEventTime(input: EventDateTimeInput, which: 'start' | 'end'): StoredTime {
  const date = input.date ?? undefined;
  const dateTime = input.dateTime ?? undefined;
  const timeZone = input.timeZone ?? undefined;
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    throw errors.invalid(`Invalid time zone definition for ${which} time.`, `${which}.timeZone`);
  }
  if (date !== undefined && dateTime !== undefined) {
    throw errors.invalid(`Invalid ${which} time.`, which);
  }
  if (date !== undefined) {
    if (!isValidDate(date)) throw errors.invalid(`Invalid ${which} time.`, `${which}.date`);
    return { kind: 'date', date };
  }
  if (dateTime === undefined) throw errors.required(`Missing ${which} time.`, which);
  const withOffset = parseRfc3339(dateTime);
  if (withOffset !== undefined)
    return { kind: 'dateTime', ms: withOffset, ...(timeZone ? { timeZone } : {}) };
  if (timeZone === undefined) {
    throw errors.required(`Missing time zone definition for ${which} time.`, which);
  }
  const floating = parseFloating(dateTime, timeZone);
  if (floating === undefined) throw errors.invalid(`Invalid ${which} time.`, `${which}.dateTime`);
  return { kind: 'dateTime', ms: floating, timeZone };
}

/** The JSON form, dateTime rendered with the offset of `zone` (spec §1 `timeZone` param). */
export function renderTime(t: StoredTime, zone: string): EventDateTime {
  if (t.kind === 'date') return { date: t.date };
  return { dateTime: formatDateTime(t.ms, zone), ...(t.timeZone ? { timeZone: t.timeZone } : {}) };
}

/** Back to input form (UTC dateTime), so a patch can merge sub-fields. */
export function toInput(t: StoredTime): EventDateTimeInput {
  if (t.kind === 'date') return { date: t.date };
  return {
    dateTime: new Date(t.ms).toISOString(),
    ...(t.timeZone ? { timeZone: t.timeZone } : {}),
  };
}
