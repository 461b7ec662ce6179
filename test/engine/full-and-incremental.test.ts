import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createHarness, cycle, DEMO_CALENDARS, type Harness, START } from './helpers/harness';
import { timedEvent } from './helpers/remote';

const MIN = 60_000;
const DAY = 86_400_000;
let h: Harness;
afterEach(() => h?.store.close());

describe('full sync, then incremental', () => {
  it('first cycle: the calendar list, then one windowed full listing per calendar', async () => {
    h = await createHarness();
    const results = await cycle(h);
    // The list first (it defines the calendars), then the calendars in key order.
    expect(results[0]).toMatchObject({ scope: h.listScope.id, mode: 'full', outcome: 'ok' });
    expect(results.slice(1).map((r) => [r.scope, r.mode, r.outcome])).toEqual(
      DEMO_CALENDARS.map((id) => [h.scope(id).id, 'full', 'ok']).sort(),
    );
    const requests = h.listRequests();
    expect(requests.map((r) => r.endpoint)).toEqual([
      'calendarList.list',
      'events.list',
      'events.list',
      'events.list',
      'events.list',
    ]);
    for (const r of requests.slice(1)) {
      const q = new URLSearchParams(r.query);
      // spec §1: windowed, singleEvents, max page, and NO orderBy (it may cost the sync token).
      expect(q.get('singleEvents')).toBe('true');
      expect(q.get('maxResults')).toBe('2500');
      expect(q.has('orderBy')).toBe(false);
      expect(Date.parse(q.get('timeMin') ?? '')).toBe(START - 30 * DAY);
      expect(Date.parse(q.get('timeMax') ?? '')).toBe(START + 365 * DAY);
    }
    for (const id of DEMO_CALENDARS) await h.expectConverged(id);
    expect((await h.stored(CALENDAR_IDS.work)).length).toBeGreaterThan(10);
  });

  it('a second run with no remote change: one request per calendar and zero store writes', async () => {
    h = await createHarness();
    await cycle(h);
    h.clock.advance(15 * MIN);
    const since = h.google.log.lastSeq;
    h.store.writes.reset();
    const results = await cycle(h);
    // The calendar list is hourly, so it is not due; each calendar asks with its token only.
    expect(results.map((r) => r.scope)).toEqual(DEMO_CALENDARS.map((id) => h.scope(id).id).sort());
    const requests = h.listRequests(since);
    expect(requests).toHaveLength(DEMO_CALENDARS.length);
    for (const r of requests) {
      expect([...new URLSearchParams(r.query).keys()].sort()).toEqual([
        'maxResults',
        'singleEvents',
        'syncToken',
      ]);
    }
    expect(results.every((r) => r.mode === 'incremental' && r.changes === 0)).toBe(true);
    expect(h.store.writes.data()).toBe(0);
    // Audit only: a scope-state row and a run row per run (+ metric counters).
    expect(Object.keys(h.store.writes.byTable()).sort()).toEqual(['metrics', 'runs', 'scopes']);
  });

  it('applies remote inserts, edits and deletes incrementally and converges', async () => {
    h = await createHarness();
    await cycle(h);
    const work = CALENDAR_IDS.work;
    const created = await h.remote.insert(work, timedEvent('Dentist', START + 2 * DAY));
    const victim = (await h.stored(work)).find((e) => !e.seriesId);
    const edited = (await h.stored(work)).find((e) => !e.seriesId && e.id !== victim?.id);
    if (!victim || !edited) throw new Error('demo seed has single events');
    await h.remote.remove(work, victim.id);
    await h.remote.patch(work, edited.id, { summary: 'Renamed' });

    h.clock.advance(15 * MIN);
    h.store.writes.reset();
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result).toMatchObject({ outcome: 'ok', mode: 'incremental', pages: 1, requests: 1 });
    await h.expectConverged(work);
    const ids = (await h.stored(work)).map((e) => e.id);
    expect(ids).toContain(created.id);
    expect(ids).not.toContain(victim.id);
    expect((await h.store.db.events.get([h.scope(work).calendarKey, edited.id]))?.summary).toBe(
      'Renamed',
    );
    // insert + edit + delete + the new cursor, nothing else.
    expect(h.store.writes.byTable()).toMatchObject({ events: 3, calendars: 1 });
  });

  it('records runs, scope state and per-endpoint metrics as audit', async () => {
    h = await createHarness();
    await cycle(h);
    const runs = await h.store.db.runs.toArray();
    expect(runs).toHaveLength(5);
    const workRun = runs.find((r) => r.scope === h.scope(CALENDAR_IDS.work).id);
    expect(workRun).toMatchObject({ mode: 'full', pages: 1, requests: 1, outcome: 'ok' });
    expect(workRun?.bytes).toBeGreaterThan(1_000);
    const state = await h.store.db.scopes.get(h.scope(CALENDAR_IDS.work).id);
    expect(state).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
      nextRunAt: START + 15 * MIN,
    });
    const metrics = await h.store.sync.readMetrics(new Date(START).toISOString().slice(0, 10));
    const byName = Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    expect(byName).toMatchObject({
      'requests:calendarList.list': 1,
      'requests:events.list': 4,
      'runs:ok': 5,
    });
    const logged = h.google.log.summary().byEndpoint['events.list'];
    expect(byName['bytes:events.list']).toBe((logged?.bytesOut ?? 0) + (logged?.bytesIn ?? 0));
  });
});
