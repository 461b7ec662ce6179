import { describe, expect, it } from 'vitest';
import { EVENTS, enc, insertTimed, listAll, setup } from './helpers';

type Item = {
  id: string;
  summary?: string;
  status: string;
  start?: { dateTime?: string; date?: string };
};

describe('events.list (spec §1)', () => {
  it('§1 envelope: kind, etag, summary, updated, timeZone, accessRole, defaultReminders, items', async () => {
    const h = setup();
    await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const res = await h.api('GET', EVENTS);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(Object.keys(res.body)).toEqual([
      'kind',
      'etag',
      'summary',
      'updated',
      'timeZone',
      'accessRole',
      'defaultReminders',
      'nextSyncToken',
      'items',
    ]);
    expect(res.body).toMatchObject({
      kind: 'calendar#events',
      summary: 'Work',
      timeZone: 'America/New_York',
      accessRole: 'owner',
      defaultReminders: [{ method: 'popup', minutes: 10 }],
      updated: '2025-03-05T15:00:00.000Z',
    });
    expect(res.body.etag).toMatch(/^"\d+"$/);
  });

  it('§1 `primary` resolves to the user primary calendar; unknown calendar → 404', async () => {
    const h = setup();
    const e = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const direct = await h.api('GET', `/calendars/${enc('demo@example.com')}/events`);
    expect(direct.body.items.map((i: Item) => i.id)).toEqual([e.id]);
    const unknown = await h.api('GET', '/calendars/nope%40example.com/events');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.errors[0].reason).toBe('notFound');
    // alex cannot see demo's personal calendar at all.
    const foreign = await h.as('alex')('GET', `/calendars/${enc(h.g.calendarIds.personal)}/events`);
    expect(foreign.status).toBe(404);
  });

  it('§1 timeMin bounds the END and timeMax the START, both exclusive', async () => {
    const h = setup();
    const a = await insertTimed(h, '2025-03-06T09:00:00', '2025-03-06T10:00:00'); // ends exactly at timeMin
    const b = await insertTimed(h, '2025-03-06T09:30:00', '2025-03-06T10:30:00'); // overlaps timeMin
    const c = await insertTimed(h, '2025-03-06T11:30:00', '2025-03-06T12:30:00'); // starts before timeMax
    const d = await insertTimed(h, '2025-03-06T12:00:00', '2025-03-06T13:00:00'); // starts exactly at timeMax
    const res = await h.api(
      'GET',
      `${EVENTS}?timeMin=2025-03-06T10:00:00-05:00&timeMax=2025-03-06T12:00:00-05:00`,
    );
    const ids = res.body.items.map((i: Item) => i.id).sort();
    expect(ids).toEqual([b.id, c.id].sort());
    expect(ids).not.toContain(a.id);
    expect(ids).not.toContain(d.id);
  });

  it('§1 timeMax <= timeMin → 400 calendar/timeRangeEmpty', async () => {
    const h = setup();
    for (const q of [
      'timeMin=2025-03-06T10:00:00Z&timeMax=2025-03-06T10:00:00Z',
      'timeMin=2025-03-06T10:00:00Z&timeMax=2025-03-06T09:00:00Z',
    ]) {
      const res = await h.api('GET', `${EVENTS}?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error.errors[0]).toMatchObject({
        domain: 'calendar',
        reason: 'timeRangeEmpty',
        message: 'The specified time range is empty.',
      });
    }
  });

  it('§1 timeMin/timeMax need an RFC 3339 offset', async () => {
    const h = setup();
    for (const v of ['2025-03-06T10:00:00', '2025-03-06', 'yesterday']) {
      const res = await h.api('GET', `${EVENTS}?timeMin=${enc(v)}`);
      expect(res.status, v).toBe(400);
    }
  });

  it('§1 all-day events are windowed by midnight in the calendar zone', async () => {
    const h = setup();
    const e = (
      await h.api('POST', EVENTS, { start: { date: '2025-03-07' }, end: { date: '2025-03-08' } })
    ).body;
    // 2025-03-07 00:00 New York = 05:00Z; a window ending 04:59Z misses it.
    const before = await h.api(
      'GET',
      `${EVENTS}?timeMin=2025-03-06T00:00:00Z&timeMax=2025-03-07T04:59:00Z`,
    );
    expect(before.body.items).toEqual([]);
    const during = await h.api(
      'GET',
      `${EVENTS}?timeMin=2025-03-07T04:00:00Z&timeMax=2025-03-07T05:01:00Z`,
    );
    expect(during.body.items.map((i: Item) => i.id)).toEqual([e.id]);
  });

  it('§1 maxResults: default 250, above 2500 clamped to 2500, below 1 → 400', async () => {
    const h = setup();
    for (let i = 0; i < 3; i++) await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    expect((await h.api('GET', `${EVENTS}?maxResults=0`)).status).toBe(400);
    expect((await h.api('GET', `${EVENTS}?maxResults=abc`)).status).toBe(400);
    const clamped = await h.api('GET', `${EVENTS}?maxResults=999999`);
    expect(clamped.status).toBe(200);
    expect(clamped.body.items).toHaveLength(3);
  });

  it('§1 default page size is 250', async () => {
    const h = setup();
    const ids = [];
    for (let i = 0; i < 251; i++)
      ids.push((await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00')).id);
    const first = await h.api('GET', EVENTS);
    expect(first.body.items).toHaveLength(250);
    expect(first.body.nextPageToken).toBeTypeOf('string');
    expect(first.body.nextSyncToken).toBeUndefined();
  });

  it('§1 exactly one of nextPageToken / nextSyncToken on each page', async () => {
    const h = setup();
    for (let i = 0; i < 5; i++) await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const all = await listAll(h, `${EVENTS}?maxResults=2`);
    for (const page of all.pages) {
      const hasPage = page.body.nextPageToken !== undefined;
      const hasSync = page.body.nextSyncToken !== undefined;
      expect(hasPage !== hasSync).toBe(true);
    }
    expect(all.items).toHaveLength(5);
  });

  it('§1 a pageToken used with a different query → 400; garbled → 400', async () => {
    const h = setup();
    for (let i = 0; i < 3; i++) await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const first = await h.api('GET', `${EVENTS}?maxResults=1&showDeleted=true`);
    const token = enc(first.body.nextPageToken);
    const other = await h.api('GET', `${EVENTS}?maxResults=1&pageToken=${token}`);
    expect(other.status).toBe(400);
    expect(other.body.error.errors[0].location).toBe('pageToken');
    expect(
      (await h.api('GET', `${EVENTS}?maxResults=1&showDeleted=true&pageToken=xyz`)).status,
    ).toBe(400);
    expect(
      (await h.api('GET', `${EVENTS}?maxResults=1&showDeleted=true&pageToken=${token}`)).status,
    ).toBe(200);
  });

  it('§1 orderBy=startTime needs singleEvents=true (400 otherwise) and sorts by start', async () => {
    const h = setup();
    const late = await insertTimed(h, '2025-03-08T10:00:00', '2025-03-08T11:00:00');
    const early = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const mid = await insertTimed(h, '2025-03-07T10:00:00', '2025-03-07T11:00:00');
    const bad = await h.api('GET', `${EVENTS}?orderBy=startTime`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'The requested ordering is not available for the particular query.',
    );
    const res = await h.api('GET', `${EVENTS}?orderBy=startTime&singleEvents=true`);
    expect(res.body.items.map((i: Item) => i.id)).toEqual([early.id, mid.id, late.id]);
    expect((await h.api('GET', `${EVENTS}?orderBy=nonsense`)).status).toBe(400);
  });

  it('§1 orderBy=updated sorts by last modification', async () => {
    const h = setup();
    const a = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    h.clock.advance(1000);
    const b = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    h.clock.advance(1000);
    await h.api('PATCH', `${EVENTS}/${a.id}`, { summary: 'touched' });
    const res = await h.api('GET', `${EVENTS}?orderBy=updated`);
    expect(res.body.items.map((i: Item) => i.id)).toEqual([b.id, a.id]);
  });

  it('§1 showDeleted: deleted events only when asked, as tombstones', async () => {
    const h = setup();
    const keep = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const gone = await insertTimed(h, '2025-03-06T12:00:00', '2025-03-06T13:00:00');
    await h.api('DELETE', `${EVENTS}/${gone.id}`);
    const plain = await h.api('GET', EVENTS);
    expect(plain.body.items.map((i: Item) => i.id)).toEqual([keep.id]);
    const withDeleted = await h.api('GET', `${EVENTS}?showDeleted=true`);
    const tomb = withDeleted.body.items.find((i: Item) => i.id === gone.id);
    expect(tomb).toEqual({
      kind: 'calendar#event',
      etag: expect.any(String),
      id: gone.id,
      status: 'cancelled',
    });
    expect((await h.api('GET', `${EVENTS}?showDeleted=maybe`)).status).toBe(400);
  });

  it('§1 q matches words in summary, description, location and attendees', async () => {
    const h = setup();
    const lunch = await insertTimed(h, '2025-03-06T12:00:00', '2025-03-06T13:00:00', {
      summary: 'Lunch with Sam',
    });
    const desc = await insertTimed(h, '2025-03-06T14:00:00', '2025-03-06T15:00:00', {
      description: 'bring LUNCH menu',
    });
    await insertTimed(h, '2025-03-06T16:00:00', '2025-03-06T17:00:00', { summary: 'Other' });
    const guest = await insertTimed(h, '2025-03-06T18:00:00', '2025-03-06T19:00:00', {
      attendees: [{ email: 'sam@example.com' }],
    });
    const res = await h.api('GET', `${EVENTS}?q=lunch`);
    expect(res.body.items.map((i: Item) => i.id).sort()).toEqual([lunch.id, desc.id].sort());
    const both = await h.api('GET', `${EVENTS}?q=${enc('lunch sam')}`);
    expect(both.body.items.map((i: Item) => i.id)).toEqual([lunch.id]);
    const bySam = await h.api('GET', `${EVENTS}?q=sam%40example.com`);
    expect(bySam.body.items.map((i: Item) => i.id)).toEqual([guest.id]);
  });

  it('§1 iCalUID filter', async () => {
    const h = setup();
    const a = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    await insertTimed(h, '2025-03-06T12:00:00', '2025-03-06T13:00:00');
    const res = await h.api('GET', `${EVENTS}?iCalUID=${enc(`${a.id}@google.com`)}`);
    expect(res.body.items.map((i: Item) => i.id)).toEqual([a.id]);
  });

  it('§1 private/sharedExtendedProperty: repeatable, all must match', async () => {
    const h = setup();
    const both = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00', {
      extendedProperties: { private: { app: 'almanac', kind: 'busy' }, shared: { team: 'x' } },
    });
    const one = await insertTimed(h, '2025-03-06T12:00:00', '2025-03-06T13:00:00', {
      extendedProperties: { private: { app: 'almanac' } },
    });
    const q1 = await h.api('GET', `${EVENTS}?privateExtendedProperty=${enc('app=almanac')}`);
    expect(q1.body.items.map((i: Item) => i.id).sort()).toEqual([both.id, one.id].sort());
    const q2 = await h.api(
      'GET',
      `${EVENTS}?privateExtendedProperty=${enc('app=almanac')}&privateExtendedProperty=${enc('kind=busy')}`,
    );
    expect(q2.body.items.map((i: Item) => i.id)).toEqual([both.id]);
    const q3 = await h.api('GET', `${EVENTS}?sharedExtendedProperty=${enc('team=x')}`);
    expect(q3.body.items.map((i: Item) => i.id)).toEqual([both.id]);
    const q4 = await h.api('GET', `${EVENTS}?sharedExtendedProperty=${enc('app=almanac')}`);
    expect(q4.body.items).toEqual([]);
    expect((await h.api('GET', `${EVENTS}?privateExtendedProperty=novalue`)).status).toBe(400);
  });

  it('§1 timeZone parameter renders dateTimes in that zone; invalid → 400', async () => {
    const h = setup();
    await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const res = await h.api('GET', `${EVENTS}?timeZone=Asia/Tokyo`);
    expect(res.body.items[0].start.dateTime).toBe('2025-03-07T00:00:00+09:00');
    expect(res.body.timeZone).toBe('America/New_York');
    expect((await h.api('GET', `${EVENTS}?timeZone=Not/AZone`)).status).toBe(400);
  });

  it('§1 a reader sees accessRole reader; a free/busy reader sees only times', async () => {
    const h = setup({ seed: 'demo' });
    const holidays = await h.api('GET', `/calendars/${enc(h.g.calendarIds.holidays)}/events`);
    expect(holidays.body.accessRole).toBe('reader');
    const alexView = await h.as('alex')(
      'GET',
      `/calendars/${enc('demo@example.com')}/events?singleEvents=true`,
    );
    expect(alexView.body.accessRole).toBe('freeBusyReader');
    for (const item of alexView.body.items) {
      expect(item.summary).toBeUndefined();
      expect(item.start).toBeDefined();
    }
  });
});

describe('short pages (spec §1)', () => {
  it('§1 with shortPages, some pages are short or empty yet still carry nextPageToken', async () => {
    const h = setup({ shortPages: true });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      ids.push((await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00')).id);
    }
    const all = await listAll(h, `${EVENTS}?maxResults=4`);
    const sizes = all.pages.map((p) => p.body.items.length);
    expect(sizes.some((n) => n < 4 && n > 0)).toBe(true);
    expect(sizes.slice(0, -1).some((n) => n === 0)).toBe(true);
    expect(all.items.map((i) => i.id).sort()).toEqual(ids.sort());
    expect(all.last.nextSyncToken).toBeTypeOf('string');
  });
});
