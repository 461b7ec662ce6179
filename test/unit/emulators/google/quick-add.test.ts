import { describe, expect, it } from 'vitest';
import { setup } from './helpers';

const QUICK = '/calendars/primary/events/quickAdd';

describe('events.quickAdd (spec §3)', () => {
  // The clock: Wednesday 2025-03-05 10:00 in New York.
  it('§3 "Lunch with Sam tomorrow 1pm" → a 1 h event titled "Lunch with Sam"', async () => {
    const h = setup();
    const res = await h.api(
      'POST',
      `${QUICK}?text=${encodeURIComponent('Lunch with Sam tomorrow 1pm')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toBe('Lunch with Sam');
    expect(res.body.start).toEqual({
      dateTime: '2025-03-06T13:00:00-05:00',
      timeZone: 'America/New_York',
    });
    expect(res.body.end).toEqual({
      dateTime: '2025-03-06T14:00:00-05:00',
      timeZone: 'America/New_York',
    });
    // It is a real event: listed afterwards.
    const list = await h.api('GET', '/calendars/primary/events');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([res.body.id]);
  });

  it('§3 "Standup Mon 9:30-9:45" → 15 minutes next Monday (after DST: -04:00)', async () => {
    const h = setup();
    const res = await h.api('POST', `${QUICK}?text=${encodeURIComponent('Standup Mon 9:30-9:45')}`);
    expect(res.body.summary).toBe('Standup');
    expect(res.body.start.dateTime).toBe('2025-03-10T09:30:00-04:00');
    expect(res.body.end.dateTime).toBe('2025-03-10T09:45:00-04:00');
  });

  it('§3 a date without a time → all-day', async () => {
    const h = setup();
    const res = await h.api('POST', `${QUICK}?text=${encodeURIComponent('Dentist on Friday')}`);
    expect(res.body.summary).toBe('Dentist');
    expect(res.body.start).toEqual({ date: '2025-03-07' });
    expect(res.body.end).toEqual({ date: '2025-03-08' });
  });

  it('§3 parses in the calendar time zone, not the server zone', async () => {
    const h = setup();
    const res = await h.as('alex')(
      'POST',
      `/calendars/${encodeURIComponent('alex@example.com')}/events/quickAdd?text=${encodeURIComponent('Call tomorrow 9am')}`,
    );
    expect(res.body.start).toEqual({
      dateTime: '2025-03-06T09:00:00+01:00',
      timeZone: 'Europe/Berlin',
    });
  });

  it('§3 [open] unparsable date → 1 h event at the next full hour, text as summary', async () => {
    const h = setup();
    h.clock.advance(17 * 60_000); // 10:17 New York
    const res = await h.api('POST', `${QUICK}?text=${encodeURIComponent('Something vague')}`);
    expect(res.body.summary).toBe('Something vague');
    expect(res.body.start.dateTime).toBe('2025-03-05T11:00:00-05:00');
    expect(res.body.end.dateTime).toBe('2025-03-05T12:00:00-05:00');
  });

  it('§3 missing text → 400 required; reader calendar → 403', async () => {
    const h = setup();
    const missing = await h.api('POST', QUICK);
    expect(missing.status).toBe(400);
    expect(missing.body.error.errors[0].reason).toBe('required');
    const holidays = encodeURIComponent(h.g.calendarIds.holidays);
    const forbidden = await h.api(
      'POST',
      `/calendars/${holidays}/events/quickAdd?text=x%20tomorrow`,
    );
    expect(forbidden.status).toBe(403);
  });
});
