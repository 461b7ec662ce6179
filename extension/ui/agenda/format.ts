// Dates and times as the viewer reads them: Intl in the viewer's locale and zone. Calendar dates
// are formatted as dates (through UTC noon of that date), never as an instant in some zone, so an
// all-day date can't slip to the previous day.
import { daysBetween, type IsoDate } from './zone-days';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** UTC noon of a calendar date: formatting it in UTC gives back exactly that date. */
function dateAnchor(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
}

export function timeText(ms: number, zone: string, locale?: string): string {
  return formatter(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(ms);
}

/** An hour line's label: "9 AM"; with the zone's abbreviation on a DST day ("1 AM PDT"). */
export function hourText(ms: number, zone: string, locale?: string, withZone = false): string {
  return formatter(locale, {
    hour: 'numeric',
    timeZone: zone,
    ...(withZone ? { timeZoneName: 'short' } : {}),
  }).format(ms);
}

export interface TimedSpan {
  readonly startMs: number;
  readonly endMs: number;
  readonly continuesBefore: boolean;
  readonly continuesAfter: boolean;
}

/** "9:00 – 10:30 AM"-style text for the part of an event on one day. */
export function spanText(span: TimedSpan, zone: string, locale?: string): string {
  const start = timeText(span.startMs, zone, locale);
  const end = timeText(span.endMs, zone, locale);
  if (span.continuesBefore && span.continuesAfter) return 'All day';
  if (span.continuesBefore) return `Until ${end}`;
  if (span.continuesAfter) return `From ${start}`;
  if (span.endMs <= span.startMs) return start;
  // formatRange shares what both ends have in common: "9:00 – 10:30 AM".
  return formatter(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone }).formatRange(
    span.startMs,
    span.endMs,
  );
}

export function weekdayText(date: IsoDate, locale?: string, style: 'long' | 'short' = 'long') {
  return formatter(locale, { weekday: style, timeZone: 'UTC' }).format(dateAnchor(date));
}

/** "November 23" */
export function monthDayText(date: IsoDate, locale?: string): string {
  return formatter(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    dateAnchor(date),
  );
}

/** "Monday, November 23, 2026" — for labels read aloud. */
export function fullDateText(date: IsoDate, locale?: string): string {
  return formatter(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(dateAnchor(date));
}

/** "Today", "Tomorrow", "Yesterday", else the weekday. */
export function relativeDayText(date: IsoDate, today: IsoDate, locale?: string): string {
  const diff = daysBetween(today, date);
  if (diff === 0) return 'Today';
  if (diff === 1) return 'Tomorrow';
  if (diff === -1) return 'Yesterday';
  return weekdayText(date, locale);
}

/** The title of a range of days: "November 16 – 22, 2026". */
export function rangeText(first: IsoDate, last: IsoDate, locale?: string): string {
  const f = formatter(locale, { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  if (first === last) return f.format(dateAnchor(first));
  return f.formatRange(dateAnchor(first), dateAnchor(last));
}

/** A due date in the overdue group: "Nov 19". */
export function shortDateText(date: IsoDate, locale?: string): string {
  return formatter(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    dateAnchor(date),
  );
}
