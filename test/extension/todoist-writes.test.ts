// Todoist through the background's runtime messages, against the in-process Todoist emulator:
// complete / reopen / add / edit / delete as the new tab sends them, a refused write shown in the
// popup with Retry / Discard, quick add through the engine's actions (stored at once, budgeted,
// sent once), and a sign-out that leaves nothing of the account behind.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Background } from '../../extension/platform/background-main';
import type { Reply, TaskWriteReply } from '../../extension/platform/messages';
import { defaultSettings, parseStoredSettings } from '../../extension/platform/settings';
import { SETTINGS_KEY } from '../../extension/platform/settings-store';
import type { AlmanacDb } from '../../extension/store/db';
import { BUDGET_KEY_PREFIX } from '../../extension/store/todoist/todoist-store';
import { todoistScope } from '../../extension/sync/scope';
import { loadPopupModel } from '../../extension/ui/popup-model';
import { BUILD, createWorld, seededRandom, type World } from './helpers/background-harness';

const QUICK = '/api/v1/tasks/quick';

function data<T>(reply: Reply): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data as T;
}

describe('Todoist writes through runtime messages', () => {
  let world: World;
  let bg: Background;
  let db: AlmanacDb;
  let sourceId: string;

  beforeEach(async () => {
    // Command uuids come from `random`: each write needs its own.
    world = createWorld({ random: seededRandom() });
    bg = world.start();
    await bg.caughtUp;
    const token = world.todoist.issueToken('demo');
    sourceId = data<{ sourceId: string }>(
      await bg.route({ type: 'connect', provider: 'todoist', token }),
    ).sourceId;
    await bg.route({ type: 'syncNow' });
    db = await world.db();
  });

  const remote = () => world.todoist.snapshot('demo');
  const openTask = (content: string) => {
    const task = remote().items.find((t) => t.content === content);
    if (!task) throw new Error(`no open task ${content}`);
    return task;
  };
  const popupTodoist = async () =>
    (await loadPopupModel(db, world.clock.now())).accounts.find((a) => a.source.id === sourceId)
      ?.tasks;

  it('the popup shows the account’s open task count and when it synced', async () => {
    const tasks = await popupTodoist();
    expect(tasks?.open).toBe(remote().items.length);
    expect(tasks?.open).toBeGreaterThan(3);
    expect(tasks?.phase).toEqual({ kind: 'synced', at: world.clock.now() });
    expect(tasks).toMatchObject({ pending: 0, failed: [] });
  });

  it('completes a task (checked in Todoist, kept in the store) and reopens it with done: false', async () => {
    const task = openTask('Call the dentist');
    const before = (await popupTodoist())?.open ?? 0;
    const done = data<TaskWriteReply>(
      await bg.route({ type: 'completeTask', sourceId, taskId: task.id }),
    );
    expect(done).toMatchObject({ taskId: task.id, localId: task.id, state: 'saved' });
    expect(remote().completedItems.map((t) => t.id)).toContain(task.id);
    expect(await db.tasks.get([sourceId, task.id])).toMatchObject({ checked: true, pending: [] });
    expect((await popupTodoist())?.open).toBe(before - 1);

    await bg.route({ type: 'completeTask', sourceId, taskId: task.id, done: false });
    expect(remote().items.map((t) => t.id)).toContain(task.id);
    expect(await db.tasks.get([sourceId, task.id])).toMatchObject({ checked: false });
  });

  it('adds, edits and deletes a task; the add answers with Todoist’s id and keeps its localId', async () => {
    const added = data<TaskWriteReply>(
      await bg.route({
        type: 'addTask',
        sourceId,
        task: { content: 'Oil the hinges', priority: 3, labels: ['errand'] },
      }),
    );
    expect(added.state).toBe('saved');
    expect(added.taskId).not.toBe(added.localId);
    expect(openTask('Oil the hinges')).toMatchObject({
      id: added.taskId,
      priority: 3,
      labels: ['errand'],
    });
    expect(await db.tasks.get([sourceId, added.taskId])).toMatchObject({
      localId: added.localId,
    });

    await bg.route({
      type: 'updateTask',
      sourceId,
      taskId: added.taskId,
      patch: { content: 'Oil the gate' },
    });
    expect(openTask('Oil the gate').id).toBe(added.taskId);

    await bg.route({ type: 'deleteTask', sourceId, taskId: added.taskId });
    expect(remote().items.some((t) => t.id === added.taskId)).toBe(false);
    expect(await db.tasks.get([sourceId, added.taskId])).toBeUndefined();
  });

  it('refuses writes for an account that is not a Todoist one', async () => {
    const reply = await bg.route({ type: 'completeTask', sourceId: 'todoist.nobody', taskId: 'x' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'rejected', message: 'No Todoist account todoist.nobody.' },
    });
  });

  it('a write Todoist refuses is an error reply, shown in the popup, and can be retried or discarded', async () => {
    const task = openTask('Buy groceries');
    // A date that is no date: it passes the client's shape check, Todoist refuses it (400).
    const reply = await bg.route({
      type: 'updateTask',
      sourceId,
      taskId: task.id,
      patch: { due: { date: '2025-02-30' } },
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('rejected');
      expect(reply.error.message).toMatch(/^Todoist refused the change: /);
    }
    // The row shows Todoist's version again; the write waits in the popup.
    expect(await db.tasks.get([sourceId, task.id])).toMatchObject({
      due: { date: task.due?.date },
    });
    const shown = await popupTodoist();
    expect(shown?.failed).toEqual([
      { id: expect.any(String), what: 'Edit “Buy groceries”', error: expect.any(String) },
    ]);
    const outboxId = shown?.failed[0]?.id ?? '';

    // Retry sends it again at once (it is refused again: the date is still no date).
    const syncs = () => world.todoist.log.entries().filter((e) => e.path === '/api/v1/sync');
    const before = syncs().length;
    const again = await bg.route({ type: 'retryWrite', outboxId });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringMatching(/refused the change again/) },
    });
    expect(syncs().length).toBe(before + 1);
    expect((await popupTodoist())?.failed.map((w) => w.id)).toEqual([outboxId]);

    expect(await bg.route({ type: 'discardWrite', outboxId })).toEqual({ ok: true, data: null });
    expect(await popupTodoist()).toMatchObject({ pending: 0, failed: [] });
    expect(await bg.route({ type: 'discardWrite', outboxId })).toMatchObject({
      ok: false,
      error: { code: 'rejected' },
    });
  });

  it('quick add goes through the engine: parsed by Todoist, stored at once, budget spent', async () => {
    const partials = async () =>
      (
        (await db.meta.get(BUDGET_KEY_PREFIX + sourceId))?.value as
          | { partial: number[] }
          | undefined
      )?.partial.length ?? 0;
    const spent = await partials();
    const runsBefore = await db.runs.count();
    const outcome = await bg.onMenuClicked({
      menuItemId: `almanac-todoist-selection:${sourceId}`,
      selectionText: 'Buy milk tomorrow 5pm #Home @errand p1 // 2 litres',
    });
    expect(outcome).toMatchObject({ status: 'created', title: 'Buy milk' });
    const task = openTask('Buy milk');
    const home = remote().projects.find((p) => p.name === 'Home');
    // START is Monday 2025-01-06, noon in New York (the demo user's zone).
    expect(task).toMatchObject({
      project_id: home?.id,
      labels: ['errand'],
      priority: 4,
      description: '2 litres',
      due: { date: '2025-01-07T17:00:00' },
    });
    // In the store with no sync run after it.
    expect(await db.tasks.get([sourceId, task.id])).toMatchObject({
      content: 'Buy milk',
      dueMs: Date.UTC(2025, 0, 7, 22),
    });
    expect(await db.runs.count()).toBe(runsBefore);
    // spec §6 [open]: quick add spends a partial-sync slot of the client-side budget.
    expect(await partials()).toBe(spent + 1);
  });

  it('quick add is sent once: a 503 queues it for the outbox alarm instead of resending in-line', async () => {
    world.todoist.faults.add({ match: { method: 'POST', path: QUICK }, respond: { status: 503 } });
    const outcome = await bg.onMenuClicked({
      menuItemId: `almanac-todoist-selection:${sourceId}`,
      selectionText: 'Renew the car insurance',
    });
    expect(outcome).toMatchObject({ status: 'queued', error: { status: 503 } });
    expect(world.todoist.log.entries().filter((e) => e.path === QUICK)).toHaveLength(1);
  });

  it('stores "show completed tasks" (off by default) through updateSettings', async () => {
    const stored = async () =>
      parseStoredSettings(
        (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY],
        defaultSettings(BUILD),
      ).showCompletedTasks;
    expect(await stored()).toBe(false);
    await bg.route({ type: 'updateSettings', settings: { showCompletedTasks: true } });
    expect(await stored()).toBe(true);
  });

  it('sign-out deletes the account’s tasks, projects, sections, labels, writes and budget', async () => {
    await bg.route({
      type: 'addTask',
      sourceId,
      task: { content: 'Queued only', due: { date: '2025-02-30' } },
    });
    expect(await db.sections.where('sourceId').equals(sourceId).count()).toBeGreaterThan(0);
    expect(await db.meta.get(BUDGET_KEY_PREFIX + sourceId)).toBeDefined();
    expect(await db.outbox.count()).toBe(1);

    expect(await bg.route({ type: 'disconnect', sourceId })).toEqual({ ok: true, data: null });
    // The only account: every table that holds account rows is empty.
    for (const table of [db.tasks, db.projects, db.sections, db.labels, db.outbox, db.scopes]) {
      expect(await table.count(), table.name).toBe(0);
    }
    expect(await db.meta.get(BUDGET_KEY_PREFIX + sourceId)).toBeUndefined();
    expect(await db.runs.filter((r) => r.scope === todoistScope(sourceId).id).count()).toBe(0);
  });
});
