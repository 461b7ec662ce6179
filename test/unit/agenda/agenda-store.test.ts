// The agenda's projection tables on a real Dexie over fake-indexeddb: every way of writing events
// keeps them equal to the projection of `events`, in the same transaction; and a database from
// before them (v1, v2) is upgraded with them filled in.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { groupIntoDays } from '../../../extension/store/agenda-buckets';
import { projectEvent } from '../../../extension/store/agenda-projection';
import type { AgendaDayRow } from '../../../extension/store/agenda-records';
import { AlmanacDb } from '../../../extension/store/db';
import type { EventRecord } from '../../../extension/store/records';
import { calendar, timedEvent } from './fixtures';
import { V1_STORES, V2_STORES } from './legacy-schemas';
import { touchedParts } from './touched-parts';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function freshDb(factory = new IDBFactory(), name = 'agenda-store'): AlmanacDb {
  const db = new AlmanacDb(name, { indexedDB: factory, IDBKeyRange });
  opened.push(db);
  return db;
}

const eventKey = (r: { calendarKey: string; id: string }) => `${r.calendarKey}\u0000${r.id}`;
const dayKey = (r: AgendaDayRow) => `${typeof r.day}:${r.day}\u0000${r.calendarKey}`;
const sorted = <T>(rows: readonly T[], key: (r: T) => string) =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

async function expectMirror(db: AlmanacDb) {
  const events = await db.events.toArray();
  const expected = sorted(events.map(projectEvent), eventKey);
  expect(sorted(await db.agendaEvents.toArray(), eventKey)).toEqual(expected);
  expect(sorted(await db.agendaDays.toArray(), dayKey)).toEqual(
    sorted(groupIntoDays(expected), dayKey),
  );
}

const hour = (n: number) => Date.parse('2026-11-23T00:00:00Z') + n * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const event = (title: string, from: number, to: number, cal = calendar()) =>
  timedEvent(title, iso(from), iso(to), {}, cal);

describe('writing events writes their agenda rows', () => {
  it('puts, moves, retitles and deletes through every table method', async () => {
    const db = freshDb();
    const other = calendar({ key: 'g1:other', id: 'other' });
    const a = event('a', hour(9), hour(10));
    const b = event('b', hour(22), hour(26));
    const c = event('c', hour(30), hour(31), other);
    await db.events.bulkPut([a, b, c]);
    await expectMirror(db);
    expect(await db.agendaDays.count()).toBe(3);

    await db.events.put({ ...a, startMs: hour(50), endMs: hour(51) }); // moved two days on
    await db.events.update([b.calendarKey, b.id], { summary: 'b2' });
    await expectMirror(db);
    await db.events.delete([c.calendarKey, c.id]);
    await expectMirror(db);
    await db.events.where('calendarKey').equals(a.calendarKey).delete();
    await expectMirror(db);
    expect(await db.agendaDays.count()).toBe(0);

    await db.events.bulkPut([a, b, c]);
    await db.events.where(':id').between([other.key, ''], [other.key, '\uffff']).delete();
    await expectMirror(db);
    await db.events.clear();
    await expectMirror(db);
    expect(await db.agendaEvents.count()).toBe(0);
  });

  it('one write holding two versions of an event files the last one only', async () => {
    const db = freshDb();
    const a = event('a', hour(9), hour(10));
    await db.events.put(a);
    await db.events.bulkPut([
      { ...a, startMs: hour(30), endMs: hour(31) },
      { ...a, startMs: hour(80), endMs: hour(81) },
    ]);
    await expectMirror(db);
    expect((await db.agendaDays.toArray()).map((d) => d.day)).toEqual([
      Math.floor(hour(80) / 86_400_000),
    ]);
  });

  it('an add refused because the event exists leaves its agenda row as it was', async () => {
    const db = freshDb();
    const a = event('a', hour(9), hour(10));
    await db.events.add(a);
    await expect(
      db.events.bulkAdd([{ ...a, summary: 'not me' }, event('new', hour(1), hour(2))]),
    ).rejects.toThrow();
    await expectMirror(db);
    expect((await db.agendaEvents.get([a.calendarKey, a.id]))?.summary).toBe('a');
  });

  it('a transaction that fails after writing events rolls back their agenda rows too', async () => {
    const db = freshDb();
    const a = event('a', hour(9), hour(10));
    await db.events.put(a);
    await expect(
      db.transaction('rw', db.events, async () => {
        await db.events.put({ ...a, startMs: hour(40), endMs: hour(41) });
        await db.events.put(event('b', hour(1), hour(2)));
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    await expectMirror(db);
    expect(await db.events.count()).toBe(1);
    expect((await db.agendaEvents.get([a.calendarKey, a.id]))?.startMs).toBe(hour(9));
  });

  it('a change the agenda does not show writes no agenda rows', async () => {
    const db = freshDb();
    const a = event('a', hour(9), hour(10));
    await db.events.put(a);
    const touched = await touchedParts(() =>
      db.events.put({ ...a, etag: '"2"', raw: { ...a.raw, description: 'notes' } }),
    );
    expect(touched.some((part) => part.includes('/events/'))).toBe(true);
    expect(
      touched.some((part) => part.includes('/agendaDays/') || part.includes('/agendaEvents/')),
    ).toBe(false);
    await expectMirror(db);
  });
});

describe('upgrading a database from before the agenda tables', () => {
  async function oldDatabase(factory: IDBFactory, version: 1 | 2, events: EventRecord[]) {
    const old = new Dexie('agenda-upgrade', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(V1_STORES);
    if (version === 2) old.version(2).stores(V2_STORES);
    await old.table('events').bulkPut(events);
    await old.table('meta').put({ key: 'storeVersion', value: 1 });
    old.close();
  }

  // More events than one backfill chunk, over many days and two calendars.
  const many = Array.from({ length: 1_203 }, (_, i) =>
    event(
      `e${i}`,
      hour(i * 7),
      hour(i * 7 + 1 + (i % 30)),
      i % 2 ? calendar() : calendar({ key: 'g1:two', id: 'two' }),
    ),
  );

  it.each([1, 2] as const)(
    'from v%i: every event kept, its agenda rows filled in',
    async (version) => {
      const factory = new IDBFactory();
      await oldDatabase(factory, version, many);
      const db = freshDb(factory, 'agenda-upgrade');
      await db.open();
      expect(await db.events.count()).toBe(many.length);
      expect(await db.agendaEvents.count()).toBe(many.length);
      await expectMirror(db);
      expect((await db.meta.get('storeVersion'))?.value).toBe(1);
    },
  );
});
