import { describe, expect, it } from 'vitest';
import { FULL_SYNC_REQUIRED_BODY } from '../../../support/google-bodies';
import { EVENTS, enc, insertTimed, listAll, seedEvents, setup, timed } from './helpers';

/**
 * Audit of sync tokens and page tokens (spec §1, §5): a token that is truncated, forged, or
 * belongs to another calendar, series or user never works, and pagination stays consistent
 * while writes land between pages.
 */
const INVALID_PAGE_TOKEN = {
  error: {
    errors: [
      {
        domain: 'global',
        reason: 'invalid',
        message: 'Invalid page token value.',
        locationType: 'parameter',
        location: 'pageToken',
      },
    ],
    code: 400,
    message: 'Invalid page token value.',
  },
};
const FOREIGN_PAGE_TOKEN =
  'The page token does not belong to this query; repeat the same parameters.';

/** Decodes a page token's JSON, lets `edit` change it, encodes it back. */
function tamper(token: string, edit: (pos: Record<string, unknown>) => void): string {
  const pos = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  edit(pos);
  return Buffer.from(JSON.stringify(pos)).toString('base64url');
}

describe('spec audit: sync tokens and page tokens', () => {
  it('§1 [open] a sync token of another user, for the same shared calendar → 410', async () => {
    const h = setup();
    const family = `/calendars/${enc(h.g.calendarIds.family)}/events`;
    const alex = h.as('alex');
    const alexFull = await alex('GET', `${family}?singleEvents=true`);
    expect(alexFull.status).toBe(200);
    const stolen = await h.api(
      'GET',
      `${family}?singleEvents=true&syncToken=${enc(alexFull.body.nextSyncToken)}`,
    );
    expect(stolen.status).toBe(410);
    expect(stolen.body).toEqual(FULL_SYNC_REQUIRED_BODY);
    // The owner's token keeps working for its owner.
    const own = await alex(
      'GET',
      `${family}?singleEvents=true&syncToken=${enc(alexFull.body.nextSyncToken)}`,
    );
    expect(own.status).toBe(200);
  });

  it('§1 §5 truncated or extended sync tokens → 410, for events and the calendar list', async () => {
    const h = setup();
    const events = (await listAll(h, EVENTS)).last.nextSyncToken as string;
    const list = (await listAll(h, '/users/me/calendarList')).last.nextSyncToken as string;
    for (const bad of [events.slice(0, -1), `${events}A`, events.toLowerCase()]) {
      const res = await h.api('GET', `${EVENTS}?syncToken=${enc(bad)}`);
      expect(res.body, bad).toEqual(FULL_SYNC_REQUIRED_BODY);
    }
    for (const bad of [list.slice(0, -1), events]) {
      const res = await h.api('GET', `/users/me/calendarList?syncToken=${enc(bad)}`);
      expect(res.body, bad).toEqual(FULL_SYNC_REQUIRED_BODY);
    }
    // A calendar-list token is no events token either, and alex cannot use demo's list token.
    expect((await h.api('GET', `${EVENTS}?syncToken=${enc(list)}`)).body).toEqual(
      FULL_SYNC_REQUIRED_BODY,
    );
    expect(
      (await h.as('alex')('GET', `/users/me/calendarList?syncToken=${enc(list)}`)).body,
    ).toEqual(FULL_SYNC_REQUIRED_BODY);
  });

  it('§1 a page token of another calendar (same query) → 400 pageToken', async () => {
    const h = setup();
    const personal = `/calendars/${enc(h.g.calendarIds.personal)}/events`;
    await seedEvents(h, 3, EVENTS);
    await seedEvents(h, 3, personal);
    const first = await h.api('GET', `${EVENTS}?maxResults=1`);
    const res = await h.api(
      'GET',
      `${personal}?maxResults=1&pageToken=${enc(first.body.nextPageToken)}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.errors[0]).toEqual({
      domain: 'global',
      reason: 'invalid',
      message: FOREIGN_PAGE_TOKEN,
      locationType: 'parameter',
      location: 'pageToken',
    });
    // `primary` and the calendar's own id name the same calendar: the token still fits.
    const same = await h.api(
      'GET',
      `/calendars/${enc('demo@example.com')}/events?maxResults=1&pageToken=${enc(first.body.nextPageToken)}`,
    );
    expect(same.status).toBe(200);
  });

  it('§1 a page token of another user (same calendar, same query) → 400', async () => {
    const h = setup();
    const family = `/calendars/${enc(h.g.calendarIds.family)}/events`;
    await seedEvents(h, 3, family);
    const alexFirst = await h.as('alex')('GET', `${family}?maxResults=1`);
    expect(alexFirst.body.nextPageToken).toBeTypeOf('string');
    const res = await h.api(
      'GET',
      `${family}?maxResults=1&pageToken=${enc(alexFirst.body.nextPageToken)}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(FOREIGN_PAGE_TOKEN);
  });

  it('§5 a calendar-list page token of another user → 400', async () => {
    const h = setup();
    const alexFirst = await h.as('alex')('GET', '/users/me/calendarList?maxResults=1');
    const res = await h.api(
      'GET',
      `/users/me/calendarList?maxResults=1&pageToken=${enc(alexFirst.body.nextPageToken)}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.errors[0].location).toBe('pageToken');
  });

  it('§2 an instances page token of another series → 400', async () => {
    const h = setup();
    const series = async () =>
      (
        await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00', {
          recurrence: ['RRULE:FREQ=DAILY;COUNT=4'],
        })
      ).id as string;
    const a = await series();
    const b = await series();
    const first = await h.api('GET', `${EVENTS}/${a}/instances?maxResults=2`);
    const res = await h.api(
      'GET',
      `${EVENTS}/${b}/instances?maxResults=2&pageToken=${enc(first.body.nextPageToken)}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(FOREIGN_PAGE_TOKEN);
  });

  it('§1 truncated, edited or hand-made page tokens → 400 "Invalid page token value."', async () => {
    const h = setup();
    await seedEvents(h, 3, EVENTS);
    const first = await h.api('GET', `${EVENTS}?maxResults=1`);
    const token = first.body.nextPageToken as string;
    const forged = [
      token.slice(0, -2),
      `${token}x`,
      // A snapshot from the future (would hand out a sync token that skips changes).
      tamper(token, (p) => {
        p.s = Number(p.s) + 1000;
      }),
      // Skipping ahead, or turning a full listing into an incremental one from the beginning.
      tamper(token, (p) => {
        p.o = 0;
      }),
      tamper(token, (p) => {
        p.t = 0;
      }),
      tamper(token, (p) => {
        delete p.m;
      }),
      Buffer.from('{"q":1,"s":0,"o":0,"h":0,"m":0}').toString('base64url'),
      Buffer.from('[]').toString('base64url'),
    ];
    for (const bad of forged) {
      const res = await h.api('GET', `${EVENTS}?maxResults=1&pageToken=${enc(bad)}`);
      expect(res.body, bad).toEqual(INVALID_PAGE_TOKEN);
    }
    expect((await h.api('GET', `${EVENTS}?maxResults=1&pageToken=${enc(token)}`)).status).toBe(200);
  });

  it('§1 an incremental page token is bound to its sync token', async () => {
    const h = setup();
    const t1 = (await listAll(h, EVENTS)).last.nextSyncToken as string;
    const t2 = (await listAll(h, EVENTS)).last.nextSyncToken as string;
    await seedEvents(h, 3, EVENTS);
    const first = await h.api('GET', `${EVENTS}?maxResults=1&syncToken=${enc(t1)}`);
    const res = await h.api(
      'GET',
      `${EVENTS}?maxResults=1&syncToken=${enc(t2)}&pageToken=${enc(first.body.nextPageToken)}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.errors[0].location).toBe('pageToken');
  });

  it('§1 incremental pagination with writes between pages: one snapshot, nothing lost', async () => {
    const h = setup();
    const token = (await listAll(h, EVENTS)).last.nextSyncToken as string;
    const ids = await seedEvents(h, 6, EVENTS);
    const first = await h.api('GET', `${EVENTS}?maxResults=2&syncToken=${enc(token)}`);
    const seen = [...first.body.items];
    // Between pages: one not yet seen is deleted, one is renamed, one is added.
    const unseen = ids.filter((id) => !seen.some((s) => s.id === id));
    await h.api('DELETE', `${EVENTS}/${unseen[0]}`);
    await h.api('PATCH', `${EVENTS}/${unseen[1]}`, { summary: 'renamed between pages' });
    const added = await insertTimed(h, '2025-03-20T10:00:00', '2025-03-20T11:00:00');
    let page = first.body;
    while (page.nextPageToken) {
      const q = `maxResults=2&syncToken=${enc(token)}&pageToken=${enc(page.nextPageToken)}`;
      page = (await h.api('GET', `${EVENTS}?${q}`)).body;
      seen.push(...page.items);
    }
    // Every page is cut from the first page's snapshot: the six inserts, as they were.
    expect(seen.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(seen.every((s) => s.status === 'confirmed')).toBe(true);
    expect(seen.find((s) => s.id === unseen[1]).summary).toBe(`e${ids.indexOf(unseen[1]!)}`);
    // The last page's token covers exactly that snapshot: the three writes come next.
    const next = await h.api('GET', `${EVENTS}?syncToken=${enc(page.nextSyncToken)}`);
    const byId = new Map(next.body.items.map((i: { id: string }) => [i.id, i]));
    expect([...byId.keys()].sort()).toEqual([unseen[0], unseen[1], added.id].sort());
    expect(byId.get(unseen[0])).toMatchObject({ status: 'cancelled' });
    expect(byId.get(unseen[1])).toMatchObject({ summary: 'renamed between pages' });
  });

  it('§2 events.instances pages come from one snapshot while the series changes', async () => {
    const h = setup();
    const series = (
      await h.api('POST', EVENTS, {
        ...timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'),
        recurrence: ['RRULE:FREQ=DAILY;COUNT=6'],
        summary: 'before',
      })
    ).body;
    const first = await h.api('GET', `${EVENTS}/${series.id}/instances?maxResults=2`);
    await h.api('PATCH', `${EVENTS}/${series.id}`, { summary: 'after' });
    expect((await h.api('DELETE', `${EVENTS}/${series.id}_20250307T150000Z`)).status).toBe(204);
    const all = [...first.body.items];
    let page = first.body;
    while (page.nextPageToken) {
      page = (
        await h.api(
          'GET',
          `${EVENTS}/${series.id}/instances?maxResults=2&pageToken=${enc(page.nextPageToken)}`,
        )
      ).body;
      all.push(...page.items);
    }
    expect(all).toHaveLength(6);
    expect(all.every((i) => i.summary === 'before' && i.status === 'confirmed')).toBe(true);
  });

  it('§5 calendar-list pages come from one snapshot; the sync token then shows the change', async () => {
    const h = setup();
    const first = await h.api('GET', '/users/me/calendarList?maxResults=1');
    const created = (await h.api('POST', '/calendars', { summary: 'Between pages' })).body;
    const ids = first.body.items.map((e: { id: string }) => e.id);
    let page = first.body;
    while (page.nextPageToken) {
      page = (
        await h.api(
          'GET',
          `/users/me/calendarList?maxResults=1&pageToken=${enc(page.nextPageToken)}`,
        )
      ).body;
      ids.push(...page.items.map((e: { id: string }) => e.id));
    }
    expect(ids).not.toContain(created.id);
    const inc = await h.api('GET', `/users/me/calendarList?syncToken=${enc(page.nextSyncToken)}`);
    expect(inc.body.items.map((e: { id: string }) => e.id)).toEqual([created.id]);
  });

  it('§1 sync token idle expiry at exactly the boundary, on first and follow-up pages', async () => {
    const ttl = 60 * 60 * 1000;
    const h = setup({ syncTokenIdleTtlMs: ttl, accessTokenTtlMs: 30 * 86_400_000 });
    const token = (await listAll(h, EVENTS)).last.nextSyncToken as string;
    await seedEvents(h, 3, EVENTS);
    h.clock.advance(ttl);
    // Idle for exactly the TTL: still alive (and redeeming it restarts the idle timer).
    const first = await h.api('GET', `${EVENTS}?maxResults=1&syncToken=${enc(token)}`);
    expect(first.status).toBe(200);
    h.clock.advance(ttl);
    const q = `maxResults=1&syncToken=${enc(token)}&pageToken=${enc(first.body.nextPageToken)}`;
    const second = await h.api('GET', `${EVENTS}?${q}`);
    expect(second.status).toBe(200);
    // A follow-up page does not restart the timer: one millisecond later the token is dead.
    h.clock.advance(1);
    const q2 = `maxResults=1&syncToken=${enc(token)}&pageToken=${enc(second.body.nextPageToken)}`;
    const third = await h.api('GET', `${EVENTS}?${q2}`);
    expect(third.status).toBe(410);
    expect(third.body).toEqual(FULL_SYNC_REQUIRED_BODY);
    expect((await h.api('GET', `${EVENTS}?syncToken=${enc(token)}`)).status).toBe(410);
  });

  it('§6 access-token expiry at exactly the boundary: the same request, 1 ms apart', async () => {
    const h = setup({ accessTokenTtlMs: 1000 });
    h.clock.advance(999);
    expect((await h.api('GET', EVENTS)).status).toBe(200);
    h.clock.advance(1);
    const res = await h.api('GET', EVENTS);
    expect(res.status).toBe(401);
    expect(res.body.error.errors[0]).toMatchObject({
      reason: 'authError',
      location: 'Authorization',
    });
  });
});
