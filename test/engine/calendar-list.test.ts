import { afterEach, describe, expect, it } from 'vitest';
import { calendarKey } from '../../extension/sync/scope';
import { CALENDAR_IDS } from '../emulators/google/index';
import {
  createHarness,
  cycle,
  DEMO_CALENDARS,
  type Harness,
  SOURCE,
  START,
} from './helpers/harness';
import { timedEvent } from './helpers/remote';

const MIN = 60_000;
let h: Harness;
afterEach(() => h?.store.close());

describe('calendar list', () => {
  it('selects every calendar Google marks selected, the primary included', async () => {
    h = await createHarness();
    await cycle(h);
    const rows = await h.store.db.calendars.toArray();
    expect(rows.map((r) => r.id).sort()).toEqual([...DEMO_CALENDARS].sort());
    expect(rows.find((r) => r.primary)?.id).toBe(CALENDAR_IDS.work);
    expect((await h.engine.knownScopes()).map((s) => s.id).sort()).toEqual(
      [h.listScope.id, ...DEMO_CALENDARS.map((id) => h.scope(id).id)].sort(),
    );
  });

  it('is synced about hourly, not every 15-minute cycle', async () => {
    h = await createHarness();
    for (let i = 0; i < 8; i++) {
      await cycle(h);
      h.clock.advance(15 * MIN);
    }
    const lists = h.listRequests().filter((r) => r.endpoint === 'calendarList.list');
    expect(lists).toHaveLength(2);
    expect(new URLSearchParams(lists[1]?.query).has('syncToken')).toBe(true);
  });

  it('a calendar removed upstream takes its events, row and schedule with it', async () => {
    h = await createHarness();
    await cycle(h);
    const family = CALENDAR_IDS.family;
    expect((await h.stored(family)).length).toBeGreaterThan(0);
    h.google.setAccess(family, 'demo', 'none');
    const result = await h.engine.sync(h.listScope, 'user');
    expect(result).toMatchObject({ outcome: 'ok', mode: 'incremental' });
    expect(await h.stored(family)).toEqual([]);
    expect(await h.store.db.calendars.get(calendarKey(SOURCE, family))).toBeUndefined();
    expect(await h.store.db.scopes.get(h.scope(family).id)).toBeUndefined();
    expect((await h.engine.knownScopes()).map((s) => s.id)).not.toContain(h.scope(family).id);
  });

  it('a calendar deselected upstream drops its events; reselecting re-lists it in full', async () => {
    h = await createHarness();
    await cycle(h);
    const personal = CALENDAR_IDS.personal;
    await h.remote.patchCalendarListEntry(personal, { selected: false });
    await h.engine.sync(h.listScope, 'user');
    expect(await h.stored(personal)).toEqual([]);
    expect((await h.engine.dueScopes()).map((s) => s.id)).not.toContain(h.scope(personal).id);

    await h.remote.patchCalendarListEntry(personal, { selected: true });
    await h.engine.sync(h.listScope, 'user');
    const result = await h.engine.sync(h.scope(personal), 'user');
    expect(result).toMatchObject({ mode: 'full', outcome: 'ok' });
    await h.expectConverged(personal);
  });

  it('a calendar created upstream is picked up by the next list sync and synced', async () => {
    h = await createHarness();
    await cycle(h);
    const created = await h.remote.insertCalendar('Side project');
    await h.remote.insert(created.id, timedEvent('Kickoff', START + 3_600_000));
    h.clock.advance(60 * MIN);
    const results = await cycle(h);
    expect(results.find((r) => r.scope === h.scope(created.id).id)).toMatchObject({
      mode: 'full',
      outcome: 'ok',
    });
    expect((await h.stored(created.id)).map((e) => e.summary)).toEqual(['Kickoff']);
  });

  it('a calendar run that finds its calendar gone writes nothing (no orphans)', async () => {
    h = await createHarness();
    await cycle(h);
    const family = CALENDAR_IDS.family;
    h.google.setAccess(family, 'demo', 'none');
    await h.engine.sync(h.listScope, 'user');
    // A stale alarm for the removed calendar still fires.
    const since = h.google.log.lastSeq;
    const stale = await h.engine.sync(h.scope(family), 'alarm');
    expect(stale).toMatchObject({ outcome: 'skipped', requests: 0, changes: 0 });
    expect(h.listRequests(since)).toEqual([]);
    expect(await h.store.db.scopes.get(h.scope(family).id)).toBeUndefined();
    expect(await h.stored(family)).toEqual([]);
    expect(await h.store.db.calendars.get(calendarKey(SOURCE, family))).toBeUndefined();
  });
});
