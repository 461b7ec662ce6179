import { Temporal } from 'temporal-polyfill';

/**
 * Time helpers. Internally every timed moment is epoch milliseconds; every all-day moment is a
 * `YYYY-MM-DD` string. Rendering back to RFC 3339 always uses an explicit zone.
 */

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const FLOATING = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses an RFC 3339 timestamp WITH an offset (spec §1: timeMin/timeMax need one). */
export function parseRfc3339(value: string): number | undefined {
  if (!RFC3339.test(value)) return undefined;
  try {
    return Temporal.Instant.from(value.toUpperCase()).epochMilliseconds;
  } catch {
    return undefined;
  }
}

/** Parses a local date-time without offset, interpreting it in `zone`. */
export function parseFloating(value: string, zone: string): number | undefined {
  if (!FLOATING.test(value)) return undefined;
  try {
    return Temporal.PlainDateTime.from(value).toZonedDateTime(zone).epochMilliseconds;
  } catch {
    return undefined;
  }
}

export function isValidDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** `2025-03-10T09:00:00-04:00` (or `...Z` in UTC), as Google renders dateTime values. */
export function formatDateTime(ms: number, zone: string): string {
  const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  const text = zdt.toString({ timeZoneName: 'never', smallestUnit: 'second' });
  return zdt.offsetNanoseconds === 0 && zone === 'UTC' ? text.replace(/\+00:00$/, 'Z') : text;
}

/** `2025-03-10T13:00:00.000Z`, the shape of `updated` and `created`. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/** Midnight of an all-day date in `zone`. */
export function dateStartMs(date: string, zone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** The calendar date of an instant in `zone`. */
export function dateInZone(ms: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
}

/** `20250310T130000Z` — the UTC stamp of instance ids (spec §2). */
export function utcStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** `20250310` — the stamp of all-day instance ids (spec §2). */
export function dateStamp(date: string): string {
  return date.replace(/-/g, '');
}

/** An HTTP date (`Tue, 19 Nov 2013 01:13:52 GMT`), the shape of X-Goog-Channel-Expiration. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

export const DAY_MS = 86_400_000;
