import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createHarness, cycle, type Harness, START } from './helpers/harness';
import { timedEvent } from './helpers/remote';

const MIN = 60_000;
const work = CALENDAR_IDS.work;
let h: Harness;
afterEach(() => h?.store.close());

/** Makes IndexedDB fail the cursor write (as a crash or quota error would) while armed. */
async function armCursorWriteFailure(harness: Harness) {
  const state = { armed: false };
  const { db } = harness.store;
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'fail-cursor-write',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            if (state.armed && name === 'calendars') return Promise.reject(new Error('disk full'));
            return table.mutate(req);
          },
        };
      },
    }),
  });
  await db.open();
  return state;
}

describe('the last page and its cursor are one transaction', () => {
  it('if writing the cursor fails, the changes that came with it are not applied either', async () => {
    h = await createHarness();
    await cycle(h);
    const failure = await armCursorWriteFailure(h);
    const before = await h.store.db.calendars.get(h.scope(work).calendarKey);
    const rowsBefore = await h.stored(work);
    await h.remote.insert(work, timedEvent('New', START + 3_600_000));
    await h.remote.remove(work, rowsBefore.find((e) => !e.seriesId)?.id ?? '');

    failure.armed = true;
    h.clock.advance(15 * MIN);
    const failed = await h.engine.sync(h.scope(work), 'test');
    expect(failed.outcome).toBe('error');
    expect(failed.state.lastError?.message).toMatch(/disk full/);
    expect(await h.stored(work)).toEqual(rowsBefore);
    expect(await h.store.db.calendars.get(h.scope(work).calendarKey)).toEqual(before);

    failure.armed = false;
    h.clock.advance(15 * MIN);
    expect(await h.engine.sync(h.scope(work), 'test')).toMatchObject({
      outcome: 'ok',
      mode: 'incremental',
    });
    await h.expectConverged(work);
  });

  it('a full listing whose final transaction fails deletes nothing and keeps no token', async () => {
    h = await createHarness();
    await cycle(h);
    const key = h.scope(work).calendarKey;
    await h.store.db.events.put({ ...(await h.stored(work))[0]!, id: 'stale', etag: '"s"' });
    const failure = await armCursorWriteFailure(h);
    await h.store.sync.events.clearCursor(h.scope(work));
    h.clock.advance(15 * MIN);
    failure.armed = true;
    const failed = await h.engine.sync(h.scope(work), 'test');
    expect(failed).toMatchObject({ outcome: 'error', mode: 'full', pages: 1, changes: 0 });
    expect(await h.store.sync.events.readCursor(h.scope(work))).toBeUndefined();
    // The stale row survives until a complete listing can remove it atomically.
    expect(await h.store.db.events.get([key, 'stale'])).toBeDefined();
    failure.armed = false;
    await h.engine.sync(h.scope(work), 'test');
    expect(await h.store.db.events.get([key, 'stale'])).toBeUndefined();
    await h.expectConverged(work);
  });
});
