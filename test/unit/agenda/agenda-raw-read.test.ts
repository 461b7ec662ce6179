// The new tab's boot read (agenda-raw-read.ts) on fake-indexeddb: plain IndexedDB, with the key
// ranges worked out by hand from Dexie's layout, so its one job is to give back exactly what the
// Dexie reader (agenda-rows.ts readAgendaRows) gives for the same window; the page shapes either
// the same way. And since it runs before Dexie, on every new tab, it must never leave a trace: no
// database created, none upgraded, no connection left to block Dexie's own upgrade.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupTasksIntoDays } from '../../../extension/store/agenda-buckets';
import { type IndexedDbApi, readAgendaRowsRaw } from '../../../extension/store/agenda-raw-read';
import type { AgendaTaskRow, TaskDayRow } from '../../../extension/store/agenda-records';
import { readAgendaRows } from '../../../extension/store/agenda-rows';
import { AlmanacDb } from '../../../extension/store/db';
import type { TaskRecord, TimeWindow } from '../../../extension/store/records';
import { projectTask } from '../../../extension/store/task-projection';
import { allDayEvent, at, calendar, task, timedEvent } from './fixtures';
import { V1_STORES, V2_STORES, V3_STORES, V4_STORES } from './legacy-schemas';

const LA = 'America/Los_Angeles';
const H = 3_600_000;

// A Los Angeles week (Nov 23–29 2026) widened by a day each side, as the page reads it.
const week: TimeWindow = {
  startMs: Date.parse('2026-11-23T08:00:00Z') - 26 * H,
  endMs: Date.parse('2026-11-30T08:00:00Z') + 26 * H,
};

let api: IndexedDbApi;
let name: string;
const opened: Dexie[] = [];

beforeEach(() => {
  api = { indexedDB: new IDBFactory(), IDBKeyRange };
  name = `raw-${Math.random()}`;
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function almanac(): AlmanacDb {
  const db = new AlmanacDb(name, api);
  opened.push(db);
  return db;
}

/** The database as schema version 2 left it: before the agenda tables (db.ts). */
async function createVersion2(): Promise<void> {
  const old = new Dexie(name, api);
  old.version(1).stores(V1_STORES);
  old.version(2).stores(V2_STORES);
  await old.open();
  await old
    .table('events')
    .put(timedEvent('Synced before v3', at('2026-11-24T10:00', LA), at('2026-11-24T11:00', LA)));
  old.close();
}

/** The tasks stored before the task buckets: open and overdue, done, a queued delete, none due,
 * in the week. */
const OLD_TASKS = [
  task('Open since then', '2026-11-01'),
  task('Done since then', '2026-11-02', { checked: true }),
  task('Deleting', '2026-11-03', { deleting: true }),
  task('Undated', undefined),
  task('In the week', '2026-11-25'),
];

/** The database as schema version 3 (the agenda tables, not yet the openDueMs index) or 4 (not
 * yet the task buckets) left it, with OLD_TASKS stored. */
async function createVersion(version: 3 | 4): Promise<void> {
  const old = new Dexie(name, api);
  old.version(1).stores(V1_STORES);
  old.version(2).stores(V2_STORES);
  old.version(3).stores(V3_STORES);
  if (version === 4) old.version(4).stores(V4_STORES);
  await old.open();
  // Version 4's middleware derived `openDueMs` on every write of an open dated task.
  const asStored = (t: TaskRecord) =>
    version === 4 && !t.checked && t.dueMs !== undefined ? { ...t, openDueMs: t.dueMs } : t;
  await old.table('tasks').bulkPut(OLD_TASKS.map(asStored));
  old.close();
}

const rowKey = (t: { sourceId: string; id: string }) => `${t.sourceId}\u0000${t.id}`;
const byRowKey = (a: AgendaTaskRow, b: AgendaTaskRow) => (rowKey(a) < rowKey(b) ? -1 : 1);

/** taskDays holds exactly the agenda rows of the stored tasks, filed by state and day. */
async function expectBucketsOfTasks(db: AlmanacDb): Promise<void> {
  const tasks: TaskRecord[] = await db.tasks.toArray();
  const rows = tasks.flatMap((t) => projectTask(t) ?? []).sort(byRowKey);
  const key = (b: TaskDayRow) => JSON.stringify([b.state, b.day, b.sourceId]);
  const sorted = (buckets: TaskDayRow[]) => buckets.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  expect(sorted(await db.taskDays.toArray())).toEqual(sorted(groupTasksIntoDays(rows)));
}

/** Opening `name` again, without a version: whether it existed (oldVersion 0 means it did not).
 * The probe's own empty database is aborted again, as the raw read does. */
function existingVersion(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = api.indexedDB.open(name);
    req.onupgradeneeded = (event) => {
      resolve(event.oldVersion);
      req.transaction?.abort();
    };
    req.onsuccess = () => {
      resolve(req.result.version);
      req.result.close();
    };
    req.onerror = () => {}; // the abort above; already resolved
    req.onblocked = () => reject(new Error('blocked'));
  });
}

/** `promise`, or a rejection after `ms`: a blocked open in Dexie waits forever otherwise. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms),
    ),
  ]);
}

describe('the boot read, against the Dexie reader', () => {
  it('gives the same rows for the same window, while Dexie holds its own connection', async () => {
    const db = almanac();
    await db.open();
    const personal = calendar({
      key: 'g1:me@example.com',
      id: 'me@example.com',
      summary: 'Me',
      primary: false,
    });
    await db.sources.bulkPut([
      { id: 'g1', provider: 'google' },
      { id: 't1', provider: 'todoist', timeZone: 'America/New_York' },
    ]);
    await db.calendars.bulkPut([calendar(), personal]);
    await db.projects.put({
      sourceId: 't1',
      id: 'p1',
      name: 'Home',
      childOrder: 1,
      inbox: false,
      archived: false,
      raw: {},
    });
    await db.scopes.put({
      scope: 'google:g1',
      status: 'ok',
      consecutiveFailures: 0,
      nextRunAt: null,
    });
    await db.events.bulkPut([
      timedEvent('Standup', at('2026-11-24T09:00', LA), at('2026-11-24T09:15', LA)),
      timedEvent('Review', at('2026-11-27T14:00', LA), at('2026-11-27T15:00', LA)),
      // 22:00–01:00 in LA is 06:00–09:00 UTC; 15:00–18:00 is across UTC midnight: two buckets.
      timedEvent('Late deploy', at('2026-11-25T15:00', LA), at('2026-11-25T18:00', LA)),
      timedEvent('Overnight', at('2026-11-25T22:00', LA), at('2026-11-26T01:00', LA)),
      allDayEvent('Thanksgiving trip', '2026-11-26', '2026-11-30'),
      // More than 62 UTC days: filed in the 'long' bucket only.
      allDayEvent('Sabbatical', '2026-10-01', '2027-01-15'),
      timedEvent('Gym', at('2026-11-28T08:00', LA), at('2026-11-28T09:00', LA), {}, personal),
      allDayEvent('Far away', '2027-03-01', '2027-03-02', personal),
      // Outside the window each side: their buckets must not be read.
      timedEvent('Last month', at('2026-10-20T09:00', LA), at('2026-10-20T10:00', LA)),
      timedEvent('Next month', at('2026-12-20T09:00', LA), at('2026-12-20T10:00', LA)),
    ]);
    await db.tasks.bulkPut([
      task('Pay rent', '2026-11-24'),
      task('Call mom', '2026-11-26T18:00:00Z'),
      task('Being deleted', '2026-11-25', { deleting: true }),
      task('Long ago', '2026-10-01'),
      task('Next year', '2027-02-01'),
      task('Someday', undefined),
      // The window's edges: start included, end excluded.
      task('At the start', '2026-11-22', { dueMs: week.startMs }),
      task('At the end', '2026-12-01', { dueMs: week.endMs }),
    ]);

    const raw = await readAgendaRowsRaw(api, name, week);
    const dexie = await readAgendaRows(db, week);

    expect(raw?.rows).toEqual(dexie);
    // Not two empty reads agreeing: every part of the read has rows, and the ranges cut.
    const days = dexie.buckets.days.map((b) => b.day);
    expect(days.length).toBeGreaterThan(5);
    expect(days.every((d) => typeof d === 'number')).toBe(true);
    expect(dexie.buckets.long.flatMap((b) => b.events.map((e) => e.summary))).toEqual([
      'Sabbatical',
    ]);
    const inDays = dexie.buckets.days.flatMap((b) => b.events.map((e) => e.summary));
    expect(inDays).toContain('Gym');
    expect(inDays).not.toContain('Next month');
    expect(inDays).not.toContain('Last month');
    // In due order; a task whose delete is queued is in no bucket.
    expect(dexie.tasks.map((t) => t.content)).toEqual(['At the start', 'Pay rent', 'Call mom']);
    // Asked for the tasks due before the window (a view with today in it), both read them alike.
    const rawEarlier = await readAgendaRowsRaw(api, name, week, true);
    const dexieEarlier = await readAgendaRows(db, week, true);
    expect(rawEarlier?.rows).toEqual(dexieEarlier);
    expect(dexieEarlier.earlier?.map((t) => t.content)).toEqual(['Long ago']);
    expect(raw?.rows.earlier).toBeUndefined();
    expect(dexie.sources).toHaveLength(2);
    expect(dexie.calendars).toHaveLength(2);
    expect(dexie.projects).toHaveLength(1);
    expect(dexie.scopes).toHaveLength(1);
  });

  it('gives the same rows for an empty database of the current schema', async () => {
    const db = almanac();
    await db.open();
    const raw = await readAgendaRowsRaw(api, name, week);
    expect(raw?.rows).toEqual(await readAgendaRows(db, week));
  });

  it('says when it opened and read, in order', async () => {
    await almanac().open();
    const before = performance.now();
    const raw = await readAgendaRowsRaw(api, name, week);
    const after = performance.now();
    expect(raw).toBeDefined();
    const { openStart, readStart, readEnd } = raw ?? { openStart: 0, readStart: 0, readEnd: 0 };
    expect(before).toBeLessThanOrEqual(openStart);
    expect(openStart).toBeLessThanOrEqual(readStart);
    expect(readStart).toBeLessThanOrEqual(readEnd);
    expect(readEnd).toBeLessThanOrEqual(after);
  });
});

describe('the boot read gives up, leaving no trace', () => {
  it('when there is no IndexedDB', async () => {
    await expect(readAgendaRowsRaw(undefined, name, week)).resolves.toBeUndefined();
  });

  it('when the database does not exist, and does not create it', async () => {
    await expect(readAgendaRowsRaw(api, name, week)).resolves.toBeUndefined();
    // An empty database at version 1 would make Dexie's open an upgrade from a schema it never
    // wrote (and hide "first run" from anything that checks for the database).
    expect(await api.indexedDB.databases()).toEqual([]);
    expect(await existingVersion()).toBe(0);
  });

  it('when the database predates the agenda tables, and Dexie can still upgrade it', async () => {
    await createVersion2();
    await expect(readAgendaRowsRaw(api, name, week)).resolves.toBeUndefined();
    expect(await api.indexedDB.databases()).toEqual([{ name, version: 20 }]);

    // The page then opens through Dexie: the upgrade must not wait on the raw read.
    const db = almanac();
    await within(2_000, db.open());
    expect(db.verno).toBe(5);
    const rows = await readAgendaRows(db, week);
    expect(rows.buckets.days.flatMap((b) => b.events.map((e) => e.summary))).toContain(
      'Synced before v3',
    );
  });
});

describe('a database from before the task buckets', () => {
  it.each([3, 4] as const)(
    '(v%i): the boot read gives up; Dexie upgrades it and files every task',
    async (version) => {
      await createVersion(version);
      await expect(readAgendaRowsRaw(api, name, week)).resolves.toBeUndefined();
      await expect(readAgendaRowsRaw(api, name, week, true)).resolves.toBeUndefined();
      const db = almanac();
      await within(2_000, db.open());
      expect(db.verno).toBe(5);
      await expectBucketsOfTasks(db);
      const rows = await readAgendaRows(db, week, true);
      expect(rows.earlier?.map((t) => t.content)).toEqual(['Open since then']);
      expect(rows.tasks.map((t) => t.content)).toEqual(['In the week']);
      // From then on the boot read serves, and agrees.
      expect((await readAgendaRowsRaw(api, name, week, true))?.rows).toEqual(rows);
    },
  );
});

describe('the boot read and a later schema upgrade', () => {
  /** The next schema version: what an extension update opens the database with. */
  class NextAlmanacDb extends AlmanacDb {
    constructor() {
      super(name, api);
      this.version(6).stores({ extra: 'id' });
    }
  }

  it('does not block it once the read is in', async () => {
    const current = almanac();
    await current.open();
    current.close();
    expect(await readAgendaRowsRaw(api, name, week)).toBeDefined();

    const next = new NextAlmanacDb();
    opened.push(next);
    await within(2_000, next.open());
    expect(next.verno).toBe(6);
  });

  it('only delays it by its one read when they overlap', async () => {
    const current = almanac();
    await current.open();
    current.close();
    const read = readAgendaRowsRaw(api, name, week);
    const next = new NextAlmanacDb();
    opened.push(next);
    await within(2_000, next.open());
    expect(next.verno).toBe(6);
    // Whichever got there first, the read settles: rows if it opened before the upgrade (the
    // tables it reads are unchanged), never a rejection.
    await expect(read).resolves.toBeDefined();
  });
});
