import * as chrono from 'chrono-node';
import { Temporal } from 'temporal-polyfill';
import { addDays } from '../time';
import type { EventInput } from './event-input';

/**
 * events.quickAdd (spec §3): "<title> <date words> <time>" parsed with chrono-node relative to
 * the clock, in the calendar's time zone.
 * - a start time without an end → 1 hour ("Lunch with Sam tomorrow 1pm");
 * - a time range → that range ("Standup Mon 9:30-9:45" → 15 minutes);
 * - a date without a time → an all-day event on that date;
 * - [open] no date at all → the whole text becomes the summary of a 1-hour event starting at the
 *   next full hour in the calendar's zone (Google creates a near-now event; we pin where).
 */
export function parseQuickAdd(text: string, nowMs: number, zone: string): EventInput {
  const now = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(zone);
  const offsetMinutes = Math.round(now.offsetNanoseconds / 60e9);
  const results = chrono.parse(
    text,
    { instant: new Date(nowMs), timezone: offsetMinutes },
    { forwardDate: true },
  );
  const hit = results[0];
  if (hit === undefined) {
    const start = now.round({ smallestUnit: 'hour', roundingMode: 'ceil' });
    return {
      summary: text.trim(),
      start: { dateTime: start.toString({ timeZoneName: 'never' }), timeZone: zone },
      end: {
        dateTime: start.add({ hours: 1 }).toString({ timeZoneName: 'never' }),
        timeZone: zone,
      },
    };
  }
  const summary =
    (text.slice(0, hit.index) + text.slice(hit.index + hit.text.length))
      .replace(/\s+/g, ' ')
      .replace(/\s+(?:on|at|from|@)\s*$/i, '')
      .trim() || text.trim();
  const s = hit.start;
  const date = Temporal.PlainDate.from({
    year: s.get('year')!,
    month: s.get('month')!,
    day: s.get('day')!,
  });
  if (!s.isCertain('hour')) {
    const endDate = hit.end ? plainDate(hit.end) : undefined;
    const last =
      endDate !== undefined && Temporal.PlainDate.compare(endDate, date) > 0 ? endDate : date;
    return {
      summary,
      start: { date: date.toString() },
      end: { date: addDays(last.toString(), 1) },
    };
  }
  const start = date.toZonedDateTime({
    timeZone: zone,
    plainTime: {
      hour: s.get('hour') ?? 0,
      minute: s.get('minute') ?? 0,
      second: s.get('second') ?? 0,
    },
  });
  let end = start.add({ hours: 1 });
  if (hit.end?.isCertain('hour')) {
    const e = hit.end;
    const candidate = plainDate(e).toZonedDateTime({
      timeZone: zone,
      plainTime: {
        hour: e.get('hour') ?? 0,
        minute: e.get('minute') ?? 0,
        second: e.get('second') ?? 0,
      },
    });
    if (Temporal.ZonedDateTime.compare(candidate, start) > 0) end = candidate;
  }
  return {
    summary,
    start: { dateTime: start.toString({ timeZoneName: 'never' }), timeZone: zone },
    end: { dateTime: end.toString({ timeZoneName: 'never' }), timeZone: zone },
  };
}

function plainDate(c: chrono.ParsedComponents): Temporal.PlainDate {
  return Temporal.PlainDate.from({
    year: c.get('year')!,
    month: c.get('month')!,
    day: c.get('day')!,
  });
}
