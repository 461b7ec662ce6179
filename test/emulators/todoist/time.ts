import { Temporal } from 'temporal-polyfill';

/**
 * Todoist writes timestamps with microseconds and a `Z`: `2025-01-05T10:00:00.000000Z`.
 * Clients (the SDK among them) parse them with `new Date(...)`, which accepts the form.
 */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** `full_sync_date_utc` is a whole-second UTC stamp: `2025-01-05T10:00:00Z`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The wall-clock moment `ms` in `timeZone`. */
export function zonedNow(ms: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
}

/** The user's "today" in their own time zone (all-day dates are wall-clock dates). */
export function todayIn(ms: number, timeZone: string): Temporal.PlainDate {
  return zonedNow(ms, timeZone).toPlainDate();
}

export interface TzInfo {
  timezone: string;
  hours: number;
  minutes: number;
  is_dst: 0 | 1;
  gmt_string: string;
}

/** The user resource's `tz_info` (Todoist sends `is_dst` as 0/1). */
export function tzInfo(ms: number, timeZone: string): TzInfo {
  const now = zonedNow(ms, timeZone);
  const offsetMin = Math.round(now.offsetNanoseconds / 60e9);
  const jan = Temporal.ZonedDateTime.from({ timeZone, year: now.year, month: 1, day: 1 });
  const jul = Temporal.ZonedDateTime.from({ timeZone, year: now.year, month: 7, day: 1 });
  const standard = Math.min(jan.offsetNanoseconds, jul.offsetNanoseconds) / 60e9;
  const sign = offsetMin < 0 ? -1 : 1;
  const abs = Math.abs(offsetMin);
  return {
    timezone: timeZone,
    hours: sign * Math.floor(abs / 60),
    minutes: sign * (abs % 60),
    is_dst: offsetMin > standard ? 1 : 0,
    gmt_string: now.offset,
  };
}
