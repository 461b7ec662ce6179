// One event row → its slim agenda row and the UTC days it is filed under (store/agenda-*.ts).
import { describe, expect, it } from 'vitest';
import { groupIntoDays } from '../../../extension/store/agenda-buckets';
import {
  DAY_MS,
  dayBuckets,
  LONG_EVENT_DAYS,
  windowBuckets,
} from '../../../extension/store/agenda-days';
import {
  isCalendarDate,
  projectEvent,
  sameProjection,
} from '../../../extension/store/agenda-projection';
import { LONG_EVENT_BUCKET } from '../../../extension/store/agenda-records';
import { allDayEvent, at, CAL_KEY, calendar, timedEvent } from './fixtures';

const LA = 'America/Los_Angeles';
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

describe('an event’s agenda row', () => {
  it('keeps what the agenda shows, read through the raw resource', () => {
    const row = timedEvent('  Planning ', at('2026-11-25T15:00', LA), at('2026-11-25T16:00', LA), {
      start: { dateTime: at('2026-11-25T15:00', LA), timeZone: LA },
      location: '  Room 4 ',
      colorId: '11',
      recurringEventId: 'series1',
      description: 'not shown, not kept',
      attendees: [{ email: 'me@example.com', self: true, responseStatus: 'declined' }],
    });
    expect(projectEvent(row)).toEqual({
      calendarKey: CAL_KEY,
      id: row.id,
      startMs: row.startMs,
      endMs: row.endMs,
      allDay: false,
      summary: '  Planning ',
      startZone: LA,
      colorId: '11',
      location: 'Room 4',
      link: `https://www.google.com/calendar/event?eid=${row.id}`,
      declined: true,
      recurring: true,
    });
  });

  it('keeps an all-day event’s own dates, and drops what is unusable or unsafe', () => {
    const trip = allDayEvent(
      'Trip',
      '2026-11-23',
      '2026-11-26',
      calendar({ timeZone: 'Asia/Tokyo' }),
    );
    expect(projectEvent(trip)).toMatchObject({ startDate: '2026-11-23', endDate: '2026-11-26' });
    const bad = { ...trip, raw: { start: { date: '2026-02-30' }, end: { date: 'soon' } } };
    expect(projectEvent(bad)).not.toHaveProperty('startDate');
    expect(projectEvent(bad)).not.toHaveProperty('endDate');
    const garbage = { ...trip, raw: { start: 'garbage', htmlLink: 'javascript:alert(1)' } };
    expect(projectEvent(garbage)).toEqual({
      calendarKey: trip.calendarKey,
      id: trip.id,
      startMs: trip.startMs,
      endMs: trip.endMs,
      allDay: true,
      summary: 'Trip',
    });
    const unsafe = timedEvent('A', at('2026-11-25T15:00', LA), at('2026-11-25T16:00', LA), {
      htmlLink: 'javascript:alert(1)',
    });
    expect(projectEvent(unsafe)).not.toHaveProperty('link');
    expect(projectEvent({ ...unsafe, status: 'cancelled' }).cancelled).toBe(true);
  });

  it('loses only the field Google sent in an odd shape, not the rest', () => {
    const row = timedEvent('Planning', at('2026-11-25T15:00', LA), at('2026-11-25T16:00', LA), {
      location: null,
      colorId: 11,
      attendees: [
        { email: 'other@example.com', responseStatus: null },
        { email: 'me@example.com', self: true, responseStatus: 'declined' },
      ],
    });
    expect(projectEvent(row)).toMatchObject({
      declined: true,
      link: `https://www.google.com/calendar/event?eid=${row.id}`,
    });
    expect(projectEvent(row)).not.toHaveProperty('location');
    expect(projectEvent(row)).not.toHaveProperty('colorId');
  });

  it('tells a change the agenda shows from one it does not', () => {
    const row = timedEvent('A', at('2026-11-25T15:00', LA), at('2026-11-25T16:00', LA));
    const described = { ...row, raw: { ...row.raw, description: 'new notes' } };
    expect(sameProjection(projectEvent(row), projectEvent(described))).toBe(true);
    expect(sameProjection(projectEvent(row), projectEvent({ ...row, summary: 'B' }))).toBe(false);
    expect(sameProjection(projectEvent(row), projectEvent({ ...row, endMs: row.endMs + 1 }))).toBe(
      false,
    );
  });

  it('validates calendar dates without a zone', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate(undefined)).toBe(false);
  });
});

describe('day buckets', () => {
  const ms = (iso: string) => Date.parse(iso);

  it('files an event under every UTC day it touches, its end exclusive', () => {
    expect(dayBuckets(ms('2026-11-23T22:00:00Z'), ms('2026-11-24T02:00:00Z'))).toEqual([
      day('2026-11-23'),
      day('2026-11-24'),
    ]);
    expect(dayBuckets(ms('2026-11-23T10:00:00Z'), ms('2026-11-24T00:00:00Z'))).toEqual([
      day('2026-11-23'),
    ]);
    // Zero-length: the day of its start.
    const noon = ms('2026-11-23T12:00:00Z');
    expect(dayBuckets(noon, noon)).toEqual([day('2026-11-23')]);
  });

  it('files a very long event once, in the long bucket', () => {
    const start = ms('2026-01-01T00:00:00Z');
    expect(dayBuckets(start, start + LONG_EVENT_DAYS * DAY_MS)).toHaveLength(LONG_EVENT_DAYS);
    expect(dayBuckets(start, start + (LONG_EVENT_DAYS + 1) * DAY_MS)).toEqual([LONG_EVENT_BUCKET]);
  });

  it('gives a window its first and last UTC day', () => {
    expect(
      windowBuckets({ startMs: ms('2026-11-23T08:00:00Z'), endMs: ms('2026-11-30T08:00:00Z') }),
    ).toEqual({ first: day('2026-11-23'), last: day('2026-11-30') });
    expect(
      windowBuckets({ startMs: ms('2026-11-23T00:00:00Z'), endMs: ms('2026-11-24T00:00:00Z') }),
    ).toEqual({ first: day('2026-11-23'), last: day('2026-11-23') });
  });

  it('groups rows by day and calendar, each bucket sorted by id', () => {
    const other = calendar({ key: 'g1:other', id: 'other' });
    const rows = [
      timedEvent('b', '2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z'),
      timedEvent('a', '2026-11-23T23:00:00Z', '2026-11-24T01:00:00Z'),
      timedEvent('c', '2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z', {}, other),
    ].map(projectEvent);
    const buckets = groupIntoDays(rows).map((b) => [
      b.day,
      b.calendarKey,
      b.events.map((e) => e.summary),
    ]);
    expect(buckets).toEqual(
      expect.arrayContaining([
        [
          day('2026-11-23'),
          CAL_KEY,
          [...rows.slice(0, 2)].sort((x, y) => (x.id < y.id ? -1 : 1)).map((e) => e.summary),
        ],
        [day('2026-11-24'), CAL_KEY, ['a']],
        [day('2026-11-23'), 'g1:other', ['c']],
      ]),
    );
    expect(buckets).toHaveLength(3);
  });
});
