import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createHarness, cycle, type Harness } from './helpers/harness';

const MIN = 60_000;
const work = CALENDAR_IDS.work;
let h: Harness;
afterEach(() => h?.store.close());

describe('a response that breaks the contract', () => {
  it('is recorded as BadResponse and never touches store or token', async () => {
    h = await createHarness();
    await cycle(h);
    const before = await h.store.db.calendars.get(h.scope(work).calendarKey);
    const rows = await h.stored(work);
    // A live event without start/end: the schema refuses the whole page.
    h.google.faults.add({
      match: { path: '/calendar/v3/calendars/*/events' },
      respond: {
        status: 200,
        body: {
          kind: 'calendar#events',
          items: [{ id: 'broken', etag: '"1"' }],
          nextSyncToken: 'x',
        },
      },
      times: 1,
    });
    h.clock.advance(15 * MIN);
    h.store.writes.reset();
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result).toMatchObject({ outcome: 'error', requests: 1, changes: 0 });
    expect(result.state).toMatchObject({ status: 'retrying', consecutiveFailures: 1 });
    expect(result.state.lastError).toMatchObject({ name: 'BadResponse', reason: 'schema' });
    expect(h.store.writes.data()).toBe(0);
    expect(await h.stored(work)).toEqual(rows);
    expect(await h.store.db.calendars.get(h.scope(work).calendarKey)).toEqual(before);
    const run = (await h.store.db.runs.toArray()).at(-1);
    expect(run?.error).toMatchObject({ name: 'BadResponse' });
  });
});

describe('quiet runs and token age', () => {
  it('keeps an unchanged older token, and stores a fresh one once a day', async () => {
    h = await createHarness();
    await cycle(h);
    const key = h.scope(work).calendarKey;
    const first = (await h.store.db.calendars.get(key))?.cursor;
    h.clock.advance(15 * MIN);
    await h.engine.sync(h.scope(work), 'test');
    expect((await h.store.db.calendars.get(key))?.cursor).toEqual(first);

    h.clock.advance(24 * 60 * MIN);
    h.store.writes.reset();
    await h.engine.sync(h.scope(work), 'test');
    const refreshed = (await h.store.db.calendars.get(key))?.cursor;
    expect(refreshed?.token).not.toBe(first?.token);
    expect(refreshed?.fullSyncedAt).toBe(first?.fullSyncedAt);
    expect(h.store.writes.byTable().calendars).toBe(1);
  });
});
