import { describe, expect, it } from 'vitest';
import { projectEvent } from '../../../extension/store/agenda-projection';
import { toAgendaEvent } from '../../../extension/ui/agenda/event-view';
import { allDayEvent, at, calendar, timedEvent } from './fixtures';

const LA = 'America/Los_Angeles';

describe('a stored event as the agenda shows it', () => {
  it('keeps an all-day event on its dates whatever the calendar and viewer zones', () => {
    for (const calZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC', 'Asia/Tokyo']) {
      const cal = calendar({ timeZone: calZone });
      const row = allDayEvent('Holiday', '2026-11-23', '2026-11-24', cal);
      for (const viewer of [LA, 'Europe/Berlin', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
        const event = toAgendaEvent(projectEvent(row), cal, viewer);
        expect(event).toMatchObject({
          allDay: true,
          startDate: '2026-11-23',
          endDate: '2026-11-24',
        });
      }
    }
  });

  it('falls back to the row (read in the calendar zone) when the raw dates are unusable', () => {
    const cal = calendar({ timeZone: 'Asia/Tokyo' });
    const row = allDayEvent('Trip', '2026-11-23', '2026-11-26', cal);
    const broken = { ...row, raw: { start: 'garbage' } };
    expect(toAgendaEvent(projectEvent(broken), cal, LA)).toMatchObject({
      startDate: '2026-11-23',
      endDate: '2026-11-26',
      title: 'Trip',
    });
  });

  it('reads the row in UTC when the calendar’s zone is unknown here, rather than throwing', () => {
    const cal = calendar({ timeZone: 'Mars/Olympus_Mons' });
    const row = allDayEvent('Trip', '2026-11-23', '2026-11-26', calendar({ timeZone: 'UTC' }));
    const broken = { ...row, raw: { start: 'garbage' } };
    expect(toAgendaEvent(projectEvent(broken), cal, LA)).toMatchObject({
      startDate: '2026-11-23',
      endDate: '2026-11-26',
    });
  });

  it('flags an event the user declined, and only for the user’s own answer', () => {
    const mine = timedEvent('Planning', at('2026-11-25T15:00', LA), at('2026-11-25T16:00', LA), {
      attendees: [
        { email: 'alex@example.com', responseStatus: 'accepted' },
        { email: 'me@example.com', self: true, responseStatus: 'declined' },
      ],
    });
    const theirs = timedEvent('Sync', at('2026-11-25T15:00', LA), at('2026-11-25T16:00', LA), {
      attendees: [
        { email: 'alex@example.com', responseStatus: 'declined' },
        { email: 'me@example.com', self: true, responseStatus: 'accepted' },
      ],
    });
    expect(toAgendaEvent(projectEvent(mine), calendar(), LA).declined).toBe(true);
    expect(toAgendaEvent(projectEvent(theirs), calendar(), LA).declined).toBe(false);
  });

  it('uses the event’s own color over the calendar’s', () => {
    const row = timedEvent('A', at('2026-11-25T15:00', LA), at('2026-11-25T16:00', LA), {
      colorId: '11',
    });
    expect(toAgendaEvent(projectEvent(row), calendar(), LA).color).toBe('#dc2127');
    const plain = timedEvent('B', at('2026-11-25T15:00', LA), at('2026-11-25T16:00', LA));
    expect(
      toAgendaEvent(projectEvent(plain), calendar({ backgroundColor: '#16a765' }), LA).color,
    ).toBe('#16a765');
  });

  it('keeps only http(s) links', () => {
    const row = timedEvent('A', at('2026-11-25T15:00', LA), at('2026-11-25T16:00', LA), {
      htmlLink: 'javascript:alert(1)',
    });
    expect(toAgendaEvent(projectEvent(row), calendar(), LA).link).toBeUndefined();
    const ok = timedEvent('B', at('2026-11-25T15:00', LA), at('2026-11-25T16:00', LA));
    expect(toAgendaEvent(projectEvent(ok), calendar(), LA).link).toMatch(
      /^https:\/\/www\.google\.com\//,
    );
  });

  it('notes the zone an event was written in when it is not the viewer’s', () => {
    const row = timedEvent(
      'Standup',
      at('2026-11-23T09:30', 'Europe/Berlin'),
      at('2026-11-23T09:45', 'Europe/Berlin'),
      { start: { dateTime: at('2026-11-23T09:30', 'Europe/Berlin'), timeZone: 'Europe/Berlin' } },
    );
    const event = toAgendaEvent(projectEvent(row), calendar(), LA);
    expect(event.otherZone).toBe('Europe/Berlin');
    expect(event.startMs).toBe(Date.parse('2026-11-23T08:30:00Z'));
    expect(toAgendaEvent(projectEvent(row), calendar(), 'Europe/Berlin').otherZone).toBeUndefined();
  });

  it('marks instances of a series as recurring and names untitled events', () => {
    const row = timedEvent('', at('2026-11-23T09:00', LA), at('2026-11-23T09:30', LA), {
      recurringEventId: 'series1',
    });
    expect(toAgendaEvent(projectEvent(row), calendar(), LA)).toMatchObject({
      recurring: true,
      title: '(No title)',
    });
  });
});
