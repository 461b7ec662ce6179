import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../extension/store/records';
import { todoistOutbox, todoistTasks } from '../../extension/store/todoist/queries';
import {
  commandsOf,
  createTodoistHarness,
  firstOpenTask as firstOpenTaskOf,
  syncedTodoistHarness,
  type TodoistHarness,
} from './helpers/todoist-harness';

const MIN = 60_000;
let h: TodoistHarness;
afterEach(() => h?.store.close());

/** Todoist runs the first `n` requests that carry commands, but their answers never arrive. */
function loseAnswersToCommands(n: number) {
  let lose = n;
  return (inner: typeof fetch) =>
    (async (input: string | URL | Request, init?: RequestInit) => {
      const res = await inner(input, init);
      const body = typeof init?.body === 'string' ? init.body : '';
      if (body.includes('"commands"') && lose-- > 0) throw new TypeError('fetch failed');
      return res;
    }) as typeof fetch;
}

/** Every state of the task list a live UI would have rendered, from now on. */
function watchTasks(harness: TodoistHarness) {
  const seen: TaskRecord[][] = [];
  const sub = liveQuery(() => todoistTasks(harness.store.db, { includeCompleted: true })).subscribe(
    (rows) => seen.push(rows),
  );
  return {
    seen,
    stop: () => sub.unsubscribe(),
    /** Waits for the live query to catch up with the last commit. */
    settle: () => new Promise((resolve) => setTimeout(resolve, 50)),
  };
}

async function synced(options: Parameters<typeof createTodoistHarness>[0] = {}) {
  h = await syncedTodoistHarness(options);
  return h;
}

const firstOpenTask = () => firstOpenTaskOf(h);

describe('todoist outbox: local writes as commands', () => {
  it('an added task shows at once and takes its real id without a flicker', async () => {
    await synced();
    const watch = watchTasks(h);
    const added = await h.actions.addTask(
      h.scope.sourceId,
      { content: 'Feed the sourdough starter' },
      { push: false },
    );
    const draft = await h.row(added.taskId);
    expect(draft).toMatchObject({
      content: 'Feed the sourdough starter',
      localId: added.taskId,
      pending: [added.outboxId],
      projectId: h.todoist.user().account.inboxProjectId,
    });
    expect(draft?.raw).toBeUndefined();
    expect(h.sent).toEqual([]);

    const result = await h.run('outbox');
    expect(result).toMatchObject({ outcome: 'ok', requests: 1 });
    // The push rode on the incremental sync: token + the command, one request.
    const body = h.sent[0]?.body as { sync_token: string; commands: unknown[] };
    expect(body.sync_token).not.toBe('*');
    expect(body.commands).toEqual([
      {
        type: 'item_add',
        uuid: added.outboxId,
        temp_id: added.taskId,
        args: { content: 'Feed the sourdough starter' },
      },
    ]);
    const created = h.todoist
      .snapshot()
      .items.filter((t) => t.content === 'Feed the sourdough starter');
    expect(created).toHaveLength(1);
    const realId = created[0]?.id ?? '';
    expect(await h.row(added.taskId)).toBeUndefined();
    expect(await h.row(realId)).toMatchObject({ localId: added.taskId, pending: [] });
    expect(await todoistOutbox(h.store.db, h.scope.sourceId)).toEqual([]);

    await watch.settle();
    watch.stop();
    // Every rendered state after the add held the task exactly once, under the same key.
    const states = watch.seen.slice(
      watch.seen.findIndex((rows) => rows.some((t) => t.localId === added.taskId)),
    );
    // The live list saw the draft (temp id) and then the confirmed row (real id)…
    expect(states.some((rows) => rows.some((t) => t.id === added.taskId))).toBe(true);
    expect(states.at(-1)?.some((t) => t.id === realId)).toBe(true);
    for (const rows of states) {
      // …and in every state in between, exactly one row for it, under the same list key.
      const mine = rows.filter((t) => t.content === 'Feed the sourdough starter');
      expect(mine.map((t) => t.localId)).toEqual([added.taskId]);
    }
    await h.expectConverged();
  });

  it('a completion shows at once; the answer carrying its effect changes nothing visible', async () => {
    await synced();
    const task = await firstOpenTask();
    const watch = watchTasks(h);
    const done = await h.actions.completeTask(h.scope.sourceId, task.id);
    expect(await h.row(task.id)).toMatchObject({ checked: true, pending: [done.outboxId] });
    expect((await todoistTasks(h.store.db)).map((t) => t.id)).not.toContain(task.id);
    await done.pushed;
    expect(h.sent).toHaveLength(1);
    const row = await h.row(task.id);
    expect(row).toMatchObject({ checked: true, pending: [] });
    expect(row?.raw).toMatchObject({ checked: true });
    expect(h.todoist.snapshot().completedItems.map((t) => t.id)).toContain(task.id);
    await watch.settle();
    watch.stop();
    // Once shown as done it never showed as open again (no double application, no flicker).
    const first = watch.seen.findIndex((rows) => rows.find((t) => t.id === task.id)?.checked);
    expect(first).toBeGreaterThanOrEqual(0);
    for (const rows of watch.seen.slice(first)) {
      expect(rows.find((t) => t.id === task.id)?.checked).toBe(true);
    }
    await h.expectConverged();
  });

  it('update, uncomplete and delete round-trip; a task added and completed offline goes in one batch', async () => {
    await synced();
    const task = await firstOpenTask();
    const src = h.scope.sourceId;
    await h.actions.updateTask(
      src,
      task.id,
      { content: 'Edited here', priority: 4 },
      { push: false },
    );
    expect(await h.row(task.id)).toMatchObject({ content: 'Edited here', priority: 4 });
    const added = await h.actions.addTask(src, { content: 'Quick one' }, { push: false });
    // The add has not reached Todoist: the completion names its temp id (spec §3).
    await h.actions.completeTask(src, added.taskId, { push: false });
    expect(await h.row(added.taskId)).toMatchObject({ checked: true, pending: expect.any(Array) });
    await h.run('outbox');
    expect(h.sent).toHaveLength(1);
    expect(commandsOf(h.sent[0])).toHaveLength(3);
    expect(await h.row(task.id)).toMatchObject({
      content: 'Edited here',
      priority: 4,
      pending: [],
    });
    const quick = h.todoist.snapshot().completedItems.find((t) => t.content === 'Quick one');
    expect(quick).toBeDefined();
    expect(await h.row(quick?.id ?? '')).toMatchObject({ checked: true, localId: added.taskId });

    await (await h.actions.uncompleteTask(src, quick?.id ?? '')).pushed;
    expect(await h.row(quick?.id ?? '')).toMatchObject({ checked: false, pending: [] });
    const removal = await h.actions.deleteTask(src, task.id, { push: false });
    expect((await todoistTasks(h.store.db)).map((t) => t.id)).not.toContain(task.id);
    expect(await h.row(task.id)).toMatchObject({ deleting: true, pending: [removal.outboxId] });
    await h.run('outbox');
    expect(await h.row(task.id)).toBeUndefined();
    await h.expectConverged();
  });

  it('a command queued against a temp id after the swap acts on the real id', async () => {
    await synced();
    const added = await h.actions.addTask(h.scope.sourceId, { content: 'Swap me' });
    await added.pushed;
    const real = (await todoistTasks(h.store.db)).find((t) => t.localId === added.taskId);
    expect(real?.id).not.toBe(added.taskId);
    // The UI clicked the row as the answer landed: it still had the temp id.
    const done = await h.actions.completeTask(h.scope.sourceId, added.taskId);
    await done.pushed;
    const cmd = commandsOf(h.sent.at(-1))[0];
    expect(cmd?.args.id).toBe(real?.id);
    expect(await h.row(real?.id ?? '')).toMatchObject({ checked: true, pending: [] });
    await h.expectConverged();
  });

  it('more than 100 queued commands go in batches of 100 within one run', async () => {
    await synced();
    const ids: string[] = [];
    for (let batch = 0; batch < 2; batch++) {
      const adds = Array.from({ length: 75 }, (_, i) => ({
        type: 'item_add',
        temp_id: `bulk-${batch}-${i}`,
        args: { content: `bulk ${batch}-${i}` },
      }));
      ids.push(...Object.values((await h.remote.commands(adds)).temp_id_mapping));
    }
    await h.run();
    h.sent.length = 0;
    for (const id of ids) {
      await h.actions.updateTask(h.scope.sourceId, id, { priority: 2 }, { push: false });
    }
    const result = await h.run('outbox');
    expect(result).toMatchObject({ outcome: 'ok', requests: 2 });
    expect(h.sent.map((r) => commandsOf(r).length)).toEqual([100, 50]);
    expect(await todoistOutbox(h.store.db, h.scope.sourceId)).toEqual([]);
    const truth = h.todoist.snapshot().items.filter((t) => ids.includes(t.id));
    expect(truth.every((t) => t.priority === 2)).toBe(true);
    await h.expectConverged();
  });
});

describe('todoist outbox: failures', () => {
  it('a response lost AFTER Todoist ran the batch: the retry reuses the uuids, nothing doubles', async () => {
    h = await createTodoistHarness({ wrapFetch: loseAnswersToCommands(1) });
    await h.run();
    h.clock.advance(MIN);
    h.sent.length = 0;
    const added = await h.actions.addTask(h.scope.sourceId, { content: 'Exactly once' });
    const result = await added.pushed;
    // In-run retry (Transient, short backoff) with the SAME body.
    expect(result).toMatchObject({ outcome: 'ok', requests: 2 });
    expect(h.sent[1]?.body.commands).toEqual(h.sent[0]?.body.commands);
    expect(h.todoist.snapshot().items.filter((t) => t.content === 'Exactly once')).toHaveLength(1);
    const rows = (await h.rows()).filter((t) => t.content === 'Exactly once');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.raw).toBeDefined();
    await h.expectConverged();
  });

  it('lost on every in-run attempt: queued with its error, re-sent later, still exactly once', async () => {
    h = await createTodoistHarness({ wrapFetch: loseAnswersToCommands(3) });
    await h.run();
    h.clock.advance(MIN);
    const added = await h.actions.addTask(h.scope.sourceId, { content: 'Survives' });
    const failed = await added.pushed;
    expect(failed).toMatchObject({ outcome: 'error', requests: 3 });
    expect(failed?.state).toMatchObject({ status: 'retrying', consecutiveFailures: 1 });
    // Todoist already has it; locally it is still the draft, queued, with the error shown.
    expect(h.todoist.snapshot().items.filter((t) => t.content === 'Survives')).toHaveLength(1);
    const [queued] = await todoistOutbox(h.store.db, h.scope.sourceId);
    expect(queued).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: { name: 'Transient' },
    });
    expect(await h.row(added.taskId)).toMatchObject({ content: 'Survives' });

    h.clock.set(failed?.state.nextRunAt ?? 0);
    const results = await h.engine.runDue('alarm');
    expect(results).toMatchObject([{ outcome: 'ok' }]);
    expect(h.todoist.snapshot().items.filter((t) => t.content === 'Survives')).toHaveLength(1);
    const rows = (await h.rows()).filter((t) => t.content === 'Survives');
    expect(rows.map((t) => [t.localId, t.pending])).toEqual([[added.taskId, []]]);
    expect(await todoistOutbox(h.store.db, h.scope.sourceId)).toEqual([]);
    await h.expectConverged();
  });

  it('a command Todoist refuses is kept as failed with its error, not retried, and its row reverts', async () => {
    await synced();
    const task = await firstOpenTask();
    const src = h.scope.sourceId;
    const rename = await h.actions.updateTask(
      src,
      task.id,
      { content: 'Local name' },
      { push: false },
    );
    const bogus = await h.actions.completeTask(src, 'no-such-task', { push: false });
    expect(await h.row(task.id)).toMatchObject({ content: 'Local name' });
    await h.remote.remove(task.id);
    const result = await h.run('outbox');
    expect(result).toMatchObject({ outcome: 'ok' });
    expect(commandsOf(h.sent.at(-1)).map((c) => c.uuid)).toEqual([rename.outboxId, bogus.outboxId]);
    const items = await todoistOutbox(h.store.db, src);
    // The rename's task came back as a tombstone in the same answer: a write to a deleted task
    // cannot be saved anywhere, so it left with it (todoist-deleted-task-writes.test.ts).
    expect(
      items.map((i) => [i.id, i.status, i.attempts, i.lastError?.reason, i.lastError?.status]),
    ).toEqual([[bogus.outboxId, 'failed', 1, 'ITEM_NOT_FOUND', 404]]);
    expect(await h.row(task.id)).toBeUndefined();

    // Failed commands are shown, never re-sent by themselves.
    h.clock.advance(10 * MIN);
    await h.run();
    expect(h.sent.at(-1)?.body.commands).toBeUndefined();
    // The user’s retry puts it back (it fails again: Todoist never had that id); discard drops it.
    expect(await h.actions.retry(bogus.outboxId)).toBe(true);
    await h.run('outbox');
    expect(commandsOf(h.sent.at(-1)).map((c) => c.uuid)).toEqual([bogus.outboxId]);
    expect(await todoistOutbox(h.store.db, src)).toMatchObject([
      { id: bogus.outboxId, status: 'failed', attempts: 1 },
    ]);
    expect(await h.actions.discard(bogus.outboxId)).toBe(true);
    expect(await todoistOutbox(h.store.db, src)).toEqual([]);
    await h.expectConverged();
  });

  it('a passing error for one command (503 in sync_status) backs off and wakes the scope early', async () => {
    let rewrite = true;
    await synced({
      wrapFetch: (inner) =>
        (async (input: string | URL | Request, init?: RequestInit) => {
          const res = await inner(input, init);
          const sent = JSON.parse(typeof init?.body === 'string' ? init.body : '{}');
          if (!rewrite || !Array.isArray(sent.commands)) return res;
          rewrite = false;
          const answer = await res.json();
          answer.sync_status[sent.commands[0].uuid] = {
            error: 'Service unavailable',
            error_tag: 'SERVICE_UNAVAILABLE',
            http_code: 503,
          };
          return new Response(JSON.stringify(answer), { status: 200 });
        }) as typeof fetch,
    });
    const task = await firstOpenTask();
    const done = await h.actions.completeTask(h.scope.sourceId, task.id);
    const result = await done.pushed;
    expect(result?.outcome).toBe('ok');
    const [queued] = await todoistOutbox(h.store.db, h.scope.sourceId);
    expect(queued).toMatchObject({ status: 'pending', attempts: 1, lastError: { status: 503 } });
    expect(await h.row(task.id)).toMatchObject({ checked: true, pending: [done.outboxId] });
    // The scope comes back when the command's backoff ends, not after the 10-minute poll.
    expect(result?.state.nextRunAt).toBe(queued?.nextAttemptAt);
    expect(queued?.nextAttemptAt).toBeLessThan(h.clock.now() + 10 * MIN);
    h.clock.set(queued?.nextAttemptAt ?? 0);
    await h.engine.runDue('alarm');
    // Re-sent with the same uuid: Todoist had run it, answers ok, nothing runs twice.
    expect(commandsOf(h.sent.at(-1)).map((c) => c.uuid)).toEqual([done.outboxId]);
    expect(await todoistOutbox(h.store.db, h.scope.sourceId)).toEqual([]);
    expect(await h.row(task.id)).toMatchObject({ checked: true, pending: [] });
    await h.expectConverged();
  });

  it('a refused add removes its draft row and keeps the write to show and retry', async () => {
    await synced();
    const added = await h.actions.addTask(h.scope.sourceId, {
      content: 'Into the void',
      projectId: 'missing-project',
    });
    await added.pushed;
    expect(await h.row(added.taskId)).toBeUndefined();
    expect(await todoistOutbox(h.store.db, h.scope.sourceId)).toMatchObject([
      { type: 'item_add', content: 'Into the void', status: 'failed', lastError: { status: 404 } },
    ]);
    await h.expectConverged();
  });

  it('offline: the write stays shown and queued; back online it goes through once', async () => {
    await synced();
    h.todoist.faults.add({ match: { path: '/api/v1/sync' }, respond: { dropConnection: true } });
    const task = await firstOpenTask();
    const done = await h.actions.completeTask(h.scope.sourceId, task.id);
    expect((await done.pushed)?.state.status).toBe('retrying');
    expect(await h.row(task.id)).toMatchObject({ checked: true, pending: [done.outboxId] });
    h.todoist.faults.clear();
    h.clock.advance(3 * 60 * MIN);
    await h.engine.runDue('alarm');
    expect(await h.row(task.id)).toMatchObject({ checked: true, pending: [] });
    expect(h.todoist.snapshot().completedItems.map((t) => t.id)).toContain(task.id);
    await h.expectConverged();
  });

  it('input is validated before anything is queued', async () => {
    await synced();
    await expect(h.actions.addTask(h.scope.sourceId, { content: '   ' })).rejects.toThrow(
      /invalid task/,
    );
    await expect(h.actions.updateTask(h.scope.sourceId, 'x', { priority: 9 as 1 })).rejects.toThrow(
      /invalid task/,
    );
    expect(await todoistOutbox(h.store.db, h.scope.sourceId)).toEqual([]);
  });
});
