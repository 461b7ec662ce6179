import { afterEach, describe, expect, it } from 'vitest';
import { setCalendarSelected } from '../../../extension/store/calendar-selection';
import type { AlmanacStore } from '../../../extension/store/open';
import type { CalendarEntry, EventRecord } from '../../../extension/store/records';
import { calendarListScope, calendarScope } from '../../../extension/sync/scope';
import { openTestStore } from '../helpers/open-test-store';

const list = calendarListScope('me');
const entry = (id: string, extra: Partial<CalendarEntry> = {}): CalendarEntry => ({
  key: `me:${id}`,
  sourceId: 'me',
  id,
  etag: `"${id}"`,
  summary: id,
  hidden: false,
  googleSelected: true,
  primary: false,
  raw: { id },
  ...extra,
});
const ev = (calendarId: string, id: string): EventRecord => ({
  calendarKey: `me:${calendarId}`,
  id,
  etag: '1',
  status: 'confirmed',
  startMs: 0,
  endMs: 1,
  allDay: false,
  raw: {},
});
const cursor = { token: 'c1', fullSyncedAt: 1, savedAt: 1 };

let store: AlmanacStore;
afterEach(() => store?.close());

async function setup() {
  store = await openTestStore();
  await store.db.sources.put({ id: 'me', provider: 'google' });
  await store.sync.calendarList.apply(list, { upserts: [entry('a'), entry('b')], deletes: [] });
  await store.db.events.bulkPut([ev('a', 'x'), ev('b', 'y')]);
  await store.db.calendars.update('me:a', { cursor });
  await store.db.scopes.put({
    scope: calendarScope('me', 'a').id,
    status: 'ok',
    consecutiveFailures: 0,
    nextRunAt: 0,
  });
  store.writes.reset();
  return store;
}

describe('calendar list collection', () => {
  it('keeps local fields (cursor) across an entry change and skips unchanged etags', async () => {
    const { sync, db } = await setup();
    const res = await sync.calendarList.apply(list, {
      upserts: [entry('a', { etag: '"a2"', summary: 'A!' }), entry('b')],
      deletes: [],
    });
    expect(res.writes).toBe(1);
    expect(await db.calendars.get('me:a')).toMatchObject({ summary: 'A!', cursor });
  });

  it('a deleted entry removes the calendar, its events and its scheduling row', async () => {
    const { sync, db } = await setup();
    const res = await sync.calendarList.apply(list, { upserts: [], deletes: ['a'] }, { cursor });
    expect(res.writes).toBe(3); // event + calendar + source cursor
    expect(await db.calendars.get('me:a')).toBeUndefined();
    expect((await db.events.toArray()).map((e) => e.id)).toEqual(['y']);
    expect(await db.scopes.count()).toBe(0);
    expect(await sync.calendarList.readCursor(list)).toEqual(cursor);
  });

  it('deselected upstream (hidden, not selected) drops events and cursor, keeps the row', async () => {
    const { sync, db } = await setup();
    await sync.calendarList.apply(list, {
      upserts: [entry('a', { etag: '"a2"', googleSelected: false })],
      deletes: [],
    });
    const row = await db.calendars.get('me:a');
    expect(row?.cursor).toBeUndefined();
    expect((await db.events.toArray()).map((e) => e.id)).toEqual(['y']);
  });

  it('a full listing removes calendars it did not contain', async () => {
    const { sync, db } = await setup();
    await sync.calendarList.apply(
      list,
      { upserts: [entry('b')], deletes: [] },
      {
        cursor,
        keepOnly: new Set(['b']),
      },
    );
    expect((await db.calendars.toArray()).map((c) => c.id)).toEqual(['b']);
    expect((await db.events.toArray()).map((e) => e.id)).toEqual(['y']);
  });

  it('the user deselecting a calendar drops its events; the choice survives list syncs', async () => {
    const { sync, db } = await setup();
    await setCalendarSelected(db, 'me:a', false);
    expect((await db.events.toArray()).map((e) => e.id)).toEqual(['y']);
    await sync.calendarList.apply(list, { upserts: [entry('a', { etag: '"a3"' })], deletes: [] });
    expect(await db.calendars.get('me:a')).toMatchObject({ userSelected: false, etag: '"a3"' });
  });
});
