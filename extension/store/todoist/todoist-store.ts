// The Todoist storage port over Dexie (sync/todoist/store-port.ts). Budgets live in `meta`
// (audit-class, like scheduling state): spending one is not a change of synced data.
import { parseScope, todoistScope } from '../../sync/scope';
import { budgetUsageSchema, EMPTY_USAGE, type UpdateBudget } from '../../sync/todoist/budget';
import { commandOf, commandTarget, outboxKind } from '../../sync/todoist/commands';
import type { TodoistStorePort } from '../../sync/todoist/store-port';
import type { AlmanacDb } from '../db';
import type { OutboxRecord, SourceRecord } from '../records';
import { applyTodoist } from './apply';
import { commandRows, opsByTarget, rebaseTasks } from './rebase';

export const BUDGET_KEY_PREFIX = 'todoist-budget:';

export function createTodoistStore(db: AlmanacDb): TodoistStorePort {
  const todoistSource = async (sourceId: string) => {
    const source = await db.sources.get(sourceId);
    return source?.provider === 'todoist' ? source : undefined;
  };

  /** Re-bases the tasks some commands act on, from the outbox as it now stands. */
  async function rebaseTargets(source: SourceRecord, ids: readonly string[]) {
    return rebaseTasks(db, {
      sourceId: source.id,
      ids,
      server: () => undefined,
      ops: opsByTarget(await commandRows(db, source.id)),
      timeZone: source.timeZone,
      inboxProjectId: source.inboxProjectId,
    });
  }

  async function changeCommand(
    outboxId: string,
    change: (row: OutboxRecord) => OutboxRecord | null,
  ): Promise<boolean> {
    return db.transaction('rw', [db.sources, db.tasks, db.outbox], async () => {
      const row = await db.outbox.get(outboxId);
      const command = row && commandOf(row);
      if (!row || !command) return false;
      const next = change(row);
      if (next === null) await db.outbox.delete(outboxId);
      else await db.outbox.put(next);
      const source = await db.sources.get(parseScope(row.scope).sourceId);
      const target = commandTarget(command);
      if (source && target !== undefined) await rebaseTargets(source, [target]);
      return true;
    });
  }

  const updateBudget: UpdateBudget = (sourceId, update) =>
    db.transaction('rw', db.meta, db.sources, async () => {
      const key = BUDGET_KEY_PREFIX + sourceId;
      const parsed = budgetUsageSchema.safeParse((await db.meta.get(key))?.value);
      const { usage, result } = update(parsed.success ? parsed.data : EMPTY_USAGE);
      // A run that outlived its account's sign-out must not bring the wiped counter back.
      if (await todoistSource(sourceId)) await db.meta.put({ key, value: usage });
      return result;
    });

  return {
    live: async (sourceId) => (await todoistSource(sourceId)) !== undefined,
    async readState(sourceId) {
      const source = await todoistSource(sourceId);
      if (!source) return undefined;
      return {
        ...(source.todoistCursor ? { cursor: source.todoistCursor } : {}),
        ...(source.timeZone ? { timeZone: source.timeZone } : {}),
        ...(source.inboxProjectId ? { inboxProjectId: source.inboxProjectId } : {}),
      };
    },
    async clearCursor(sourceId) {
      await db.transaction('rw', db.sources, async () => {
        const source = await db.sources.get(sourceId);
        if (!source?.todoistCursor) return;
        const { todoistCursor: _drop, ...rest } = source;
        await db.sources.put(rest);
      });
    },
    apply: (sourceId, input) => applyTodoist(db, sourceId, input),
    async pendingCommands(sourceId) {
      return (await commandRows(db, sourceId)).filter((r) => r.status !== 'failed');
    },
    async updateOutbox(rows) {
      if (rows.length === 0) return;
      await db.transaction('rw', db.outbox, async () => {
        // Only rows still queued: one acknowledged meanwhile must not come back.
        const current = await db.outbox.bulkGet(rows.map((r) => r.id));
        const still = rows.filter((_, i) => current[i] !== undefined);
        if (still.length > 0) await db.outbox.bulkPut(still);
      });
    },
    enqueue(sourceId, command, now) {
      return db.transaction('rw', [db.sources, db.tasks, db.outbox], async () => {
        const source = await todoistSource(sourceId);
        if (!source) throw new Error(`no Todoist source ${sourceId}`);
        const resolved = await resolveTarget(db, sourceId, command);
        const rows = await commandRows(db, sourceId);
        const seq = rows.reduce((max, r) => Math.max(max, r.seq ?? 0), 0) + 1;
        await db.outbox.put({
          id: resolved.uuid,
          scope: todoistScope(sourceId).id,
          kind: outboxKind(resolved.type),
          payload: resolved,
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
          seq,
          status: 'pending',
        });
        const target = commandTarget(resolved);
        if (target !== undefined) await rebaseTargets(source, [target]);
        return target === undefined ? {} : { taskId: target };
      });
    },
    retryCommand: (outboxId, now) =>
      changeCommand(outboxId, (row) =>
        row.status === 'failed'
          ? {
              ...row,
              status: 'pending',
              attempts: 0,
              nextAttemptAt: now,
            }
          : row,
      ),
    discardCommand: (outboxId) => changeCommand(outboxId, () => null),
    async putServerTask(sourceId, task) {
      await db.transaction('rw', [db.sources, db.tasks, db.outbox], async () => {
        const source = await todoistSource(sourceId);
        if (!source) return;
        await rebaseTasks(db, {
          sourceId,
          ids: [task.id],
          server: () => task,
          ops: opsByTarget(await commandRows(db, sourceId)),
          timeZone: source.timeZone,
          inboxProjectId: source.inboxProjectId,
        });
      });
    },
    updateBudget,
  };
}

/** A command against a temp id whose row was swapped to the real id meanwhile (the UI clicked a
 * row just as the answer landed) acts on the real id. */
async function resolveTarget<C extends { type: string; args: Record<string, unknown> }>(
  db: AlmanacDb,
  sourceId: string,
  command: C,
): Promise<C> {
  const id = command.args.id;
  if (command.type === 'item_add' || typeof id !== 'string') return command;
  if (await db.tasks.get([sourceId, id])) return command;
  const swapped = await db.tasks
    .where('sourceId')
    .equals(sourceId)
    .filter((t) => t.localId === id)
    .first();
  return swapped ? { ...command, args: { ...command.args, id: swapped.id } } : command;
}
