import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createHarness, cycle, type Harness, START } from './helpers/harness';
import { timedEvent } from './helpers/remote';

const MIN = 60_000;
const work = CALENDAR_IDS.work;
let h: Harness;
afterEach(() => h?.store.close());

describe('single-flight per scope', () => {
  it('calls during a run collapse into exactly one follow-up run', async () => {
    h = await createHarness();
    await cycle(h);
    h.clock.advance(15 * MIN);
    const since = h.google.log.lastSeq;
    const runsBefore = await h.store.db.runs.count();
    const first = h.engine.sync(h.scope(work), 'alarm');
    const second = h.engine.sync(h.scope(work), 'push');
    const third = h.engine.sync(h.scope(work), 'push');
    const results = await Promise.all([first, second, third]);
    expect(results[1]).toBe(results[2]);
    expect(h.listRequests(since)).toHaveLength(2);
    const runs = (await h.store.db.runs.toArray()).slice(runsBefore);
    expect(runs.map((r) => r.reason)).toEqual(['alarm', 'follow-up']);
    // Once settled, a new call starts a new run.
    await h.engine.sync(h.scope(work), 'user');
    expect(h.listRequests(since)).toHaveLength(3);
  });

  it('a change that lands while a run is listing is picked up by the follow-up', async () => {
    let armed = false;
    let during: Promise<unknown> | undefined;
    h = await createHarness({
      wrapFetch: (inner) =>
        (async (input: string | URL | Request, init?: RequestInit) => {
          const res = await inner(input, init);
          if (armed && String(input).includes('/events?')) {
            armed = false;
            // After Google answered: too late for this run. A push arrives meanwhile.
            await h.remote.insert(work, timedEvent('Late arrival', START + 2 * 3_600_000));
            during = h.engine.sync(h.scope(work), 'push');
          }
          return res;
        }) as typeof fetch,
    });
    await cycle(h);
    h.clock.advance(15 * MIN);
    armed = true;
    const result = await h.engine.sync(h.scope(work), 'alarm');
    expect(await during).toBe(result);
    expect((await h.stored(work)).map((e) => e.summary)).toContain('Late arrival');
    await h.expectConverged(work);
  });

  it('different scopes do not wait for each other', async () => {
    const trace: string[] = [];
    let tracing = false;
    h = await createHarness({
      wrapFetch: (inner) =>
        (async (input: string | URL | Request, init?: RequestInit) => {
          const which = String(input).includes('personal') ? 'personal' : 'work';
          if (tracing) trace.push(`start ${which}`);
          const res = await inner(input, init);
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (tracing) trace.push(`end ${which}`);
          return res;
        }) as typeof fetch,
    });
    await cycle(h);
    h.clock.advance(15 * MIN);
    tracing = true;
    const [ra, rb] = await Promise.all([
      h.engine.sync(h.scope(work), 'x'),
      h.engine.sync(h.scope(CALENDAR_IDS.personal), 'x'),
    ]);
    expect([ra.outcome, rb.outcome]).toEqual(['ok', 'ok']);
    // Both requests were in flight at once.
    expect(trace.slice(0, 2).sort()).toEqual(['start personal', 'start work']);
  });
});
