import { describe, expect, it } from 'vitest';
import { EVENTS, enc, insertTimed, listAll, setup } from './helpers';

/** Audit of spec §1 / §5 / §6 sentences that had no test of their own. */

describe('spec audit: listing rules', () => {
  it('§1 singleEvents=true&showDeleted=true: single cancelled instances only, never a deleted series', async () => {
    const h = setup();
    const make = async (rule: string) =>
      (await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00', { recurrence: [rule] }))
        .id as string;
    const live = await make('RRULE:FREQ=DAILY;COUNT=3');
    const dead = await make('RRULE:FREQ=DAILY;COUNT=3');
    expect((await h.api('DELETE', `${EVENTS}/${live}_20250307T150000Z`)).status).toBe(204);
    expect(
      (await h.api('PATCH', `${EVENTS}/${dead}_20250307T150000Z`, { summary: 'x' })).status,
    ).toBe(200);
    expect((await h.api('DELETE', `${EVENTS}/${dead}`)).status).toBe(204);
    const expanded = await listAll(h, `${EVENTS}?singleEvents=true&showDeleted=true`);
    const cancelled = expanded.items.filter((i) => i.status === 'cancelled');
    expect(cancelled.map((i) => i.id)).toEqual([`${live}_20250307T150000Z`]);
    expect(expanded.items.some((i) => String(i.id).startsWith(dead))).toBe(false);
    // Unexpanded, the deleted series is a bare tombstone and its exception a cancelled instance.
    const masters = await listAll(h, `${EVENTS}?showDeleted=true`);
    expect(masters.items.find((i) => i.id === dead)).toEqual({
      kind: 'calendar#event',
      etag: expect.stringMatching(/^"\d+"$/),
      id: dead,
      status: 'cancelled',
    });
    expect(masters.items.find((i) => i.id === `${dead}_20250307T150000Z`)).toMatchObject({
      status: 'cancelled',
      recurringEventId: dead,
      originalStartTime: { dateTime: '2025-03-07T10:00:00-05:00' },
    });
  });

  it('§1 deletions are always included: created and deleted between two syncs → a tombstone', async () => {
    const h = setup();
    const token = (await listAll(h, EVENTS)).last.nextSyncToken as string;
    const e = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    await h.api('DELETE', `${EVENTS}/${e.id}`);
    const inc = await h.api('GET', `${EVENTS}?syncToken=${enc(token)}`);
    expect(inc.body.items).toEqual([
      { kind: 'calendar#event', etag: expect.any(String), id: e.id, status: 'cancelled' },
    ]);
    // A full listing without showDeleted never shows it.
    expect((await listAll(h, EVENTS)).items).toEqual([]);
  });

  it('§5 calendarList: default page size 100', async () => {
    const h = setup();
    for (let i = 0; i < 100; i++) {
      expect((await h.api('POST', '/calendars', { summary: `c${i}` })).status).toBe(200);
    }
    const first = await h.api('GET', '/users/me/calendarList');
    expect(first.body.items).toHaveLength(100);
    expect(first.body.nextPageToken).toBeTypeOf('string');
    expect(first.body.nextSyncToken).toBeUndefined();
    const all = await listAll(h, '/users/me/calendarList');
    expect(all.items.length).toBeGreaterThan(100);
  });

  it('§6 every request is counted per user and per endpoint, refused ones included', async () => {
    const h = setup({ rateLimitPerMinute: 2 });
    const alex = h.as('alex');
    await h.api('GET', EVENTS);
    await h.api('GET', '/users/me/calendarList');
    await h.api('GET', EVENTS); // over the limit: 403, still counted
    await alex('GET', EVENTS);
    await h.g.fetch('https://www.googleapis.com/calendar/v3/users/me/calendarList'); // no token
    const counts: Record<string, number> = {};
    for (const e of h.g.log.entries()) {
      const key = `${e.user ?? '-'} ${e.endpoint} ${e.status}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts).toEqual({
      'demo events.list 200': 1,
      'demo calendarList.list 200': 1,
      'demo GET /calendar/v3/calendars/primary/events 403': 1,
      'alex events.list 200': 1,
      '- GET /calendar/v3/users/me/calendarList 401': 1,
    });
  });
});
