// The new tab's task buckets (taskDays) on a real Dexie over fake-indexeddb: what a task's agenda
// row holds, and that every way of writing tasks keeps the buckets equal to the projection of
// `tasks`, in the same transaction.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { groupTasksIntoDays } from '../../../extension/store/agenda-buckets';
import type { TaskDayRow } from '../../../extension/store/agenda-records';
import { AlmanacDb } from '../../../extension/store/db';
import { projectTask, sameTaskProjection } from '../../../extension/store/task-projection';
import { agendaRowOf, task } from './fixtures';
import { touchedParts } from './touched-parts';

const opened: AlmanacDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function freshDb(): AlmanacDb {
  const db = new AlmanacDb('task-days', { indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  return db;
}

const bucketKey = (b: TaskDayRow) => JSON.stringify([b.state, b.day, b.sourceId]);
const sorted = (buckets: TaskDayRow[]) =>
  buckets.sort((a, b) => (bucketKey(a) < bucketKey(b) ? -1 : 1));

async function expectMirror(db: AlmanacDb): Promise<void> {
  const rows = (await db.tasks.toArray()).flatMap((t) => projectTask(t) ?? []);
  expect(sorted(await db.taskDays.toArray())).toEqual(sorted(groupTasksIntoDays(rows)));
}

/** The states of the buckets holding task `id`. */
async function filed(db: AlmanacDb, id: string): Promise<string[]> {
  return (await db.taskDays.toArray()).flatMap((b) =>
    b.tasks.some((t) => t.id === id) ? [`${b.state}:${b.day}`] : [],
  );
}

describe('a task’s agenda row', () => {
  it('holds what the agenda shows, and nothing for a task it cannot place or must hide', () => {
    const stored = task('Write doc', '2026-11-24T10:00:00', {
      projectId: 'p1',
      labels: ['deep'],
      priority: 4,
      raw: { id: 'x', duration: { amount: 2, unit: 'day' }, description: 'long notes' },
    });
    expect(projectTask(stored)).toEqual({
      sourceId: stored.sourceId,
      id: stored.id,
      localId: stored.localId,
      projectId: 'p1',
      content: 'Write doc',
      priority: 4,
      labels: ['deep'],
      dueDate: '2026-11-24T10:00:00',
      dueMs: stored.dueMs,
      durationMs: 2 * 86_400_000,
      known: true,
    });
    expect(projectTask(task('Someday', undefined))).toBeUndefined();
    expect(projectTask(task('Going', '2026-11-24', { deleting: true }))).toBeUndefined();
    // What Todoist sent is a boundary: a malformed duration is left out, not trusted.
    const odd = task('Odd', '2026-11-24', { raw: { duration: { amount: -5, unit: 'minute' } } });
    expect(projectTask(odd)?.durationMs).toBeUndefined();
    const draft = projectTask(task('Draft', '2026-11-24', { raw: undefined, pending: ['op1'] }));
    expect(draft).toMatchObject({ pending: true });
    expect(draft?.known).toBeUndefined();
  });

  it('is the same after a change the agenda does not show, and not after one it does', () => {
    const stored = task('Plan', '2026-11-24', { labels: ['a'] });
    const row = agendaRowOf(stored);
    expect(sameTaskProjection(row, agendaRowOf({ ...stored, description: 'new notes' }))).toBe(
      true,
    );
    expect(sameTaskProjection(row, agendaRowOf({ ...stored, labels: ['a', 'b'] }))).toBe(false);
    expect(sameTaskProjection(row, agendaRowOf({ ...stored, checked: true }))).toBe(false);
  });
});

describe('writing tasks writes their buckets', () => {
  it('puts, moves, completes and deletes through every table method', async () => {
    const db = freshDb();
    const a = task('a', '2026-11-24');
    const b = task('b', '2026-11-25T09:00:00');
    const c = task('c', '2026-11-20', { sourceId: 't2' });
    await db.tasks.bulkPut([a, b, c]);
    await expectMirror(db);
    expect(await db.taskDays.count()).toBe(3);

    await db.tasks.put({
      ...a,
      due: { date: '2026-11-27', isRecurring: false },
      dueMs: b.dueMs! + 2 * 86_400_000,
    });
    await db.tasks.update([b.sourceId, b.id], { checked: true });
    await expectMirror(db);
    expect((await filed(db, b.id))[0]).toMatch(/^done:/);
    await db.tasks.update([b.sourceId, b.id], { checked: false });
    expect((await filed(db, b.id))[0]).toMatch(/^open:/);
    await db.tasks.update([a.sourceId, a.id], { deleting: true });
    expect(await filed(db, a.id)).toEqual([]);
    await db.tasks.delete([c.sourceId, c.id]);
    await expectMirror(db);
    await db.tasks.where('sourceId').equals(a.sourceId).delete();
    await expectMirror(db);
    expect(await db.taskDays.count()).toBe(0);

    await db.tasks.bulkPut([a, b, c]);
    await db.tasks.where(':id').between(['t2', ''], ['t2', '\uffff']).delete();
    await expectMirror(db);
    await db.tasks.clear();
    expect(await db.taskDays.count()).toBe(0);
  });

  it('one write holding two versions of a task files the last one only', async () => {
    const db = freshDb();
    const a = task('a', '2026-11-24');
    await db.tasks.put(a);
    const later = {
      ...a,
      due: { date: '2026-11-28', isRecurring: false },
      dueMs: a.dueMs! + 4 * 86_400_000,
    };
    await db.tasks.bulkPut([{ ...a, checked: true }, later]);
    await expectMirror(db);
    expect(await filed(db, a.id)).toEqual([`open:${Math.floor(later.dueMs / 86_400_000)}`]);
  });

  it('a refused add and a failed transaction leave the buckets as they were', async () => {
    const db = freshDb();
    const a = task('a', '2026-11-24');
    await db.tasks.add(a);
    await expect(
      db.tasks.bulkAdd([{ ...a, checked: true }, task('new', '2026-11-25')]),
    ).rejects.toThrow();
    await expectMirror(db);
    expect((await filed(db, a.id))[0]).toMatch(/^open:/);
    await expect(
      db.transaction('rw', db.tasks, async () => {
        await db.tasks.put({ ...a, checked: true });
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    await expectMirror(db);
    expect((await filed(db, a.id))[0]).toMatch(/^open:/);
  });

  it('a change the agenda does not show writes no bucket', async () => {
    const db = freshDb();
    const a = task('a', '2026-11-24');
    await db.tasks.put(a);
    const touched = await touchedParts(() =>
      db.tasks.put({ ...a, description: 'notes', raw: { ...a.raw, description: 'notes' } }),
    );
    expect(touched.some((part) => part.includes('/tasks/'))).toBe(true);
    expect(touched.some((part) => part.includes('/taskDays/'))).toBe(false);
  });
});
