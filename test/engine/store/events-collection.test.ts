import { afterEach, describe, expect, it } from 'vitest';
import type { AlmanacStore } from '../../../extension/store/open';
import type { CalendarRecord, EventRecord } from '../../../extension/store/records';
import { calendarScope } from '../../../extension/sync/scope';
import { openTestStore } from '../helpers/open-test-store';

const scope = calendarScope('me', 'primary');
const calendar: CalendarRecord = {
  key: scope.calendarKey,
  sourceId: 'me',
  id: 'primary',
  etag: '"c1"',
  summary: 'Me',
  hidden: false,
  googleSelected: true,
  primary: true,
  raw: {},
};
const ev = (id: string, etag = '1', extra: Partial<EventRecord> = {}): EventRecord => ({
  calendarKey: scope.calendarKey,
  id,
  etag,
  status: 'confirmed',
  startMs: 1_000,
  endMs: 2_000,
  allDay: false,
  raw: { id },
  ...extra,
});
const cursor = (token: string) => ({ token, fullSyncedAt: 1, savedAt: 1 });

let store: AlmanacStore;
afterEach(() => store?.close());

async function setup() {
  store = await openTestStore();
  await store.db.calendars.put(calendar);
  store.writes.reset();
  return store;
}

describe('events collection', () => {
  it('writes only new or changed etags, and nothing for a repeat', async () => {
    const { sync, db, writes } = await setup();
    const first = await sync.events.apply(scope, { upserts: [ev('a'), ev('b')], deletes: [] });
    expect(first).toEqual({ writes: 2, scopeGone: false });
    const again = await sync.events.apply(scope, { upserts: [ev('a'), ev('b', '2')], deletes: [] });
    expect(again.writes).toBe(1);
    expect((await db.events.get([scope.calendarKey, 'b']))?.etag).toBe('2');
    expect(writes.byTable()).toEqual({ events: 3 });
  });

  it('deleting a series id deletes its instances; unknown ids cost nothing', async () => {
    const { sync, db } = await setup();
    await sync.events.apply(scope, {
      upserts: [ev('s_1', '1', { seriesId: 's' }), ev('s_2', '1', { seriesId: 's' }), ev('x')],
      deletes: [],
    });
    const res = await sync.events.apply(scope, { upserts: [], deletes: ['s', 'nope'] });
    expect(res.writes).toBe(2);
    expect((await db.events.toArray()).map((e) => e.id)).toEqual(['x']);
  });

  it('applies deletes before upserts, so a listed live item survives a cascade', async () => {
    const { sync, db } = await setup();
    await sync.events.apply(scope, { upserts: [ev('s_1', '1', { seriesId: 's' })], deletes: [] });
    await sync.events.apply(scope, {
      upserts: [ev('s_2', '1', { seriesId: 's' })],
      deletes: ['s'],
    });
    expect((await db.events.toArray()).map((e) => e.id)).toEqual(['s_2']);
  });

  it('a full finalize deletes what was not seen and writes the cursor in the same call', async () => {
    const { sync, db } = await setup();
    await sync.events.apply(scope, { upserts: [ev('a'), ev('b'), ev('c')], deletes: [] });
    const res = await sync.events.apply(
      scope,
      { upserts: [ev('c')], deletes: [] },
      { cursor: cursor('t1'), keepOnly: new Set(['a', 'c']) },
    );
    expect(res.writes).toBe(2); // b deleted + cursor; a and c unchanged
    expect((await db.events.toArray()).map((e) => e.id)).toEqual(['a', 'c']);
    expect(await sync.events.readCursor(scope)).toEqual(cursor('t1'));
  });

  it('does not rewrite an equal cursor; clearCursor drops it', async () => {
    const { sync, writes } = await setup();
    await sync.events.apply(scope, { upserts: [], deletes: [] }, { cursor: cursor('t1') });
    writes.reset();
    const res = await sync.events.apply(
      scope,
      { upserts: [], deletes: [] },
      { cursor: cursor('t1') },
    );
    expect(res.writes).toBe(0);
    expect(writes.data()).toBe(0);
    await sync.events.clearCursor(scope);
    expect(await sync.events.readCursor(scope)).toBeUndefined();
  });

  it('writes nothing when the calendar is gone or deselected meanwhile', async () => {
    const { sync, db } = await setup();
    await db.calendars.put({ ...calendar, userSelected: false });
    const res = await sync.events.apply(
      scope,
      { upserts: [ev('a')], deletes: [] },
      { cursor: cursor('t') },
    );
    expect(res).toEqual({ writes: 0, scopeGone: true });
    await db.calendars.delete(calendar.key);
    expect((await sync.events.apply(scope, { upserts: [ev('a')], deletes: [] })).scopeGone).toBe(
      true,
    );
    expect(await db.events.count()).toBe(0);
  });
});
