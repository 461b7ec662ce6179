import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOf,
  dayBounds,
  daysBetween,
  daysFrom,
  isIsoDate,
  startOfWeek,
} from '../../../extension/ui/agenda/zone-days';

describe('days in a zone', () => {
  it.each([
    ['America/New_York', '2026-03-08', 23],
    ['America/New_York', '2026-11-01', 25],
    ['Europe/Berlin', '2026-03-29', 23],
    ['Europe/Berlin', '2026-10-25', 25],
    ['America/New_York', '2026-11-23', 24],
    ['Asia/Kolkata', '2026-03-08', 24],
  ])('%s %s is %d hours long', (zone, date, hours) => {
    const day = dayBounds(date, zone);
    expect(day.hours).toBe(hours);
    expect(day.endMs - day.startMs).toBe(hours * 3_600_000);
    expect(dayBounds(addDays(date, 1), zone).startMs).toBe(day.endMs);
  });

  it('starts a day at its local midnight', () => {
    expect(dayBounds('2026-11-23', 'America/Los_Angeles').startMs).toBe(
      Date.parse('2026-11-23T08:00:00Z'),
    );
    expect(dayBounds('2026-07-01', 'Europe/Berlin').startMs).toBe(
      Date.parse('2026-06-30T22:00:00Z'),
    );
  });

  it('puts one instant on different dates in different zones', () => {
    const ms = Date.parse('2026-11-23T06:30:00Z');
    expect(dateOf(ms, 'America/Los_Angeles')).toBe('2026-11-22');
    expect(dateOf(ms, 'Europe/Berlin')).toBe('2026-11-23');
    expect(dateOf(ms, 'Pacific/Kiritimati')).toBe('2026-11-23');
  });

  it('counts and lists dates across month and DST boundaries', () => {
    expect(daysFrom('2026-10-30', 4)).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-03-09', '2026-03-07')).toBe(-2);
  });

  it('finds the start of the week (Monday by default, or another first day)', () => {
    expect(startOfWeek('2026-11-21')).toBe('2026-11-16'); // a Saturday
    expect(startOfWeek('2026-11-16')).toBe('2026-11-16');
    expect(startOfWeek('2026-11-22')).toBe('2026-11-16'); // Sunday ends the ISO week
    expect(startOfWeek('2026-11-21', 7)).toBe('2026-11-15');
  });

  it('accepts only real ISO dates', () => {
    expect(isIsoDate('2026-11-23')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-1-3')).toBe(false);
    expect(isIsoDate('tomorrow')).toBe(false);
  });
});

describe('date arithmetic', () => {
  it('agrees with Temporal across months, leap days, centuries and the edges of its fast path', () => {
    const starts = ['2024-02-28', '2023-12-31', '2000-02-29', '1900-02-28', '1000-01-01'];
    for (const start of [...starts, '9999-12-30', '0999-12-31', '0050-06-15']) {
      for (const n of [-400, -31, -1, 0, 1, 2, 29, 366, 1000]) {
        const plain = Temporal.PlainDate.from(start);
        let expected: string | undefined;
        try {
          expected = plain.add({ days: n }).toString();
        } catch {
          expected = undefined;
        }
        if (expected === undefined) continue;
        expect(addDays(start, n)).toBe(expected);
        expect(daysBetween(start, expected)).toBe(n);
        expect(daysBetween(expected, start)).toBe(-n || 0);
      }
    }
  });

  it('still refuses dates that do not exist', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-13-01', '2026-01-01')).toThrow(RangeError);
  });
});
