// Dates and times as the viewer reads them: Intl in the viewer's locale and zone. Calendar dates
// are formatted as dates (through UTC noon of that date), never as an instant in some zone, so an
// all-day date can't slip to the previous day.
import { isKnownZone } from '../../sync/known-zone';
import { TIME_OF_DAY } from './time-of-day';
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
  // setUTCFullYear, not Date.UTC's year: Date.UTC reads years 0–99 as 1900–1999.
  return new Date(Date.UTC(2000, 0, 1, 12)).setUTCFullYear(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** Memoized formatting of instants: a week's 1,000+ entries start and end on a few hundred
 * distinct instants, and each entry's text needs two or three of them. One map per locale and
 * zone, keyed by the instant itself (no key string built per call); bounded so a long-open tab
 * doesn't grow it without end. */
interface InstantTexts {
  readonly byContext: Map<string, Map<number, string>>;
  last?: {
    readonly locale: string | undefined;
    readonly zone: string;
    readonly texts: Map<number, string>;
  };
}

function memoFormat(
  cache: InstantTexts,
  options: Intl.DateTimeFormatOptions,
  ms: number,
  zone: string,
  locale: string | undefined,
): string {
  let last = cache.last;
  if (!last || last.zone !== zone || last.locale !== locale) {
    const context = `${locale ?? ''}|${zone}`;
    let texts = cache.byContext.get(context);
    if (!texts) {
      texts = new Map();
      cache.byContext.set(context, texts);
    }
    last = { locale, zone, texts };
    cache.last = last;
  }
  let text = last.texts.get(ms);
  if (text === undefined) {
    text = formatter(locale, { ...options, timeZone: zone }).format(ms);
    if (last.texts.size > 20_000) last.texts.clear();
    last.texts.set(ms, text);
  }
  return text;
}

const timeTexts: InstantTexts = { byContext: new Map() };

export function timeText(ms: number, zone: string, locale?: string): string {
  return memoFormat(timeTexts, TIME_OF_DAY, ms, zone, locale);
}

/** The time in the event's own zone, when that zone's clock reads otherwise than the viewer's at
 * that instant; undefined when it reads the same (another name for the same zone — Google writes
 * "Asia/Kolkata" where the browser may say "Asia/Calcutta" — or a zone with the same offset) or
 * when the zone is unknown to this browser (bad data must not take the page down). */
export function otherZoneTime(
  ms: number,
  eventZone: string,
  viewerZone: string,
  locale?: string,
): string | undefined {
  if (eventZone === viewerZone || !isKnownZone(eventZone)) return undefined;
  const there = timeText(ms, eventZone, locale);
  return there === timeText(ms, viewerZone, locale) ? undefined : there;
}

const dayKeys: InstantTexts = { byContext: new Map() };
const DAY_KEY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

/** The date `ms` falls on in `zone` (only compared for equality, so one fixed locale). */
function dayKey(ms: number, zone: string): string {
  return memoFormat(dayKeys, DAY_KEY, ms, zone, 'en-CA');
}

const offsets: InstantTexts = { byContext: new Map() };
const OFFSET: Intl.DateTimeFormatOptions = { timeZoneName: 'longOffset' };

/** `zone`'s offset from UTC at `ms` ("GMT-04:00"; only compared for equality). */
function offsetText(ms: number, zone: string): string {
  const text = memoFormat(offsets, OFFSET, ms, zone, 'en-CA');
  return text.slice(text.indexOf('GMT'));
}

/** An hour line's label: "9 AM"; with the zone's abbreviation on a DST day ("1 AM PDT"); with
 * its minutes where the line is not on the hour ("2:30 AM", after a half-hour change). */
export function hourText(
  ms: number,
  zone: string,
  locale?: string,
  withZone = false,
  withMinutes = false,
): string {
  return formatter(locale, {
    hour: 'numeric',
    ...(withMinutes ? { minute: '2-digit' } : {}),
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

/** formatRange results by what they are made of. Intl's formatRange is ~15x the cost of a format
 * (V8 builds an interval formatter per call): a week of 1,000 events spent ~70 ms in it. For two
 * ends on one date its output depends only on the calendar fields they show (the time texts), so
 * those are the key. */
const rangeCache = new Map<string, string>();

/** "9:00 – 10:30 AM"-style text for the part of an event on one day. */
export function spanText(span: TimedSpan, zone: string, locale?: string): string {
  if (span.continuesBefore && span.continuesAfter) return 'All day';
  if (span.continuesBefore) return `Until ${timeText(span.endMs, zone, locale)}`;
  const start = timeText(span.startMs, zone, locale);
  if (span.continuesAfter) return `From ${start}`;
  if (span.endMs <= span.startMs) return start;
  const end = timeText(span.endMs, zone, locale);
  // Across a clock change the wall times mislead: an hour can start and end at the same wall
  // time (1:30 EDT to 1:30 EST), which formatRange collapses to one time as if it had no length,
  // 45 minutes read backwards (1:30 – 1:15 AM), an hour read as two (1:30 – 3:30 AM, the night
  // clocks go forward). Each end then carries its zone's name, as the day view's hour lines on
  // that day do.
  if (offsetText(span.startMs, zone) !== offsetText(span.endMs, zone)) {
    const named = formatter(locale, { ...TIME_OF_DAY, timeZone: zone, timeZoneName: 'short' });
    return `${named.format(span.startMs)}\u2009–\u2009${named.format(span.endMs)}`;
  }
  // A part ending at the day's end ends at the next date's midnight, where formatRange would
  // name both dates ("11/23/2026, 11:00 PM – 11/24/2026, 12:00 AM"): the two times alone say it.
  if (dayKey(span.startMs, zone) !== dayKey(span.endMs, zone)) return `${start}\u2009–\u2009${end}`;
  const key = `${locale ?? ''}|${zone}|${start}|${end}`;
  let text = rangeCache.get(key);
  if (text === undefined) {
    // formatRange shares what both ends have in common: "9:00 – 10:30 AM".
    text = formatter(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone }).formatRange(
      span.startMs,
      span.endMs,
    );
    if (rangeCache.size > 5_000) rangeCache.clear();
    rangeCache.set(key, text);
  }
  return text;
}

export function weekdayText(date: IsoDate, locale?: string, style: 'long' | 'short' = 'long') {
  return formatter(locale, { weekday: style, timeZone: 'UTC' }).format(dateAnchor(date));
}

/** "November 23" (`long`), "Nov 23" (`short`), "23" (`day`): a heading picks the one its
 * width holds. */
export function monthDayText(
  date: IsoDate,
  locale?: string,
  style: 'long' | 'short' | 'day' = 'long',
): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'day'
      ? { day: 'numeric', timeZone: 'UTC' }
      : { month: style, day: 'numeric', timeZone: 'UTC' };
  return formatter(locale, options).format(dateAnchor(date));
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

/** A list day's spoken name: "Today, Monday, November 23, 2026", but "Thursday, November 26,
 * 2026" where the near name is the weekday itself (not "Thursday, Thursday, …"). */
export function dayHeadingName(date: IsoDate, today: IsoDate, locale?: string): string {
  const near = relativeDayText(date, today, locale);
  const full = fullDateText(date, locale);
  return near === weekdayText(date, locale) ? full : `${near}, ${full}`;
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
