// The new tab's task buckets (taskDays) stay exactly the projection of `tasks` filed by state and
// day, through everything the engine does to tasks: a first full sync, remote adds, edits that
// move a due date, completions and deletions, this device's own writes through the outbox (a
// draft with a temp id, its swap to the real id, complete, uncomplete, a queued delete), a
// full-sync replace, a STORE_VERSION reset.
import { afterEach, describe, expect, it } from 'vitest';
import { groupTasksIntoDays } from '../../extension/store/agenda-buckets';
import type { TaskDayRow } from '../../extension/store/agenda-records';
import type { AlmanacDb } from '../../extension/store/db';
import type { AlmanacStore } from '../../extension/store/open';
import { STORE_VERSION } from '../../extension/store/store-version';
import { projectTask } from '../../extension/store/task-projection';
import { todoistTasks } from '../../extension/store/todoist/queries';
import { ManualClock } from '../emulators/common/clock';
import { createTodoistEmulator } from '../emulators/todoist/index';
import { openTestStore } from './helpers/open-test-store';
import {
  createTodoistHarness,
  TODOIST_START,
  type TodoistHarness,
} from './helpers/todoist-harness';

const MIN = 60_000;
let h: TodoistHarness | undefined;
const stores: AlmanacStore[] = [];
afterEach(() => {
  h?.store.close();
  h = undefined;
  for (const s of stores.splice(0)) s.close();
});

const bucketKey = (b: TaskDayRow) => JSON.stringify([b.state, b.day, b.sourceId]);
const sorted = (buckets: TaskDayRow[]) =>
  buckets.sort((a, b) => (bucketKey(a) < bucketKey(b) ? -1 : 1));

/** taskDays equals what the tasks table says it must be, bucket for bucket; returns how many
 * tasks are filed. */
async function expectMirrorsTasks(db: AlmanacDb): Promise<number> {
  const [tasks, buckets] = await Promise.all([db.tasks.toArray(), db.taskDays.toArray()]);
  const rows = tasks.flatMap((t) => projectTask(t) ?? []);
  expect(sorted(buckets)).toEqual(sorted(groupTasksIntoDays(rows)));
  return rows.length;
}

async function filed(db: AlmanacDb, id: string) {
  const buckets = await db.taskDays.toArray();
  return buckets.flatMap((b) => b.tasks.filter((t) => t.id === id).map(() => b.state));
}

describe('the task buckets mirror tasks', () => {
  it('through remote changes and this device’s own writes', async () => {
    h = await createTodoistHarness();
    await h.run();
    expect(await expectMirrorsTasks(h.store.db)).toBeGreaterThan(3);
    const [a, b, c] = (await todoistTasks(h.store.db)).filter(
      (t) => t.due?.date && !t.due.isRecurring,
    );
    if (!a || !b || !c) throw new Error('demo seed has dated tasks');

    // Remote: a new dated task, a due date moved a week, a completion, a deletion.
    const added = await h.remote.addTask('Buy stamps', { due: { date: '2025-01-09' } });
    await h.remote.update(a.id, { due: { date: '2025-01-20' } });
    await h.remote.complete(b.id);
    await h.remote.remove(c.id);
    h.clock.advance(10 * MIN);
    await h.run();
    await expectMirrorsTasks(h.store.db);
    expect(await filed(h.store.db, added)).toEqual(['open']);
    expect(await filed(h.store.db, b.id)).toEqual(['done']);
    expect(await filed(h.store.db, c.id)).toEqual([]);
    const moved = (await h.store.db.taskDays.toArray()).find((bk) =>
      bk.tasks.some((t) => t.id === a.id),
    );
    expect(moved?.day).toBe(Math.floor((await h.row(a.id))!.dueMs! / 86_400_000));

    // Local: a dated draft (temp id), completed offline, pushed (the swap to the real id).
    const src = h.scope.sourceId;
    const draft = await h.actions.addTask(
      src,
      { content: 'Water plants', due: { date: '2025-01-08' } },
      { push: false },
    );
    await expectMirrorsTasks(h.store.db);
    expect(await filed(h.store.db, draft.taskId)).toEqual(['open']);
    await h.actions.completeTask(src, draft.taskId, { push: false });
    expect(await filed(h.store.db, draft.taskId)).toEqual(['done']);
    await h.run('outbox');
    await expectMirrorsTasks(h.store.db);
    expect(await filed(h.store.db, draft.taskId)).toEqual([]);
    const real = (await h.rows()).find((t) => t.localId === draft.taskId);
    expect(real && (await filed(h.store.db, real.id))).toEqual(['done']);

    // Uncomplete moves it back; a queued delete hides it at once; Todoist's answer removes it.
    await (await h.actions.uncompleteTask(src, real!.id)).pushed;
    expect(await filed(h.store.db, real!.id)).toEqual(['open']);
    await h.actions.deleteTask(src, real!.id, { push: false });
    expect(await filed(h.store.db, real!.id)).toEqual([]);
    await expectMirrorsTasks(h.store.db);
    await h.run('outbox');
    expect(await h.row(real!.id)).toBeUndefined();
    await expectMirrorsTasks(h.store.db);

    // A full-sync answer replaces the account: the buckets follow.
    await h.remote.remove(added);
    h.todoist.forceFullSync({ user: 'demo', mode: 'full' });
    h.clock.advance(10 * MIN);
    expect(await h.run()).toMatchObject({ outcome: 'ok', mode: 'full' });
    await expectMirrorsTasks(h.store.db);
    expect(await filed(h.store.db, added)).toEqual([]);
    await h.expectConverged();
  });

  it('a STORE_VERSION reset clears the buckets with the tasks, and the resync refills them', async () => {
    const clock = new ManualClock(TODOIST_START);
    const emulator = createTodoistEmulator({ clock, seed: 'demo' });
    const first = await openTestStore({ name: 'task-days-version' });
    stores.push(first);
    await (await createTodoistHarness({ clock, emulator, store: first })).run();
    expect(await first.db.taskDays.count()).toBeGreaterThan(0);
    first.close();

    const bumped = await openTestStore({
      name: 'task-days-version',
      storeVersion: STORE_VERSION + 1,
    });
    stores.push(bumped);
    expect(await bumped.db.taskDays.count()).toBe(0);
    await (await createTodoistHarness({ clock, emulator, store: bumped })).run();
    expect(await expectMirrorsTasks(bumped.db)).toBeGreaterThan(3);
  });

  it('is derived data: the write counter counts the tasks a run wrote, not their buckets', async () => {
    h = await createTodoistHarness();
    await h.run();
    h.store.writes.reset();
    await h.remote.addTask('One more', { due: { date: '2025-01-07' } });
    h.clock.advance(10 * MIN);
    await h.run();
    const byTable = h.store.writes.byTable();
    expect(byTable.tasks).toBe(1);
    expect(byTable.taskDays).toBeUndefined();
  });
});
