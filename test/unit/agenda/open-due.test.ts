// The sparse openDueMs index (store/open-due.ts): derived on every kind of task write, so the
// index holds exactly the open tasks with a due moment.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlmanacDb } from '../../../extension/store/db';
import { withOpenDue } from '../../../extension/store/open-due';
import type { TaskRecord } from '../../../extension/store/records';
import { task } from './fixtures';

let db: AlmanacDb;
beforeEach(async () => {
  db = new AlmanacDb(`open-due-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});
afterEach(() => db.close());

/** The index's contents, in its order. */
const indexed = async () =>
  (await db.tasks.orderBy('openDueMs').toArray()).map((t) => [t.content, t.openDueMs]);
const key = (t: TaskRecord): [string, string] => [t.sourceId, t.id];

describe('the openDueMs index', () => {
  const open = task('open', '2026-11-20');
  const done = task('done', '2026-11-19', { checked: true });
  const undated = task('no date', undefined);
  const added = task('added', '2026-11-18');

  it('holds the open tasks with a due moment, whatever wrote them', async () => {
    await db.tasks.bulkPut([open, done, undated]);
    await db.tasks.add(added);
    expect(await indexed()).toEqual([
      ['added', added.dueMs],
      ['open', open.dueMs],
    ]);
    // Completing, reopening, rescheduling and dropping the date follow it.
    await db.tasks.update(key(open), { checked: true });
    await db.tasks.update(key(done), { checked: false });
    await db.tasks.put({ ...added, dueMs: added.dueMs! - 86_400_000 });
    expect(await indexed()).toEqual([
      ['added', added.dueMs! - 86_400_000],
      ['done', done.dueMs],
    ]);
    await db.tasks
      .where('openDueMs')
      .below(Number.POSITIVE_INFINITY)
      .modify((t) => {
        delete (t as { dueMs?: number }).dueMs;
      });
    expect(await indexed()).toEqual([]);
  });

  it('is never taken from the writer: a stale value is replaced', async () => {
    await db.tasks.put({ ...done, openDueMs: 1 });
    expect((await db.tasks.get(key(done)))?.openDueMs).toBeUndefined();
    expect(withOpenDue({ ...open, openDueMs: 1 }).openDueMs).toBe(open.dueMs);
  });
});
