import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createHarness, cycle, DEMO_CALENDARS, type Harness, START } from './helpers/harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let h: Harness;
afterEach(() => h?.store.close());

describe('weekly safety reconcile', () => {
  it('re-lists each calendar about a week after its last full sync, staggered, fixing drift', async () => {
    h = await createHarness();
    await cycle(h);
    // Drift the store behind Google's back: one event lost, one that never existed.
    const work = CALENDAR_IDS.work;
    const key = h.scope(work).calendarKey;
    const [lost] = await h.stored(work);
    if (!lost) throw new Error('work has events');
    await h.store.db.events.delete([key, lost.id]);
    await h.store.db.events.put({ ...lost, id: 'phantom', etag: '"x"' });

    const fullAt = new Map<string, number>();
    for (let t = 0; t < 9 * DAY; t += 3 * HOUR) {
      h.clock.advance(3 * HOUR);
      for (const r of await cycle(h)) {
        if (r.mode === 'full' && r.scope !== h.listScope.id) fullAt.set(r.scope, h.clock.now());
        expect(r.fullResync).toBe(false);
      }
    }
    const times = DEMO_CALENDARS.map((id) => fullAt.get(h.scope(id).id) ?? 0);
    for (const t of times) {
      expect(t - START).toBeGreaterThanOrEqual(6.5 * DAY - 3 * HOUR);
      expect(t - START).toBeLessThanOrEqual(7.5 * DAY + 3 * HOUR);
    }
    expect(new Set(times).size).toBeGreaterThan(1);
    for (const id of DEMO_CALENDARS) await h.expectConverged(id);
    const ids = (await h.stored(work)).map((e) => e.id);
    expect(ids).toContain(lost.id);
    expect(ids).not.toContain('phantom');
  });
});
