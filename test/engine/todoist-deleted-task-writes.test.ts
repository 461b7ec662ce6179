// A write to a task that someone deleted in Todoist can never be saved (every item_* command on a
// missing id is refused ITEM_NOT_FOUND, spec §3), so once a sync brings the task's tombstone
// (`is_deleted: true`, spec §2) the write leaves the outbox instead of offering a Retry that can
// only fail again. Only a tombstone proves a deletion: a full answer omits completed tasks too.
import { afterEach, describe, expect, it } from 'vitest';
import { todoistOutbox } from '../../extension/store/todoist/queries';
import {
  commandsOf,
  firstOpenTask as firstOpenTaskOf,
  syncedTodoistHarness,
  type TodoistHarness,
} from './helpers/todoist-harness';

const MIN = 60_000;
let h: TodoistHarness;
afterEach(() => h?.store.close());

async function synced() {
  h = await syncedTodoistHarness();
  return h;
}

const firstOpenTask = () => firstOpenTaskOf(h);

/** A write Todoist refuses while the task still exists: a due date it cannot read. */
async function refusedWrite(taskId: string) {
  const write = await h.actions.updateTask(h.scope.sourceId, taskId, {
    due: { string: 'when pigs fly' },
  });
  await write.pushed;
  expect(await todoistOutbox(h.store.db, h.scope.sourceId)).toMatchObject([
    { id: write.outboxId, status: 'failed', lastError: { status: 400 } },
  ]);
  return write;
}

describe('todoist outbox: writes to a task deleted in Todoist', () => {
  it('a refused write leaves the outbox with the sync that brings the task’s deletion', async () => {
    await synced();
    const task = await firstOpenTask();
    await refusedWrite(task.id);
    await h.remote.remove(task.id);
    h.clock.advance(10 * MIN);
    await h.run();
    expect(await h.row(task.id)).toBeUndefined();
    expect(await todoistOutbox(h.store.db, h.scope.sourceId)).toEqual([]);
    await h.expectConverged();
  });

  it('a queued write refused because the task is gone leaves in the same answer', async () => {
    await synced();
    const task = await firstOpenTask();
    const done = await h.actions.completeTask(h.scope.sourceId, task.id, { push: false });
    await h.remote.remove(task.id);
    await h.run('outbox');
    expect(commandsOf(h.sent.at(-1)).map((c) => c.uuid)).toEqual([done.outboxId]);
    expect(await h.row(task.id)).toBeUndefined();
    expect(await todoistOutbox(h.store.db, h.scope.sourceId)).toEqual([]);
    await h.expectConverged();
  });

  it('a refused write to a task a full sync no longer lists (maybe completed) is kept', async () => {
    await synced();
    const task = await firstOpenTask();
    const write = await refusedWrite(task.id);
    await h.remote.complete(task.id);
    await h.store.todoist.clearCursor(h.scope.sourceId);
    await h.run();
    expect(h.sent.at(-1)?.body.sync_token).toBe('*');
    expect(await h.row(task.id)).toBeUndefined();
    expect((await todoistOutbox(h.store.db, h.scope.sourceId)).map((w) => w.id)).toEqual([
      write.outboxId,
    ]);
  });
});
