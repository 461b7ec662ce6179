import { describe, expect, it } from 'vitest';
import { projectEvent } from '../../../extension/store/agenda-projection';
import type { EventRecord } from '../../../extension/store/records';
import type { AgendaEvent, AgendaTask } from '../../../extension/ui/agenda/agenda-items';
import {
  type DayPlan,
  type EventOnDay,
  type PlanInput,
  planAgenda,
} from '../../../extension/ui/agenda/agenda-plan';
import { eventWhen } from '../../../extension/ui/agenda/entry-views';
import { toAgendaEvent } from '../../../extension/ui/agenda/event-view';
import { spanText } from '../../../extension/ui/agenda/format';
import { toAgendaTask } from '../../../extension/ui/agenda/task-placement';
import { daysFrom } from '../../../extension/ui/agenda/zone-days';
import { allDayEvent, at, calendar, taskRow, timedEvent } from './fixtures';

const LA = 'America/Los_Angeles';
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

function plan(
  zone: string,
  days: string[],
  items: { events?: AgendaEvent[]; tasks?: AgendaTask[] },
  extra: Partial<PlanInput> = {},
) {
  return planAgenda({
    days,
    zone,
    today: days[0]!,
    nowMs: Date.parse(`${days[0]}T00:00:00Z`),
    events: items.events ?? [],
    tasks: items.tasks ?? [],
    declined: 'dim',
    showCompleted: false,
    ...extra,
  });
}

/** Each day as `date: [titles]`, all-day row first, `~` marking the all-day ones. */
function titles(days: readonly DayPlan[], zone: string) {
  return Object.fromEntries(
    days.map((d) => [
      d.date,
      [
        ...d.allDay.map((e) => `~${e.kind === 'event' ? e.event.title : e.task.title}`),
        ...d.timed.map((e) =>
          e.kind === 'event'
            ? plain(`${spanText(e, zone, 'en-US')} ${e.event.title}`)
            : `${e.task.title}`,
        ),
      ],
    ]),
  );
}

/** Intl spaces vary by ICU version (thin, narrow no-break): compare with plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

const ev = (row: EventRecord, zone: string, cal = calendar()) =>
  toAgendaEvent(projectEvent(row), cal, zone);

describe('planning the days of a view', () => {
  it('shows a multi-day all-day event on each day it covers, end exclusive', () => {
    const trip = ev(allDayEvent('Trip to Lisbon', '2026-11-27', '2026-11-30'), LA);
    const days = plan(LA, daysFrom('2026-11-26', 5), { events: [trip] }).days;
    expect(titles(days, LA)).toEqual({
      '2026-11-26': [],
      '2026-11-27': ['~Trip to Lisbon'],
      '2026-11-28': ['~Trip to Lisbon'],
      '2026-11-29': ['~Trip to Lisbon'],
      '2026-11-30': [],
    });
    const second = days[2]!.allDay[0]!;
    expect(second).toMatchObject({ dayIndex: 2, dayCount: 3, continuesBefore: true });
  });

  it('never shifts an all-day date, in any viewer zone', () => {
    const cal = calendar({ timeZone: 'Pacific/Kiritimati' });
    for (const zone of [LA, BERLIN, 'Pacific/Pago_Pago', 'Asia/Tokyo']) {
      const holiday = ev(allDayEvent('Holiday', '2026-11-23', '2026-11-24', cal), zone, cal);
      const days = plan(zone, daysFrom('2026-11-22', 3), { events: [holiday] }).days;
      expect(days.map((d) => d.allDay.length)).toEqual([0, 1, 0]);
    }
  });

  it('splits an event crossing midnight over both days', () => {
    const flight = ev(
      timedEvent('Red-eye', at('2026-11-23T22:00', LA), at('2026-11-24T02:00', LA)),
      LA,
    );
    expect(titles(plan(LA, daysFrom('2026-11-23', 2), { events: [flight] }).days, LA)).toEqual({
      '2026-11-23': ['From 10:00 PM Red-eye'],
      '2026-11-24': ['Until 2:00 AM Red-eye'],
    });
  });

  it('keeps an event ending exactly at midnight off the next day', () => {
    const late = ev(timedEvent('Late', at('2026-11-23T23:00', LA), at('2026-11-24T00:00', LA)), LA);
    const days = plan(LA, daysFrom('2026-11-23', 2), { events: [late] }).days;
    expect(days.map((d) => d.timed.length)).toEqual([1, 0]);
  });

  it('moves a day a long timed event fully covers into the all-day row', () => {
    const conf = ev(
      timedEvent('Conference', at('2026-11-23T09:00', LA), at('2026-11-25T17:00', LA)),
      LA,
    );
    expect(titles(plan(LA, daysFrom('2026-11-23', 3), { events: [conf] }).days, LA)).toEqual({
      '2026-11-23': ['From 9:00 AM Conference'],
      '2026-11-24': ['~Conference'],
      '2026-11-25': ['Until 5:00 PM Conference'],
    });
  });

  it('shows events from other zones in the viewer’s zone, on the viewer’s day', () => {
    const standup = ev(
      timedEvent('Standup', at('2026-11-23T09:30', BERLIN), at('2026-11-23T09:45', BERLIN)),
      LA,
    );
    const early = ev(
      timedEvent('Early call', at('2026-11-23T08:00', BERLIN), at('2026-11-23T08:30', BERLIN)),
      LA,
    );
    expect(
      titles(plan(LA, daysFrom('2026-11-22', 2), { events: [standup, early] }).days, LA),
    ).toEqual({
      '2026-11-22': ['11:00 – 11:30 PM Early call'],
      '2026-11-23': ['12:30 – 12:45 AM Standup'],
    });
  });

  it('follows each instance of a Berlin series across the New York and Berlin DST changes', () => {
    // New York moved on Mar 8 2026, Berlin on Mar 29: for three weeks the gap is 5 hours.
    const instances = ['2026-03-06', '2026-03-09', '2026-03-27', '2026-03-30'].map((d) =>
      ev(
        timedEvent('Standup', at(`${d}T09:30`, BERLIN), at(`${d}T09:45`, BERLIN), {
          recurringEventId: 'standup',
        }),
        NY,
      ),
    );
    const days = plan(NY, daysFrom('2026-03-06', 25), { events: instances }).days;
    const shown = days.flatMap((d) =>
      d.timed.map((e) => plain(`${d.date} ${spanText(e as never, NY, 'en-US')}`)),
    );
    expect(shown).toEqual([
      '2026-03-06 3:30 – 3:45 AM',
      '2026-03-09 4:30 – 4:45 AM',
      '2026-03-27 4:30 – 4:45 AM',
      '2026-03-30 3:30 – 3:45 AM',
    ]);
  });

  it('reads a timed event’s part that ends or starts at midnight as the times or the whole day', () => {
    const when = (events: AgendaEvent[], days: string[]) =>
      plan(LA, days, { events }).days.map((d) => [
        ...d.allDay.map((e) => `~${plain(eventWhen(e as EventOnDay, LA, 'en-US'))}`),
        ...d.timed.map((e) => plain(eventWhen(e as EventOnDay, LA, 'en-US'))),
      ]);
    const inLa = (title: string, from: string, to: string) =>
      ev(timedEvent(title, at(from, LA), at(to, LA)), LA);
    const late = inLa('Late', '2026-11-23T23:00', '2026-11-24T00:00');
    const wholeDay = inLa('Offsite', '2026-11-23T00:00', '2026-11-24T00:00');
    const twoDays = inLa('Retreat', '2026-11-23T00:00', '2026-11-25T00:00');
    const overnight = inLa('Migration', '2026-11-22T22:00', '2026-11-24T00:00');
    const days = daysFrom('2026-11-22', 3);
    // Ends at midnight: the two times (not both dates), and nothing on the next day.
    expect(when([late], days)).toEqual([[], ['11:00 PM – 12:00 AM'], []]);
    // Covers the day: the all-day row, "All day" (not "12:00 AM – 12:00 AM" with dates).
    expect(when([wholeDay], days)).toEqual([[], ['~All day'], []]);
    // Two whole days: "Day 1 of 2", "Day 2 of 2" (not "From 12:00 AM", "Until 12:00 AM").
    expect(when([twoDays], days)).toEqual([[], ['~Day 1 of 2'], ['~Day 2 of 2']]);
    expect(when([overnight], days)).toEqual([['From 10:00 PM'], ['~Day 2 of 2'], []]);
  });

  it('lays out a spring-forward day of 23 hours and a fall-back day of 25', () => {
    const spring = plan(NY, ['2026-03-08'], {}).days[0]!;
    const fall = plan(BERLIN, ['2026-10-25'], {}).days[0]!;
    expect(spring.bounds.hours).toBe(23);
    expect(fall.bounds.hours).toBe(25);
    // An event over the skipped hour: 1:30 EST to 3:30 EDT is one real hour.
    const across = ev(
      timedEvent('Night shift', '2026-03-08T01:30:00-05:00', '2026-03-08T03:30:00-04:00'),
      NY,
    );
    const entry = plan(NY, ['2026-03-08'], { events: [across] }).days[0]!.timed[0]!;
    expect(entry.kind === 'event' && entry.endMs - entry.startMs).toBe(3_600_000);
    // "1:30 – 3:30 AM" would read as two: each end names its zone (format.ts spanText).
    expect(plain(spanText(entry as never, NY, 'en-US'))).toBe('1:30 AM EST – 3:30 AM EDT');
  });

  it('dims or hides declined events per the setting', () => {
    const declined = ev(
      timedEvent('Quarterly planning', at('2026-11-25T15:00', LA), at('2026-11-25T17:00', LA), {
        attendees: [{ email: 'me@example.com', self: true, responseStatus: 'declined' }],
      }),
      LA,
    );
    const days = ['2026-11-25'];
    const dim = plan(LA, days, { events: [declined] }, { declined: 'dim' }).days[0]!;
    expect(dim.timed).toHaveLength(1);
    expect(dim.timed[0]?.kind === 'event' && dim.timed[0].event.declined).toBe(true);
    expect(plan(LA, days, { events: [declined] }, { declined: 'hide' }).days[0]!.timed).toEqual([]);
  });

  it('merges events and tasks in one timeline: all-day first, then by time', () => {
    const day = '2026-11-23';
    const events = [
      ev(timedEvent('Design review', at(`${day}T11:00`, LA), at(`${day}T12:00`, LA)), LA),
      ev(timedEvent('Gym', at(`${day}T07:00`, LA), at(`${day}T08:00`, LA)), LA),
      ev(allDayEvent('Pay rent', day, '2026-11-24'), LA),
    ];
    const tasks = [
      toAgendaTask(taskRow('Buy groceries', `${day}T18:00:00`), LA)!,
      toAgendaTask(taskRow('Review PRs', day, { priority: 1 }), LA)!,
      toAgendaTask(taskRow('Call the dentist', day, { priority: 3 }), LA)!,
      toAgendaTask(taskRow('Slides', `${day}T11:00:00`), LA)!,
    ];
    expect(titles(plan(LA, [day], { events, tasks }).days, LA)[day]).toEqual([
      '~Pay rent',
      '~Call the dentist',
      '~Review PRs',
      '7:00 – 8:00 AM Gym',
      '11:00 AM – 12:00 PM Design review',
      'Slides',
      'Buy groceries',
    ]);
  });

  it('groups overdue tasks above a view that includes today, and only then', () => {
    const today = '2026-11-23';
    const nowMs = Date.parse('2026-11-23T12:00:00-08:00');
    const earlier = [
      toAgendaTask(taskRow('Renew passport', '2026-11-22', { priority: 4 }), LA)!,
      toAgendaTask(taskRow('Old one', '2026-11-02'), LA)!,
      toAgendaTask(taskRow('Done already', '2026-11-21', { checked: true }), LA)!,
    ];
    const withToday = plan(LA, daysFrom(today, 7), {}, { today, nowMs, earlierTasks: earlier });
    expect(withToday.overdue.map((t) => t.task.title)).toEqual(['Old one', 'Renew passport']);
    const nextWeek = plan(
      LA,
      daysFrom('2026-11-30', 7),
      {},
      { today, nowMs, earlierTasks: earlier },
    );
    expect(nextWeek.overdue).toEqual([]);
  });

  it('marks today’s timed tasks whose time has passed as overdue in place', () => {
    const today = '2026-11-23';
    const nowMs = Date.parse('2026-11-23T12:00:00-08:00');
    const tasks = [
      toAgendaTask(taskRow('Morning', `${today}T09:00:00`), LA)!,
      toAgendaTask(taskRow('Evening', `${today}T18:00:00`), LA)!,
    ];
    const day = plan(LA, [today], { tasks }, { today, nowMs }).days[0]!;
    expect(day.timed.map((e) => e.kind === 'task' && e.overdue)).toEqual([true, false]);
  });

  it('hides completed tasks unless asked, but keeps one just ticked here', () => {
    const done = toAgendaTask(taskRow('Done', '2026-11-23', { checked: true }), LA)!;
    const days = ['2026-11-23'];
    expect(plan(LA, days, { tasks: [done] }).days[0]!.allDay).toEqual([]);
    expect(plan(LA, days, { tasks: [done] }, { showCompleted: true }).days[0]!.allDay).toHaveLength(
      1,
    );
    expect(
      plan(LA, days, { tasks: [done] }, { keepTasks: new Set([done.key]) }).days[0]!.allDay,
    ).toHaveLength(1);
  });

  it('searches titles, places, calendars, projects and labels, ignoring case and accents', () => {
    const day = '2026-11-23';
    const events = [
      ev(timedEvent('Café with Sam', at(`${day}T09:00`, LA), at(`${day}T10:00`, LA)), LA),
      ev(
        timedEvent('Dentist', at(`${day}T11:00`, LA), at(`${day}T12:00`, LA), {
          location: '12 Main St',
        }),
        LA,
      ),
    ];
    const tasks = [toAgendaTask(taskRow('Buy milk', day, { labels: ['errand'] }), LA)!];
    const found = (search: string) =>
      titles(plan(LA, [day], { events, tasks }, { search }).days, LA)[day];
    expect(found('CAFE')).toEqual(['9:00 – 10:00 AM Café with Sam']);
    expect(found('main st')).toEqual(['11:00 AM – 12:00 PM Dentist']);
    expect(found('errand')).toEqual(['~Buy milk']);
    expect(found('work')).toHaveLength(2); // the calendar's name
    expect(found('nothing like it')).toEqual([]);
  });
});
