import { describe, expect, it } from 'vitest';
import { FULL_SYNC_REQUIRED_BODY } from '../../../support/google-bodies';
import { EVENTS, enc, insertTimed, listAll, seedEvents, setup } from './helpers';

describe('sync tokens (spec §1)', () => {
  it('§1 paginated windowed full sync, then incremental with changes and tombstones', async () => {
    const h = setup();
    const ids = await seedEvents(h, 12);
    const window = 'timeMin=2025-03-01T00:00:00Z&timeMax=2025-04-01T00:00:00Z';
    const full = await listAll(h, `${EVENTS}?maxResults=5&${window}`);
    expect(full.pages).toHaveLength(3);
    for (const p of full.pages.slice(0, -1)) {
      expect(p.body.nextPageToken).toBeTypeOf('string');
      expect(p.body.nextSyncToken).toBeUndefined();
    }
    expect(full.last.nextSyncToken).toBeTypeOf('string');
    expect(full.items.map((i) => i.id).sort()).toEqual([...ids].sort());

    // Changes after the full sync: one update, one delete, one insert.
    await h.api('PATCH', `${EVENTS}/${ids[0]}`, { summary: 'renamed' });
    await h.api('DELETE', `${EVENTS}/${ids[1]}`);
    const added = await insertTimed(h, '2025-03-20T10:00:00', '2025-03-20T11:00:00');

    const inc = await h.api('GET', `${EVENTS}?syncToken=${enc(full.last.nextSyncToken)}`);
    expect(inc.status).toBe(200);
    const byId = new Map(inc.body.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.size).toBe(3);
    expect(byId.get(ids[0])).toMatchObject({ summary: 'renamed', status: 'confirmed' });
    // spec §1: a deleted event is just {kind, etag, id, status}.
    const tomb = byId.get(ids[1]) as Record<string, unknown>;
    expect(Object.keys(tomb).sort()).toEqual(['etag', 'id', 'kind', 'status']);
    expect(tomb.status).toBe('cancelled');
    expect(byId.get(added.id)).toMatchObject({ status: 'confirmed' });
    expect(inc.body.nextSyncToken).toBeTypeOf('string');
    expect(inc.body.nextPageToken).toBeUndefined();
  });

  it('§1 incremental returns changes outside the original window too', async () => {
    const h = setup();
    const full = await listAll(
      h,
      `${EVENTS}?timeMin=2025-03-01T00:00:00Z&timeMax=2025-03-10T00:00:00Z`,
    );
    const far = await insertTimed(h, '2025-12-01T10:00:00', '2025-12-01T11:00:00');
    const inc = await h.api('GET', `${EVENTS}?syncToken=${enc(full.last.nextSyncToken)}`);
    expect(inc.body.items.map((i: { id: string }) => i.id)).toEqual([far.id]);
  });

  it('§1 no change → items [] and a new sync token', async () => {
    const h = setup();
    await seedEvents(h, 2);
    const full = await listAll(h, EVENTS);
    const inc = await h.api('GET', `${EVENTS}?syncToken=${enc(full.last.nextSyncToken)}`);
    expect(inc.body.items).toEqual([]);
    expect(inc.body.nextSyncToken).toBeTypeOf('string');
  });

  it('§1 an older, still-valid token keeps working and sees everything since', async () => {
    const h = setup();
    const t1 = (await listAll(h, EVENTS)).last.nextSyncToken;
    const a = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const t2 = (await h.api('GET', `${EVENTS}?syncToken=${enc(t1)}`)).body.nextSyncToken;
    const b = await insertTimed(h, '2025-03-07T10:00:00', '2025-03-07T11:00:00');
    const fromOld = await h.api('GET', `${EVENTS}?syncToken=${enc(t1)}`);
    expect(fromOld.body.items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    const fromNew = await h.api('GET', `${EVENTS}?syncToken=${enc(t2)}`);
    expect(fromNew.body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
  });

  it('§1 forged or garbled token → 410 with exactly the documented body', async () => {
    const h = setup();
    for (const token of ['garbage', 'CPZXZlbnRzLzEvMQ', '']) {
      const res = await h.api('GET', `${EVENTS}?syncToken=${enc(token)}`);
      expect(res.status, token).toBe(410);
      expect(res.body).toEqual(FULL_SYNC_REQUIRED_BODY);
    }
  });

  it('§1 a token of another calendar → 410', async () => {
    const h = setup();
    const personal = enc(h.g.calendarIds.personal);
    const token = (await listAll(h, `/calendars/${personal}/events`)).last.nextSyncToken;
    const res = await h.api('GET', `${EVENTS}?syncToken=${enc(token)}`);
    expect(res.status).toBe(410);
  });

  it('§1 [open] a singleEvents=true token used without singleEvents → 410', async () => {
    const h = setup();
    const token = (await listAll(h, `${EVENTS}?singleEvents=true`)).last.nextSyncToken;
    expect((await h.api('GET', `${EVENTS}?singleEvents=true&syncToken=${enc(token)}`)).status).toBe(
      200,
    );
    expect((await h.api('GET', `${EVENTS}?syncToken=${enc(token)}`)).status).toBe(410);
  });

  it('§1 tokens idle longer than the TTL → 410; used tokens stay alive', async () => {
    const h = setup({ syncTokenIdleTtlMs: 1000 * 60 * 60, accessTokenTtlMs: 86_400_000 });
    const idle = (await listAll(h, EVENTS)).last.nextSyncToken;
    const used = (await listAll(h, EVENTS)).last.nextSyncToken;
    // Redeeming a token resets its idle timer, so the same token survives 3 × 40 minutes.
    for (let i = 0; i < 3; i++) {
      h.clock.advance(40 * 60 * 1000);
      expect((await h.api('GET', `${EVENTS}?syncToken=${enc(used)}`)).status).toBe(200);
    }
    const dead = await h.api('GET', `${EVENTS}?syncToken=${enc(idle)}`);
    expect(dead.status).toBe(410);
    expect(dead.body).toEqual(FULL_SYNC_REQUIRED_BODY);
  });

  it('§1 default idle TTL is 7 days', async () => {
    const h = setup({ accessTokenTtlMs: 30 * 86_400_000 });
    const token = (await listAll(h, EVENTS)).last.nextSyncToken;
    h.clock.advance(7 * 86_400_000);
    expect((await h.api('GET', `${EVENTS}?syncToken=${enc(token)}`)).status).toBe(200);
    const token2 = (await listAll(h, EVENTS)).last.nextSyncToken;
    h.clock.advance(7 * 86_400_000 + 1);
    expect((await h.api('GET', `${EVENTS}?syncToken=${enc(token2)}`)).status).toBe(410);
  });

  it('§1 expire on demand: one token, one calendar, or all', async () => {
    const h = setup();
    const personal = enc(h.g.calendarIds.personal);
    const a = (await listAll(h, EVENTS)).last.nextSyncToken;
    const b = (await listAll(h, EVENTS)).last.nextSyncToken;
    const p = (await listAll(h, `/calendars/${personal}/events`)).last.nextSyncToken;
    expect(h.g.expireSyncTokens({ token: a })).toBe(1);
    expect((await h.api('GET', `${EVENTS}?syncToken=${enc(a)}`)).status).toBe(410);
    expect((await h.api('GET', `${EVENTS}?syncToken=${enc(b)}`)).status).toBe(200);

    const b2 = (await listAll(h, EVENTS)).last.nextSyncToken;
    h.g.expireSyncTokens({ calendarId: h.g.calendarIds.work });
    expect((await h.api('GET', `${EVENTS}?syncToken=${enc(b2)}`)).status).toBe(410);
    expect((await h.api('GET', `/calendars/${personal}/events?syncToken=${enc(p)}`)).status).toBe(
      200,
    );

    const p2 = (await listAll(h, `/calendars/${personal}/events`)).last.nextSyncToken;
    h.g.expireSyncTokens();
    expect((await h.api('GET', `/calendars/${personal}/events?syncToken=${enc(p2)}`)).status).toBe(
      410,
    );
  });

  it('§1 control route POST /__emulator/sync-tokens/expire expires tokens', async () => {
    const h = setup();
    const token = (await listAll(h, EVENTS)).last.nextSyncToken;
    const res = await h.g.fetch('http://emulator/__emulator/sync-tokens/expire', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ calendarId: 'demo@example.com' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, expired: 1 });
    expect((await h.api('GET', `${EVENTS}?syncToken=${enc(token)}`)).status).toBe(410);
  });

  it('§1 forbidden parameters with syncToken → 400 (showDeleted=false included)', async () => {
    const h = setup();
    const token = enc((await listAll(h, `${EVENTS}?singleEvents=true`)).last.nextSyncToken);
    const clashes = [
      'iCalUID=x@google.com',
      'orderBy=updated',
      'privateExtendedProperty=a%3Db',
      'sharedExtendedProperty=a%3Db',
      'q=lunch',
      'timeMin=2025-03-01T00:00:00Z',
      'timeMax=2025-03-01T00:00:00Z',
      'updatedMin=2025-03-01T00:00:00Z',
      'showDeleted=false',
    ];
    for (const clash of clashes) {
      const res = await h.api('GET', `${EVENTS}?singleEvents=true&syncToken=${token}&${clash}`);
      expect(res.status, clash).toBe(400);
      expect(res.body.error.message).toBe(
        'Sync token cannot be used with other request restrictions.',
      );
    }
    const allowed = await h.api(
      'GET',
      `${EVENTS}?singleEvents=true&syncToken=${token}&showDeleted=true&maxResults=10`,
    );
    expect(allowed.status).toBe(200);
  });

  it('§1 pagination stays consistent while writes happen between pages', async () => {
    const h = setup();
    const ids = await seedEvents(h, 9);
    const first = await h.api('GET', `${EVENTS}?maxResults=3`);
    const seen = [...first.body.items];
    // Between pages: delete one not yet seen, rename one, add one.
    const unseen = ids.filter((id) => !seen.some((s) => s.id === id));
    await h.api('DELETE', `${EVENTS}/${unseen[0]}`);
    await h.api('PATCH', `${EVENTS}/${unseen[1]}`, { summary: 'renamed mid-sync' });
    const added = await insertTimed(h, '2025-03-06T12:00:00', '2025-03-06T13:00:00');
    let token = first.body.nextPageToken;
    let last = first.body;
    while (token) {
      last = (await h.api('GET', `${EVENTS}?maxResults=3&pageToken=${enc(token)}`)).body;
      seen.push(...last.items);
      token = last.nextPageToken;
    }
    // Every page comes from the first page's snapshot: all 9 originals, no duplicates, the
    // deleted one still live and the rename not yet visible...
    expect(seen.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(seen.find((s) => s.id === unseen[1]).summary).not.toBe('renamed mid-sync');
    // ...and the sync token covers exactly that snapshot: the 3 writes come next.
    const inc = await h.api('GET', `${EVENTS}?syncToken=${enc(last.nextSyncToken)}`);
    const byId = new Map(inc.body.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get(unseen[0])).toMatchObject({ status: 'cancelled' });
    expect(byId.get(unseen[1])).toMatchObject({ summary: 'renamed mid-sync' });
    expect(byId.has(added.id)).toBe(true);
    expect(byId.size).toBe(3);
  });

  it('§1 paginated incremental sync: sync token only on the last page', async () => {
    const h = setup();
    const token = (await listAll(h, EVENTS)).last.nextSyncToken;
    await seedEvents(h, 7);
    const res = await listAll(h, `${EVENTS}?maxResults=3&syncToken=${enc(token)}`);
    expect(res.pages).toHaveLength(3);
    expect(res.items).toHaveLength(7);
    expect(res.pages[0]?.body.nextSyncToken).toBeUndefined();
    expect(res.last.nextSyncToken).toBeTypeOf('string');
  });

  it('§1 expiring the token mid-pagination makes the next page 410', async () => {
    const h = setup();
    const token = (await listAll(h, EVENTS)).last.nextSyncToken;
    await seedEvents(h, 4);
    const first = await h.api('GET', `${EVENTS}?maxResults=2&syncToken=${enc(token)}`);
    h.g.expireSyncTokens();
    const next = await h.api(
      'GET',
      `${EVENTS}?maxResults=2&syncToken=${enc(token)}&pageToken=${enc(first.body.nextPageToken)}`,
    );
    expect(next.status).toBe(410);
  });

  it('§1 deletion tombstones for cancelled instances carry recurringEventId and originalStartTime', async () => {
    const h = setup();
    const series = await insertTimed(h, '2025-03-03T09:00:00', '2025-03-03T09:30:00', {
      recurrence: ['RRULE:FREQ=DAILY;COUNT=5'],
    });
    const token = (await listAll(h, `${EVENTS}?singleEvents=true`)).last.nextSyncToken;
    const instance = `${series.id}_20250304T140000Z`;
    expect((await h.api('DELETE', `${EVENTS}/${instance}`)).status).toBe(204);
    const inc = await h.api('GET', `${EVENTS}?singleEvents=true&syncToken=${enc(token)}`);
    expect(inc.body.items).toEqual([
      {
        kind: 'calendar#event',
        etag: expect.stringMatching(/^"\d+"$/),
        id: instance,
        status: 'cancelled',
        recurringEventId: series.id,
        originalStartTime: { dateTime: '2025-03-04T09:00:00-05:00', timeZone: 'America/New_York' },
      },
    ]);
  });

  it('§1 [open] deleting a series: one tombstone for the series id in singleEvents incremental', async () => {
    const h = setup();
    const series = await insertTimed(h, '2025-03-03T09:00:00', '2025-03-03T09:30:00', {
      recurrence: ['RRULE:FREQ=DAILY;COUNT=5'],
    });
    const token = (await listAll(h, `${EVENTS}?singleEvents=true`)).last.nextSyncToken;
    await h.api('DELETE', `${EVENTS}/${series.id}`);
    const inc = await h.api('GET', `${EVENTS}?singleEvents=true&syncToken=${enc(token)}`);
    expect(inc.body.items).toEqual([
      expect.objectContaining({ id: series.id, status: 'cancelled' }),
    ]);
  });

  it('§1 changing a series returns its instances; instances that vanished come back as tombstones', async () => {
    const h = setup();
    const series = await insertTimed(h, '2025-03-03T09:00:00', '2025-03-03T09:30:00', {
      recurrence: ['RRULE:FREQ=DAILY;COUNT=3'],
    });
    const token = (await listAll(h, `${EVENTS}?singleEvents=true`)).last.nextSyncToken;
    await h.api('PATCH', `${EVENTS}/${series.id}`, {
      recurrence: ['RRULE:FREQ=DAILY;COUNT=2'],
      summary: 'shorter',
    });
    const inc = await h.api('GET', `${EVENTS}?singleEvents=true&syncToken=${enc(token)}`);
    const items = inc.body.items as { id: string; status: string; summary?: string }[];
    const live = items.filter((i) => i.status !== 'cancelled');
    expect(live.map((i) => i.id).sort()).toEqual([
      `${series.id}_20250303T140000Z`,
      `${series.id}_20250304T140000Z`,
    ]);
    expect(live.every((i) => i.summary === 'shorter')).toBe(true);
    expect(items.filter((i) => i.status === 'cancelled')).toEqual([
      expect.objectContaining({ id: `${series.id}_20250305T140000Z`, recurringEventId: series.id }),
    ]);
  });

  it('§1 full listings with orderBy or filters end without a nextSyncToken', async () => {
    const h = setup();
    await seedEvents(h, 2);
    for (const q of ['singleEvents=true&orderBy=startTime', 'orderBy=updated', 'q=e1']) {
      const res = await h.api('GET', `${EVENTS}?${q}`);
      expect(res.status, q).toBe(200);
      expect(res.body.nextSyncToken, q).toBeUndefined();
      expect(res.body.nextPageToken, q).toBeUndefined();
    }
  });

  it('§1 updatedMin too long ago → 410 updatedMinTooLongAgo; recent includes deletions', async () => {
    const h = setup();
    const ids = await seedEvents(h, 3);
    h.clock.advance(60_000);
    const since = new Date(h.clock.now()).toISOString();
    await h.api('DELETE', `${EVENTS}/${ids[0]}`);
    await h.api('PATCH', `${EVENTS}/${ids[1]}`, { summary: 'x' });
    const recent = await h.api('GET', `${EVENTS}?updatedMin=${since}`);
    expect(recent.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [ids[0], ids[1]].sort(),
    );
    const old = await h.api('GET', `${EVENTS}?updatedMin=2025-01-01T00:00:00Z`);
    expect(old.status).toBe(410);
    expect(old.body.error.errors[0]).toMatchObject({
      domain: 'calendar',
      reason: 'updatedMinTooLongAgo',
    });
  });
});
