import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createHarness, cycle, DEMO_CALENDARS, type Harness, START } from './helpers/harness';
import { timedEvent } from './helpers/remote';

const MIN = 60_000;
const DAY = 86_400_000;
const work = CALENDAR_IDS.work;
let h: Harness;
afterEach(() => h?.store.close());

describe('expired sync tokens', () => {
  it('offline for 9 days: every token is dead (410), each calendar re-lists and converges', async () => {
    // The weekly reconcile would re-list anyway; push it out so the 410 path is what runs.
    h = await createHarness({ schedule: { reconcileIntervalMs: 60 * DAY } });
    await cycle(h);
    await h.remote.insert(work, timedEvent('While away', START + 9 * DAY));
    h.clock.advance(9 * DAY);
    const results = await cycle(h);
    const calendars = results.filter((r) => r.scope !== h.listScope.id);
    expect(calendars).toHaveLength(4);
    for (const r of [...results])
      expect(r).toMatchObject({ outcome: 'ok', fullResync: true, mode: 'full' });
    for (const id of DEMO_CALENDARS) await h.expectConverged(id);
    // The new full listings cover a window that moved with the clock.
    const row = await h.store.db.calendars.get(h.scope(work).calendarKey);
    expect(row?.cursor?.window?.startMs).toBe(START + 9 * DAY - 30 * DAY);
  });

  it('one calendar expired upstream: only that one re-lists; the others stay incremental', async () => {
    h = await createHarness();
    await cycle(h);
    h.google.expireSyncTokens({ calendarId: work });
    h.clock.advance(15 * MIN);
    const results = await cycle(h);
    const byScope = Object.fromEntries(results.map((r) => [r.scope, r]));
    expect(byScope[h.scope(work).id]).toMatchObject({
      mode: 'full',
      fullResync: true,
      requests: 2,
    });
    for (const id of DEMO_CALENDARS.filter((c) => c !== work)) {
      expect(byScope[h.scope(id).id]).toMatchObject({ mode: 'incremental', fullResync: false });
    }
    await h.expectConverged(work);
  });

  it('a 400 "invalid sync token" is treated like 410', async () => {
    h = await createHarness();
    await cycle(h);
    h.google.faults.add({
      match: { method: 'GET', path: '/calendar/v3/calendars/*/events' },
      respond: {
        status: 400,
        body: {
          error: {
            errors: [
              {
                domain: 'global',
                reason: 'invalid',
                message: 'Invalid sync token value.',
                locationType: 'parameter',
                location: 'syncToken',
              },
            ],
            code: 400,
            message: 'Invalid sync token value.',
          },
        },
      },
      times: 1,
    });
    h.clock.advance(15 * MIN);
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result).toMatchObject({ outcome: 'ok', mode: 'full', fullResync: true });
    await h.expectConverged(work);
  });

  it('the calendar list token expiring re-lists calendars without touching events', async () => {
    h = await createHarness();
    await cycle(h);
    h.google.expireSyncTokens();
    h.store.writes.reset();
    const result = await h.engine.sync(h.listScope, 'user');
    expect(result).toMatchObject({ outcome: 'ok', mode: 'full', fullResync: true });
    // Unchanged entries are not rewritten: the cleared token and the new one are the only writes.
    expect(h.store.writes.byTable()).toMatchObject({ sources: 2 });
    expect(h.store.writes.byTable().events ?? 0).toBe(0);
    expect(h.store.writes.byTable().calendars ?? 0).toBe(0);
  });
});
