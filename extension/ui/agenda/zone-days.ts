// Calendar days in the viewer's time zone. A day is [its start, the next day's start) on the epoch
// axis, so a DST day is 23 or 25 hours long, and a zone whose midnight is skipped starts the day at
// the first instant that exists (Temporal's startOfDay rule). Dates are ISO `YYYY-MM-DD` strings:
// they compare correctly as strings and are what Google's all-day `date` and Todoist's due use.
import { Temporal } from 'temporal-polyfill';

export type IsoDate = string;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface DayBounds {
  readonly date: IsoDate;
  readonly startMs: number;
  readonly endMs: number;
  /** 24, or 23 / 25 on a DST day (fractional in the rare zones with half-hour shifts). */
  readonly hours: number;
}

const startCache = new Map<string, number>();

/** Epoch ms of the first instant of `date` in `zone`. */
export function startOfDayMs(date: IsoDate, zone: string): number {
  const key = `${date}|${zone}`;
  const hit = startCache.get(key);
  if (hit !== undefined) return hit;
  const ms = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  if (startCache.size > 5_000) startCache.clear();
  startCache.set(key, ms);
  return ms;
}

export function dayBounds(date: IsoDate, zone: string): DayBounds {
  const startMs = startOfDayMs(date, zone);
  const endMs = startOfDayMs(addDays(date, 1), zone);
  return { date, startMs, endMs, hours: (endMs - startMs) / HOUR_MS };
}

/** The calendar date an instant falls on in `zone`. */
export function dateOf(ms: number, zone: string): IsoDate {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
}

/** Epoch ms of UTC midnight of a valid `YYYY-MM-DD` with a four-digit year from 1000, else
 * undefined. Date arithmetic on these is exact (the ISO calendar has no zones or DSTs) and ~50x
 * cheaper than Temporal's, which a week of 1,000+ entries calls thousands of times; anything else
 * (other years, malformed or impossible dates) goes through Temporal and its errors. */
function utcMidnight(date: IsoDate): number | undefined {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return undefined;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1000) {
    return undefined;
  }
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d
    ? ms
    : undefined;
}

const MIN_FAST_MS = Date.UTC(1000, 0, 1);
const MAX_FAST_MS = Date.UTC(9999, 11, 31);

export function addDays(date: IsoDate, days: number): IsoDate {
  const from = utcMidnight(date);
  const ms = from === undefined ? Number.NaN : from + days * DAY_MS;
  if (ms >= MIN_FAST_MS && ms <= MAX_FAST_MS) return new Date(ms).toISOString().slice(0, 10);
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** `count` consecutive dates from `first`. */
export function daysFrom(first: IsoDate, count: number): IsoDate[] {
  const start = Temporal.PlainDate.from(first);
  return Array.from({ length: count }, (_, i) => start.add({ days: i }).toString());
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const from = utcMidnight(a);
  const to = utcMidnight(b);
  if (from !== undefined && to !== undefined) return Math.round((to - from) / DAY_MS);
  return Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'day' }).days;
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function weekdayOf(date: IsoDate): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** The first day of the week containing `date`; `firstDay` is an ISO weekday (1 = Monday). */
export function startOfWeek(date: IsoDate, firstDay = 1): IsoDate {
  const back = (weekdayOf(date) - firstDay + 7) % 7;
  return addDays(date, -back);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  if (utcMidnight(value) !== undefined) return true;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
}
