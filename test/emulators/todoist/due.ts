import * as chrono from 'chrono-node';
import { Temporal } from 'temporal-polyfill';
import { TodoistError } from './errors';
import type { DueJson } from './model';
import {
  findRecurrence,
  firstOccurrence,
  nextOccurrence,
  type Occurrence,
  type Recurrence,
} from './recurrence';
import { zonedNow } from './time';

/** What date parsing needs to know: the clock's instant and the user's time zone. */
export interface DueContext {
  now: number;
  timeZone: string;
}

export interface DateMatch {
  due: DueJson;
  /** Where the date words sit in the parsed text, so quick add can cut them out. */
  index: number;
  length: number;
}

const ALL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const FLOATING = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const FIXED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * Finds a date in free text: a recurrence phrase first ("every weekday"), else whatever
 * chrono-node reads, relative to the clock in the user's time zone ("tomorrow 5pm").
 * A time makes the due a floating date-time; no time makes it all-day (spec §5).
 */
export function findDate(text: string, ctx: DueContext): DateMatch | null {
  const wall = zonedNow(ctx.now, ctx.timeZone).toPlainDateTime();
  const rec = findRecurrence(text);
  if (rec !== null) {
    return {
      due: dueFromOccurrence(firstOccurrence(rec.recurrence, wall), rec.text, true),
      index: rec.index,
      length: rec.text.length,
    };
  }
  const offsetMin = zonedNow(ctx.now, ctx.timeZone).offsetNanoseconds / 60e9;
  const [hit] = chrono.casual.parse(
    text,
    { instant: new Date(ctx.now), timezone: offsetMin },
    { forwardDate: true },
  );
  if (hit === undefined) return null;
  const s = hit.start;
  const date = Temporal.PlainDate.from({
    year: s.get('year') ?? wall.year,
    month: s.get('month') ?? wall.month,
    day: s.get('day') ?? wall.day,
  });
  const at: Occurrence =
    s.isCertain('hour') || s.isCertain('minute')
      ? date.toPlainDateTime({ hour: s.get('hour') ?? 0, minute: s.get('minute') ?? 0 })
      : date;
  return { due: dueFromOccurrence(at, hit.text, false), index: hit.index, length: hit.text.length };
}

export function dueFromOccurrence(at: Occurrence, string: string, recurring: boolean): DueJson {
  return {
    date: formatOccurrence(at),
    timezone: null,
    string,
    lang: 'en',
    is_recurring: recurring,
  };
}

function formatOccurrence(at: Occurrence): string {
  if (at instanceof Temporal.PlainDate) return at.toString();
  return at.toString({ smallestUnit: 'second' });
}

/** A readable `due.string` for a due given as a bare date ("Mar 5", "Mar 5 17:00"). */
function describe(date: string): string {
  const d = Temporal.PlainDate.from(date.slice(0, 10));
  const month = d.toLocaleString('en-US', { month: 'short' });
  const time = date.length > 10 ? ` ${date.slice(11, 16)}` : '';
  return `${month} ${d.day}${time}`;
}

/**
 * The `due` argument of item_add / item_update: `{string}` is parsed like quick add; `{date}`
 * is taken as given (all-day, floating, or UTC `...Z` with a `timezone`, default the user's).
 * `null` or `{string: "no date"}` clears the due (returns null).
 */
export function dueFromArgs(arg: unknown, ctx: DueContext): DueJson | null {
  if (arg === null) return null;
  if (typeof arg !== 'object' || Array.isArray(arg)) throw invalidDue();
  const a = arg as Record<string, unknown>;
  const str = typeof a.string === 'string' ? a.string.trim() : undefined;
  const lang = typeof a.lang === 'string' ? a.lang : 'en';
  if (typeof a.date === 'string') {
    const date = a.date;
    const fixed = FIXED.test(date);
    if (!ALL_DAY.test(date) && !FLOATING.test(date) && !fixed) throw invalidDue();
    if (!isRealDate(date.slice(0, 10))) throw invalidDue();
    const timezone = fixed ? (typeof a.timezone === 'string' ? a.timezone : ctx.timeZone) : null;
    if (timezone !== null && !isTimeZone(timezone)) throw invalidDue();
    const recurring = str !== undefined && findRecurrence(str) !== null;
    return {
      date: fixed ? `${date.slice(0, 19)}Z` : date,
      timezone,
      string: str ?? describe(date),
      lang,
      is_recurring: recurring,
    };
  }
  if (str === undefined) throw invalidDue();
  if (str === '' || str.toLowerCase() === 'no date') return null;
  const found = findDate(str, ctx);
  if (found === null) throw invalidDue();
  // spec §5: `string` is what the user typed, not just the matched words.
  return { ...found.due, string: str, lang };
}

/** Next due of a recurring task on close (spec §3), or null when it does not recur. */
export function advanceRecurring(due: DueJson, ctx: DueContext): DueJson | null {
  if (!due.is_recurring) return null;
  const rec = findRecurrence(due.string);
  if (rec === null) return null;
  const wall = zonedNow(ctx.now, ctx.timeZone);
  const current = occurrenceOf(due, rec.recurrence);
  let next: ReturnType<typeof nextOccurrence>;
  try {
    next = nextOccurrence(rec.recurrence, current, wall.toPlainDateTime());
  } catch (err) {
    // A series stepped past the end of representable time cannot advance: close it for good.
    if (err instanceof RangeError) return null;
    throw err;
  }
  const moved = dueFromOccurrence(next, due.string, true);
  // spec §5: `date` starts with a four-digit year; a series that steps past 9999 is done.
  if (!/^\d{4}-/.test(moved.date)) return null;
  if (due.timezone !== null && next instanceof Temporal.PlainDateTime) {
    // A fixed-zone due stays fixed: step in its zone's wall clock, store as UTC.
    const utc = next.toZonedDateTime(due.timezone).toInstant().toString({ smallestUnit: 'second' });
    return { ...moved, date: utc, timezone: due.timezone, lang: due.lang };
  }
  return { ...moved, lang: due.lang };
}

function occurrenceOf(due: DueJson, _r: Recurrence): Occurrence {
  if (ALL_DAY.test(due.date)) return Temporal.PlainDate.from(due.date);
  if (due.timezone !== null && due.date.endsWith('Z')) {
    return Temporal.Instant.from(due.date).toZonedDateTimeISO(due.timezone).toPlainDateTime();
  }
  return Temporal.PlainDateTime.from(due.date.replace(/Z$/, ''));
}

function isRealDate(date: string): boolean {
  try {
    Temporal.PlainDate.from(date, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(tz: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(tz);
    return true;
  } catch {
    return false;
  }
}

/** Observed from the real service for an unreadable due (BAD_REQUEST / 42). */
function invalidDue(): TodoistError {
  return new TodoistError('BAD_REQUEST', { argument: 'due' }, 'Invalid date format');
}

/** The deadline argument: `{date: 'YYYY-MM-DD', lang?}` or null. */
export function deadlineFromArgs(arg: unknown): { date: string; lang: string } | null {
  if (arg === null) return null;
  if (typeof arg !== 'object' || Array.isArray(arg)) throw deadlineError();
  const a = arg as Record<string, unknown>;
  if (typeof a.date !== 'string' || !ALL_DAY.test(a.date) || !isRealDate(a.date)) {
    throw deadlineError();
  }
  return { date: a.date, lang: typeof a.lang === 'string' ? a.lang : 'en' };
}

function deadlineError(): TodoistError {
  return new TodoistError('INVALID_ARGUMENT_VALUE', { argument: 'deadline' });
}
