import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createHarness, cycle, type Harness } from './helpers/harness';

const MIN = 60_000;
const work = CALENDAR_IDS.work;
let h: Harness;
afterEach(() => h?.store.close());

async function standup() {
  await cycle(h);
  const instances = (await h.stored(work)).filter((e) => e.summary === 'Team standup');
  const seriesId = instances[0]?.seriesId;
  if (!seriesId) throw new Error('demo seed has a recurring standup');
  return { seriesId, instances: instances.sort((a, b) => a.startMs - b.startMs) };
}

describe('recurring series (singleEvents=true)', () => {
  it('a series edited and one instance cancelled: instances follow, the cancelled one goes', async () => {
    h = await createHarness();
    const { seriesId, instances } = await standup();
    const doomed = instances[5];
    if (!doomed) throw new Error('enough instances');
    await h.remote.patch(work, seriesId, { summary: 'Daily sync' });
    await h.remote.patch(work, doomed.id, { status: 'cancelled' });
    h.clock.advance(15 * MIN);
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result).toMatchObject({ outcome: 'ok', mode: 'incremental' });
    await h.expectConverged(work);
    const after = (await h.stored(work)).filter((e) => e.seriesId === seriesId);
    expect(after.map((e) => e.id)).not.toContain(doomed.id);
    expect(after.length).toBeGreaterThan(100);
    // The instance moved by the seed keeps its own summary; every rule-made instance renamed.
    expect(after.filter((e) => e.summary === 'Daily sync').length).toBe(after.length - 1);
  });

  it('a series moved to another time: old instance ids are retired, new ones stored', async () => {
    h = await createHarness();
    const { seriesId, instances } = await standup();
    const first = instances[0]?.raw as { start?: { timeZone?: string } } | undefined;
    await h.remote.patch(work, seriesId, {
      start: {
        dateTime: '2024-12-30T11:00:00+01:00',
        timeZone: first?.start?.timeZone ?? 'Europe/Berlin',
      },
      end: {
        dateTime: '2024-12-30T11:15:00+01:00',
        timeZone: first?.start?.timeZone ?? 'Europe/Berlin',
      },
    });
    h.clock.advance(15 * MIN);
    await h.engine.sync(h.scope(work), 'test');
    await h.expectConverged(work);
    const ids = new Set((await h.stored(work)).map((e) => e.id));
    expect(instances.filter((e) => ids.has(e.id)).length).toBeLessThan(instances.length);
  });

  it('a deleted series arrives as one tombstone; every stored instance goes', async () => {
    h = await createHarness();
    const { seriesId } = await standup();
    await h.remote.remove(work, seriesId);
    h.clock.advance(15 * MIN);
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result.outcome).toBe('ok');
    expect((await h.stored(work)).filter((e) => e.seriesId === seriesId)).toEqual([]);
    await h.expectConverged(work);
  });
});
