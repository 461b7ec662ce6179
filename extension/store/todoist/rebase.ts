// Re-basing task rows inside a transaction (sync/todoist/task-view.ts says why): each affected row
// becomes server version + pending commands; an unchanged row is not rewritten. Callers hold a rw
// transaction over tasks and outbox.

import { todoistScope } from '../../sync/scope';
import {
  commandOf,
  commandTarget,
  isTodoistCommandRow,
  remapCommand,
} from '../../sync/todoist/commands';
import type { TodoistTask } from '../../sync/todoist/schemas';
import { type PendingOp, taskView } from '../../sync/todoist/task-view';
import type { AlmanacDb } from '../db';
import type { OutboxRecord, TaskRecord } from '../records';

/** This account's Todoist command rows (pending and failed), in send order. */
export async function commandRows(db: AlmanacDb, sourceId: string): Promise<OutboxRecord[]> {
  const scopeId = todoistScope(sourceId).id;
  const rows = await db.outbox.where('scope').equals(scopeId).toArray();
  return rows
    .filter((r) => isTodoistCommandRow(r, scopeId))
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.id.localeCompare(b.id));
}

/** Pending commands grouped by the task they act on, in send order. */
export function opsByTarget(
  rows: readonly OutboxRecord[],
  mapping: Readonly<Record<string, string>> = {},
): Map<string, PendingOp[]> {
  const out = new Map<string, PendingOp[]>();
  for (const row of rows) {
    if (row.status === 'failed') continue;
    const stored = commandOf(row);
    if (!stored) continue;
    const command = remapCommand(stored, mapping);
    const target = commandTarget(command);
    if (target === undefined) continue;
    const list = out.get(target) ?? [];
    list.push({ outboxId: row.id, command });
    out.set(target, list);
  }
  return out;
}

/** Every task id a row's command names (temp and real). */
export function targetsOf(rows: readonly OutboxRecord[]): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    const command = commandOf(row);
    const target = command && commandTarget(command);
    if (target !== undefined) ids.push(target);
  }
  return ids;
}

export interface RebaseInput {
  readonly sourceId: string;
  readonly ids: Iterable<string>;
  /** The server version after this transaction: a task, `null` = gone, `undefined` = as stored. */
  readonly server: (id: string) => TodoistTask | null | undefined;
  readonly ops: ReadonlyMap<string, readonly PendingOp[]>;
  /** The list key a NEW row inherits (a real id taking over its temp id's row). */
  readonly localIdOf?: (id: string) => string | undefined;
  readonly timeZone?: string | undefined;
  readonly inboxProjectId?: string | undefined;
}

/** Returns rows written (puts + deletes). */
export async function rebaseTasks(db: AlmanacDb, input: RebaseInput): Promise<number> {
  const { sourceId } = input;
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return 0;
  const existing = await db.tasks.bulkGet(ids.map((id): [string, string] => [sourceId, id]));
  const puts: TaskRecord[] = [];
  const deletes: [string, string][] = [];
  for (const [i, id] of ids.entries()) {
    const row = existing[i];
    const given = input.server(id);
    const server =
      given === undefined ? (row?.raw as TodoistTask | undefined) : (given ?? undefined);
    const next = taskView(server, input.ops.get(id) ?? [], {
      sourceId,
      localId: row?.localId ?? input.localIdOf?.(id) ?? id,
      timeZone: input.timeZone,
      inboxProjectId: input.inboxProjectId,
    });
    if (!next) {
      if (row) deletes.push([sourceId, id]);
      continue;
    }
    if (row && JSON.stringify(row) === JSON.stringify(next)) continue;
    puts.push(next);
  }
  if (deletes.length > 0) await db.tasks.bulkDelete(deletes);
  if (puts.length > 0) await db.tasks.bulkPut(puts);
  return puts.length + deletes.length;
}
