import { errors } from '../errors';

/**
 * Validation of one RRULE / EXRULE body against RFC 5545 §3.3.10 (spec §2: `recurrence[]` holds
 * RRULE/EXRULE/RDATE/EXDATE lines). rrule-temporal accepts nonsense such as `COUNT=-1`,
 * `BYMONTH=13` or `BYHOUR=99` and quietly expands it into something; Google refuses an invalid
 * rule, so every part is checked here, by value and by the FREQ it may be combined with.
 */
const WEEKDAYS = new Set(['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']);
// [open] Google's UI offers nothing finer than daily; we reject MINUTELY/SECONDLY (stricter,
// and it keeps an expansion bounded).
const FREQS = new Set(['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY']);

function invalidRule(): never {
  throw errors.invalid('Invalid recurrence rule.', 'recurrence');
}

/** A comma list of integers in [min, max]; `signed` lists also allow -max..-min (never 0). */
function intList(value: string, min: number, max: number, signed: boolean): void {
  for (const item of value.split(',')) {
    if (!(signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/).test(item)) invalidRule();
    const n = Math.abs(Number(item));
    if (n < min || n > max || (signed && n === 0)) invalidRule();
  }
}

function positiveInt(value: string): void {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) invalidRule();
}

function until(value: string): void {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (m === null) invalidRule();
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const sameDay =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d);
  if (!sameDay || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) invalidRule();
}

/** BYDAY: `[+|-][1..53]WD`; an ordinal only with MONTHLY/YEARLY (RFC 5545 §3.3.10). */
function byDay(value: string, freq: string, hasWeekNo: boolean): void {
  for (const item of value.toUpperCase().split(',')) {
    const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    if (m === null || !WEEKDAYS.has(m[2] ?? '')) invalidRule();
    if (m[1] === undefined) continue;
    const n = Math.abs(Number(m[1]));
    if (n < 1 || n > 53) invalidRule();
    if (freq !== 'MONTHLY' && freq !== 'YEARLY') invalidRule();
    if (freq === 'YEARLY' && hasWeekNo) invalidRule();
  }
}

/** Checks `body` (the part after `RRULE:`) and returns it normalised (no empty parts). */
export function checkRule(body: string): string {
  const parts = body.split(';').filter((p) => p.length > 0);
  const values = new Map<string, string>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = eq <= 0 ? '' : part.slice(0, eq).toUpperCase();
    const value = eq <= 0 ? '' : part.slice(eq + 1);
    if (key === '' || value === '' || values.has(key)) invalidRule();
    values.set(key, value);
  }
  const freq = values.get('FREQ')?.toUpperCase();
  if (freq === undefined || !FREQS.has(freq)) invalidRule();
  if (values.has('COUNT') && values.has('UNTIL')) invalidRule();
  const bySomething = [...values.keys()].some((k) => k.startsWith('BY') && k !== 'BYSETPOS');
  for (const [key, value] of values) {
    switch (key) {
      case 'FREQ':
        break;
      case 'UNTIL':
        until(value);
        break;
      case 'COUNT':
      case 'INTERVAL':
        positiveInt(value);
        break;
      case 'BYSECOND':
        intList(value, 0, 60, false);
        break;
      case 'BYMINUTE':
        intList(value, 0, 59, false);
        break;
      case 'BYHOUR':
        intList(value, 0, 23, false);
        break;
      case 'BYDAY':
        byDay(value, freq, values.has('BYWEEKNO'));
        break;
      case 'BYMONTHDAY':
        if (freq === 'WEEKLY') invalidRule();
        intList(value, 1, 31, true);
        break;
      case 'BYYEARDAY':
        if (freq === 'DAILY' || freq === 'WEEKLY' || freq === 'MONTHLY') invalidRule();
        intList(value, 1, 366, true);
        break;
      case 'BYWEEKNO':
        if (freq !== 'YEARLY') invalidRule();
        intList(value, 1, 53, true);
        break;
      case 'BYMONTH':
        intList(value, 1, 12, false);
        break;
      case 'BYSETPOS':
        if (!bySomething) invalidRule();
        intList(value, 1, 366, true);
        break;
      case 'WKST':
        if (!WEEKDAYS.has(value.toUpperCase())) invalidRule();
        break;
      default:
        invalidRule();
    }
  }
  return parts.join(';');
}
