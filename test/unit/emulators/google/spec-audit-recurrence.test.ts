import { describe, expect, it } from 'vitest';
import { EVENTS, listAll, setup } from './helpers';

/**
 * Audit of `recurrence[]` (spec §2): rules are RFC 5545 RRULE/EXRULE lines, validated by value,
 * and expanding any accepted rule over any window answers — never a 500 from the expander.
 */
const INVALID_RULE = {
  domain: 'global',
  reason: 'invalid',
  message: 'Invalid recurrence rule.',
  locationType: 'parameter',
  location: 'recurrence',
};

function series(rule: string, extra: Record<string, unknown> = {}) {
  return {
    summary: rule,
    start: { dateTime: '2025-03-05T10:00:00', timeZone: 'UTC' },
    end: { dateTime: '2025-03-05T11:00:00', timeZone: 'UTC' },
    recurrence: [rule],
    ...extra,
  };
}

describe('spec audit: recurrence rules', () => {
  it('§2 RRULE parts out of their RFC 5545 range → 400 invalid recurrence', async () => {
    const h = setup();
    const bad = [
      'RRULE:FREQ=DAILY;COUNT=-1',
      'RRULE:FREQ=DAILY;COUNT=0',
      'RRULE:FREQ=DAILY;COUNT=abc',
      'RRULE:FREQ=DAILY;INTERVAL=0',
      'RRULE:FREQ=DAILY;INTERVAL=abc',
      'RRULE:FREQ=YEARLY;BYMONTH=13',
      'RRULE:FREQ=YEARLY;BYMONTH=0',
      'RRULE:FREQ=DAILY;BYHOUR=24',
      'RRULE:FREQ=DAILY;BYMINUTE=60',
      'RRULE:FREQ=DAILY;BYSECOND=61',
      'RRULE:FREQ=MONTHLY;BYMONTHDAY=32',
      'RRULE:FREQ=MONTHLY;BYMONTHDAY=0',
      'RRULE:FREQ=WEEKLY;BYMONTHDAY=1',
      'RRULE:FREQ=YEARLY;BYYEARDAY=367',
      'RRULE:FREQ=MONTHLY;BYYEARDAY=1',
      'RRULE:FREQ=MONTHLY;BYWEEKNO=1',
      'RRULE:FREQ=YEARLY;BYWEEKNO=54',
      'RRULE:FREQ=DAILY;BYSETPOS=1',
      'RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0',
      'RRULE:FREQ=WEEKLY;BYDAY=1MO',
      'RRULE:FREQ=MONTHLY;BYDAY=54MO',
      'RRULE:FREQ=DAILY;BYDAY=XX',
      'RRULE:FREQ=WEEKLY;WKST=XX',
      'RRULE:FREQ=DAILY;UNTIL=garbage',
      'RRULE:FREQ=DAILY;UNTIL=20250230',
      'RRULE:FREQ=DAILY;COUNT=3;UNTIL=20250310',
      'RRULE:FREQ=DAILY;FREQ=WEEKLY',
      'RRULE:FREQ=DAILY;X-NAME=1',
      'RRULE:FREQ=MINUTELY',
      'RRULE:COUNT=3',
      'RRULE:',
    ];
    for (const rule of bad) {
      const res = await h.api('POST', EVENTS, series(rule));
      expect(res.status, rule).toBe(400);
      expect(res.body.error.errors[0], rule).toEqual(INVALID_RULE);
    }
    const listed = await listAll(h, EVENTS);
    expect(listed.items).toEqual([]);
  });

  it('§2 the legitimate corners of RFC 5545 are accepted and expand', async () => {
    const h = setup();
    const good: [string, string[]][] = [
      // The last Friday of each month.
      ['RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=2', ['2025-03-28', '2025-04-25']],
      // The last working day of each month.
      ['RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=2', ['2025-03-31', '2025-04-30']],
      // The last day of each month.
      ['RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=2', ['2025-03-31', '2025-04-30']],
      ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=we;WKST=SU;COUNT=2', ['2025-03-05', '2025-03-19']],
      ['RRULE:FREQ=DAILY;UNTIL=20250307T235959Z', ['2025-03-05', '2025-03-06', '2025-03-07']],
    ];
    for (const [rule, dates] of good) {
      const res = await h.api('POST', EVENTS, series(rule));
      expect(res.status, rule).toBe(200);
      const inst = await h.api('GET', `${EVENTS}/${res.body.id}/instances`);
      const days = inst.body.items.map((i: { start: { dateTime: string } }) =>
        i.start.dateTime.slice(0, 10),
      );
      // DTSTART (2025-03-05) is always the first instance (RFC 5545), even off-pattern.
      expect(
        days.filter((d: string) => d !== '2025-03-05' || dates.includes(d)),
        rule,
      ).toEqual(dates);
    }
  });

  it('§2 a PATCH with a bad rule leaves the series as it was', async () => {
    const h = setup();
    const s = (await h.api('POST', EVENTS, series('RRULE:FREQ=DAILY;COUNT=3'))).body;
    const res = await h.api('PATCH', `${EVENTS}/${s.id}`, {
      recurrence: ['RRULE:FREQ=DAILY;COUNT=3;BYHOUR=99'],
    });
    expect(res.body.error.errors[0]).toEqual(INVALID_RULE);
    const now = await h.api('GET', `${EVENTS}/${s.id}`);
    expect(now.body.recurrence).toEqual(['RRULE:FREQ=DAILY;COUNT=3']);
    expect(now.body.etag).toBe(s.etag);
  });

  it('§2 an HOURLY series expands over the default 730-day horizon without failing', async () => {
    const h = setup();
    const s = (await h.api('POST', EVENTS, series('RRULE:FREQ=HOURLY'))).body;
    const inst = await h.api('GET', `${EVENTS}/${s.id}/instances?maxResults=2500&timeZone=UTC`);
    expect(inst.status).toBe(200);
    expect(inst.body.items).toHaveLength(2500);
    expect(inst.body.items[1].start.dateTime).toBe('2025-03-05T11:00:00Z');
    const list = await h.api(
      'GET',
      `${EVENTS}?singleEvents=true&maxResults=5&timeMin=2026-06-01T00:00:00Z&timeMax=2026-06-01T05:00:00Z&timeZone=UTC`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { start: { dateTime: string } }) => i.start.dateTime)).toEqual([
      '2026-06-01T00:00:00Z',
      '2026-06-01T01:00:00Z',
      '2026-06-01T02:00:00Z',
      '2026-06-01T03:00:00Z',
      '2026-06-01T04:00:00Z',
    ]);
  });

  it('§2 a huge COUNT asked about a far window answers (instances there, or none), never 500', async () => {
    const h = setup({ accessTokenTtlMs: 365 * 86_400_000 });
    const s = (await h.api('POST', EVENTS, series('RRULE:FREQ=DAILY;COUNT=999999999'))).body;
    const far = await h.api(
      'GET',
      `${EVENTS}?singleEvents=true&timeMin=2060-03-01T00:00:00Z&timeMax=2060-03-04T00:00:00Z`,
    );
    expect(far.status).toBe(200);
    expect(far.body.items.map((i: { id: string }) => i.id)).toEqual([
      `${s.id}_20600301T100000Z`,
      `${s.id}_20600302T100000Z`,
      `${s.id}_20600303T100000Z`,
    ]);
    const instance = await h.api('GET', `${EVENTS}/${s.id}_20600302T100000Z`);
    expect(instance.status).toBe(200);
    expect(instance.body.recurringEventId).toBe(s.id);
  });

  it('§2 windows reaching the end of time, and freeBusy over decades, answer', async () => {
    const h = setup({ seed: 'demo' });
    const forever = await h.api(
      'GET',
      `${EVENTS}?singleEvents=true&maxResults=10&timeMax=9999-12-31T23:59:59Z`,
    );
    expect(forever.status).toBe(200);
    expect(forever.body.items).toHaveLength(10);
    const fb = await h.api('POST', '/freeBusy', {
      timeMin: '2025-03-01T00:00:00Z',
      timeMax: '2099-03-01T00:00:00Z',
      items: [{ id: 'primary' }],
    });
    expect(fb.status).toBe(200);
    expect(fb.body.calendars.primary.busy.length).toBeGreaterThan(100);
  }, 60_000);
});
