import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { errors } from '../errors';
import { DAY_MS, dateInZone, isValidTimeZone } from '../time';
import type { StoredTime } from './event-types';
import { checkRule } from './rrule-check';

/**
 * Recurrence expansion (spec §2): RRULE/EXRULE through rrule-temporal, RDATE/EXDATE parsed here.
 * Timed series expand in their `start.timeZone`, so a 09:00 America/New_York daily event stays
 * 09:00 local across DST switches; all-day series expand as plain dates.
 */

/** Safety cap: no single expansion returns more occurrences than this. */
export const MAX_OCCURRENCES = 5000;

type DateValue = { kind: 'date'; date: string } | { kind: 'instant'; ms: number };

export interface ParsedRecurrence {
  rrules: string[];
  exrules: string[];
  rdates: DateValue[];
  exdates: DateValue[];
}

function invalidRule(): never {
  throw errors.invalid('Invalid recurrence rule.', 'recurrence');
}

function parseDateValues(line: string, defaultZone: string | undefined): DateValue[] {
  const colon = line.indexOf(':');
  if (colon < 0) invalidRule();
  const params = line.slice(0, colon).split(';').slice(1);
  let zone = defaultZone;
  let valueType: string | undefined;
  for (const p of params) {
    const [k, v] = p.split('=');
    if (k?.toUpperCase() === 'TZID' && v !== undefined) zone = v;
    else if (k?.toUpperCase() === 'VALUE' && v !== undefined) valueType = v.toUpperCase();
  }
  if (zone !== undefined && !isValidTimeZone(zone)) invalidRule();
  if (valueType !== undefined && valueType !== 'DATE' && valueType !== 'DATE-TIME') invalidRule();
  return line
    .slice(colon + 1)
    .split(',')
    .map((raw) => {
      const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(raw.trim());
      if (m === null) invalidRule();
      const date = `${m[1]}-${m[2]}-${m[3]}`;
      if (m[4] === undefined) return { kind: 'date', date } as const;
      const local = `${date}T${m[4]}:${m[5]}:${m[6]}`;
      try {
        if (m[7] === 'Z')
          return {
            kind: 'instant',
            ms: Temporal.Instant.from(`${local}Z`).epochMilliseconds,
          } as const;
        const ms = Temporal.PlainDateTime.from(local).toZonedDateTime(
          zone ?? 'UTC',
        ).epochMilliseconds;
        return { kind: 'instant', ms } as const;
      } catch {
        return invalidRule();
      }
    });
}

/** Parses and validates `recurrence[]`; throws 400 invalid on anything malformed. */
export function parseRecurrence(lines: string[], start: StoredTime): ParsedRecurrence {
  const zone = start.kind === 'dateTime' ? start.timeZone : undefined;
  const out: ParsedRecurrence = { rrules: [], exrules: [], rdates: [], exdates: [] };
  for (const line of lines) {
    const name = /^([A-Za-z]+)[;:]/.exec(line)?.[1]?.toUpperCase();
    if (name === 'RRULE') out.rrules.push(checkRule(line.slice(6)));
    else if (name === 'EXRULE') out.exrules.push(checkRule(line.slice(7)));
    else if (name === 'RDATE') out.rdates.push(...parseDateValues(line, zone));
    else if (name === 'EXDATE') out.exdates.push(...parseDateValues(line, zone));
    else invalidRule();
  }
  if (out.rrules.length === 0 && out.rdates.length === 0) invalidRule();
  // Probe each rule once so a rule rrule-temporal cannot handle fails at write time, not later.
  for (const rule of [...out.rrules, ...out.exrules]) {
    try {
      makeRule(rule, start).next();
    } catch {
      invalidRule();
    }
  }
  return out;
}

function dtstartOf(start: StoredTime): Temporal.ZonedDateTime {
  if (start.kind === 'date')
    return Temporal.PlainDate.from(start.date).toZonedDateTime({ timeZone: 'UTC' });
  return Temporal.Instant.fromEpochMilliseconds(start.ms).toZonedDateTimeISO(
    start.timeZone ?? 'UTC',
  );
}

/** Rule periods one expansion may walk through (HOURLY for 730 days needs ~17,600). */
const RULE_MAX_ITERATIONS = 100_000;

function makeRule(body: string, start: StoredTime, maxIterations?: number): RRuleTemporal {
  return new RRuleTemporal({
    rruleString: body,
    dtstart: dtstartOf(start),
    temporal: Temporal,
    ...(maxIterations === undefined ? {} : { maxIterations }),
  });
}

/** How much of the calendar one `between()` call covers: about a few thousand candidates. */
function chunkDays(body: string): number {
  if (/FREQ=HOURLY|BYHOUR=|BYMINUTE=|BYSECOND=/i.test(body)) return 7;
  if (/FREQ=YEARLY/i.test(body)) return 40 * 366;
  if (/FREQ=MONTHLY/i.test(body)) return 5 * 366;
  return 366;
}

/**
 * Occurrences of one rule in [fromMs, toMs], at most about MAX_OCCURRENCES of them. The window
 * is walked in chunks (see chunkDays) and empty stretches are skipped with `next()`: rrule-temporal asked for decades in one `between()` call grinds for
 * minutes before it gives up. [open] If a rule still exhausts its iteration budget (a COUNT of a
 * billion asked about a far window) the series lists what was reached — fewer instances than
 * Google would show, never a request that fails with 500.
 */
function ruleBetween(body: string, start: StoredTime, fromMs: number, toMs: number) {
  const rule = makeRule(body, start, RULE_MAX_ITERATIONS);
  const chunkMs = chunkDays(body) * DAY_MS;
  const out: Temporal.ZonedDateTime[] = [];
  // No occurrence precedes DTSTART, so nothing before it needs walking.
  let a = Math.max(fromMs, startMs(start) - DAY_MS);
  try {
    while (a <= toMs && out.length <= MAX_OCCURRENCES) {
      const b = Math.min(toMs, a + chunkMs);
      const got = rule.between(new Date(a), new Date(b), true);
      out.push(...got);
      if (b >= toMs) break;
      if (got.length > 0) {
        a = b;
        continue;
      }
      const next = rule.next(new Date(b), false);
      if (next === null) break;
      a = Math.max(b, next.epochMilliseconds);
    }
  } catch (err) {
    // Only an exhausted iteration budget is expected: keep what was reached.
    if (!(err instanceof Error && /^Maximum (iterations|candidate evaluations)/.test(err.message)))
      throw err;
  }
  return out;
}

/** Keys occurrences comparably: instants by ms, all-day by date. */
function keyOf(t: StoredTime): string {
  return t.kind === 'date' ? t.date : String(t.ms);
}

/**
 * Occurrence starts of a series whose start lies in [fromMs, toMs). For all-day series the bounds
 * are compared against UTC midnight of each date; callers add a day of slack either side and
 * filter precisely by overlap afterwards.
 */
export function expandOccurrences(
  recurrence: ParsedRecurrence,
  start: StoredTime,
  fromMs: number,
  toMs: number,
): StoredTime[] {
  if (toMs <= fromMs) return [];
  const toTime = (z: Temporal.ZonedDateTime): StoredTime =>
    start.kind === 'date'
      ? { kind: 'date', date: z.toPlainDate().toString() }
      : {
          kind: 'dateTime',
          ms: z.epochMilliseconds,
          ...(start.timeZone ? { timeZone: start.timeZone } : {}),
        };
  const found = new Map<string, StoredTime>();
  const add = (t: StoredTime) => found.set(keyOf(t), t);
  const inRange = (ms: number) => ms >= fromMs && ms < toMs;
  // RFC 5545: DTSTART is always the first instance of the set.
  if (inRange(startMs(start))) add(start);
  for (const body of recurrence.rrules) {
    for (const z of ruleBetween(body, start, fromMs, toMs)) {
      if (inRange(z.epochMilliseconds)) add(toTime(z));
      if (found.size > MAX_OCCURRENCES) break;
    }
  }
  for (const rd of recurrence.rdates) {
    const t = dateValueToTime(rd, start);
    if (inRange(startMs(t))) add(t);
  }
  const excluded = new Set<string>();
  for (const body of recurrence.exrules) {
    for (const z of ruleBetween(body, start, fromMs, toMs)) excluded.add(keyOf(toTime(z)));
  }
  const zone = start.kind === 'dateTime' ? (start.timeZone ?? 'UTC') : 'UTC';
  const exDates = new Set<string>();
  for (const ex of recurrence.exdates) {
    if (ex.kind === 'date') exDates.add(ex.date);
    else excluded.add(start.kind === 'date' ? dateInZone(ex.ms, 'UTC') : String(ex.ms));
  }
  const result = [...found.values()].filter((t) => {
    if (excluded.has(keyOf(t))) return false;
    // A DATE-valued EXDATE on a timed series removes that local day's occurrence.
    if (exDates.size > 0) {
      const day = t.kind === 'date' ? t.date : dateInZone(t.ms, zone);
      if (exDates.has(day)) return false;
    }
    return true;
  });
  result.sort((a, b) => startMs(a) - startMs(b));
  return result.slice(0, MAX_OCCURRENCES);
}

function dateValueToTime(v: DateValue, start: StoredTime): StoredTime {
  if (start.kind === 'date')
    return { kind: 'date', date: v.kind === 'date' ? v.date : dateInZone(v.ms, 'UTC') };
  if (v.kind === 'instant')
    return { kind: 'dateTime', ms: v.ms, ...(start.timeZone ? { timeZone: start.timeZone } : {}) };
  // A DATE RDATE on a timed series: that day at the series' local start time.
  const local = Temporal.Instant.fromEpochMilliseconds(start.ms).toZonedDateTimeISO(
    start.timeZone ?? 'UTC',
  );
  const ms = Temporal.PlainDate.from(v.date).toZonedDateTime({
    timeZone: start.timeZone ?? 'UTC',
    plainTime: local.toPlainTime(),
  }).epochMilliseconds;
  return { kind: 'dateTime', ms, ...(start.timeZone ? { timeZone: start.timeZone } : {}) };
}

/** UTC-midnight ms for dates, the instant for date-times (the expansion's comparison axis). */
export function startMs(t: StoredTime): number {
  return t.kind === 'date' ? Date.parse(`${t.date}T00:00:00Z`) : t.ms;
}
