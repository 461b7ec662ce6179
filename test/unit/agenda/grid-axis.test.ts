import { describe, expect, it } from 'vitest';
import { hourText } from '../../../extension/ui/agenda/format';
import { dayAxis, minuteOnAxis, wallHourOnAxis } from '../../../extension/ui/agenda/grid-axis';
import { at } from './fixtures';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const ms = (wall: string, zone: string) => Date.parse(at(wall, zone));
const labels = (date: string, zone: string) =>
  dayAxis(date, zone, 'elapsed').marks.map((m) => hourText(m.ms, zone, 'en-US'));

describe('the day view axis (elapsed time)', () => {
  it('is 23 hours on spring-forward day in New York, without 2 AM', () => {
    const axis = dayAxis('2026-03-08', NY, 'elapsed');
    expect(axis.totalMinutes).toBe(23 * 60);
    expect(axis.marks).toHaveLength(23);
    expect(labels('2026-03-08', NY).slice(0, 4)).toEqual(['12 AM', '1 AM', '3 AM', '4 AM']);
    // 03:30 EDT is 2.5 real hours after midnight.
    expect(minuteOnAxis(ms('2026-03-08T03:30', NY), axis)).toBe(150);
    expect(axis.gaps).toEqual([{ from: 120, to: 180 }]);
  });

  it('is 25 hours on fall-back day in New York, with 1 AM twice', () => {
    const axis = dayAxis('2026-11-01', NY, 'elapsed');
    expect(axis.totalMinutes).toBe(25 * 60);
    expect(labels('2026-11-01', NY).slice(0, 4)).toEqual(['12 AM', '1 AM', '1 AM', '2 AM']);
    const firstHalfPast = Date.parse('2026-11-01T01:30:00-04:00');
    const secondHalfPast = Date.parse('2026-11-01T01:30:00-05:00');
    expect(minuteOnAxis(firstHalfPast, axis)).toBe(90);
    expect(minuteOnAxis(secondHalfPast, axis)).toBe(150);
    expect(minuteOnAxis(ms('2026-11-01T23:00', NY), axis)).toBe(24 * 60);
    expect(axis.repeated).toEqual([{ from: 60, to: 120 }]);
  });

  it('is 23 and 25 hours on the Berlin change days', () => {
    const spring = dayAxis('2026-03-29', BERLIN, 'elapsed');
    expect(spring.hours).toBe(23);
    expect(spring.gaps).toEqual([{ from: 120, to: 180 }]);
    const fall = dayAxis('2026-10-25', BERLIN, 'elapsed');
    expect(fall.hours).toBe(25);
    expect(fall.repeated).toEqual([{ from: 120, to: 180 }]);
    expect(labels('2026-10-25', BERLIN).slice(1, 5)).toEqual(['1 AM', '2 AM', '2 AM', '3 AM']);
  });

  it('labels its lines with their minutes after a half-hour change (Lord Howe)', () => {
    const zone = 'Australia/Lord_Howe';
    const axis = dayAxis('2026-10-04', zone, 'elapsed');
    expect(axis.totalMinutes).toBe(23.5 * 60);
    // Two real hours after midnight the clock reads 2:30: a line labelled "2 AM" would be wrong.
    const shown = axis.marks.map((m) => hourText(m.ms, zone, 'en-US', false, !m.onHour));
    expect(shown.slice(0, 4).map((t) => t.replace(/\s+/g, ' '))).toEqual([
      '12 AM',
      '1 AM',
      '2:30 AM',
      '3:30 AM',
    ]);
  });

  it('clamps instants outside the day to its edges', () => {
    const axis = dayAxis('2026-11-23', NY, 'elapsed');
    expect(minuteOnAxis(axis.startMs - 1, axis)).toBe(0);
    expect(minuteOnAxis(axis.endMs + 60_000, axis)).toBe(24 * 60);
    expect(axis.gaps).toEqual([]);
    expect(axis.repeated).toEqual([]);
  });
});

describe('the week view axis (wall clock)', () => {
  it('keeps 24 rows on a DST day and places times by the clock', () => {
    const axis = dayAxis('2026-03-08', NY, 'wall');
    expect(axis.totalMinutes).toBe(24 * 60);
    expect(axis.marks).toHaveLength(24);
    expect(minuteOnAxis(ms('2026-03-08T03:30', NY), axis)).toBe(210);
    expect(minuteOnAxis(ms('2026-03-08T01:30', NY), axis)).toBe(90);
    expect(axis.gaps).toEqual([{ from: 120, to: 180 }]);
  });

  it('puts both 1:30s of fall-back day at 1:30 and marks the repeated hour', () => {
    const axis = dayAxis('2026-11-01', NY, 'wall');
    expect(minuteOnAxis(Date.parse('2026-11-01T01:30:00-04:00'), axis)).toBe(90);
    expect(minuteOnAxis(Date.parse('2026-11-01T01:30:00-05:00'), axis)).toBe(90);
    expect(axis.repeated).toEqual([{ from: 60, to: 120 }]);
  });

  it('shades the skipped midnight hour when a change starts the day at 1 AM (Santiago)', () => {
    const axis = dayAxis('2026-09-06', 'America/Santiago', 'wall');
    expect(axis.startWallMinute).toBe(60);
    expect(axis.gaps).toEqual([{ from: 0, to: 60 }]);
    // The day's first instant is 1 AM, below the band; what ran on from the day before starts
    // at the top.
    expect(minuteOnAxis(axis.startMs, axis)).toBe(60);
    expect(minuteOnAxis(axis.startMs + 30 * 60_000, axis)).toBe(90);
    expect(minuteOnAxis(axis.startMs - 1, axis)).toBe(0);
  });

  it('lines 9 AM up with 9 AM on an ordinary day', () => {
    const axis = dayAxis('2026-11-23', BERLIN, 'wall');
    expect(minuteOnAxis(ms('2026-11-23T09:00', BERLIN), axis)).toBe(540);
    expect(axis.marks[9]?.ms).toBe(ms('2026-11-23T09:00', BERLIN));
  });
});

describe('wall-clock hours on an axis', () => {
  it('finds 7 AM by real elapsed time in the day view, by the clock in the week view', () => {
    expect(wallHourOnAxis(dayAxis('2026-03-08', NY, 'elapsed'), 7)).toBe(6 * 60);
    expect(wallHourOnAxis(dayAxis('2026-11-01', NY, 'elapsed'), 7)).toBe(8 * 60);
    expect(wallHourOnAxis(dayAxis('2026-11-23', NY, 'elapsed'), 7)).toBe(7 * 60);
    expect(wallHourOnAxis(dayAxis('2026-03-08', NY, 'wall'), 7)).toBe(7 * 60);
  });
});
