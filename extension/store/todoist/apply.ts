// One Todoist sync answer (or a delayed full sync plus its follow-up) applied under the cursor
// invariant (DESIGN §2): the data, the command outcomes, the temp → real id swaps, the re-based
// task rows and the new token commit in ONE transaction. A crash leaves the old token and old
// rows (the commands are still queued, and re-sending them is safe: same uuids, spec §3), or
// everything.
// [open] A full answer holds active tasks only (completed ones reach a client through incremental
// syncs, spec §2), so after a replace we cannot tell a completed task from a deleted one: the
// replace drops both. Stricter than keeping our old "done" rows, which could show a task that
// no longer exists; the cost is that the done list restarts after a (rare) full sync.

import type { ApplyResult } from '../../sync/store-port';
import { type CommandOutcome, commandOf, remapCommand } from '../../sync/todoist/commands';
import {
  toLabelRecord,
  toProjectRecord,
  toSectionRecord,
} from '../../sync/todoist/resource-records';
import type { TodoistTask } from '../../sync/todoist/schemas';
import type { TodoistApply, TodoistStep } from '../../sync/todoist/store-port';
import { sameCursor } from '../cursor-equality';
import type { AlmanacDb } from '../db';
import type { OutboxRecord, SourceRecord } from '../records';
import { deletedTaskIds, targetsDeletedTask } from './deleted-targets';
import { commandRows, opsByTarget, rebaseTasks, targetsOf } from './rebase';

export function applyTodoist(db: AlmanacDb, sourceId: string, input: TodoistApply) {
  const tables = [db.sources, db.tasks, db.projects, db.sections, db.labels, db.outbox];
  return db.transaction('rw', tables, () => applyInTransaction(db, sourceId, input));
}

/** The server state the steps lead to, per id: a version, or null (gone). `replaced`: ids not
 * named are gone too (a full step, spec §2: replace, not merge). */
interface Delta<T> {
  replaced: boolean;
  byId: Map<string, T | null>;
}

function fold<T extends { id: string; is_deleted?: boolean | undefined }>(
  steps: readonly TodoistStep[],
  pick: (step: TodoistStep) => readonly T[],
): Delta<T> {
  const delta: Delta<T> = { replaced: false, byId: new Map() };
  for (const step of steps) {
    if (step.full) {
      delta.replaced = true;
      delta.byId = new Map();
    }
    for (const r of pick(step)) delta.byId.set(r.id, r.is_deleted === true ? null : r);
  }
  return delta;
}

async function applyInTransaction(
  db: AlmanacDb,
  sourceId: string,
  input: TodoistApply,
): Promise<ApplyResult> {
  const source = await db.sources.get(sourceId);
  if (source?.provider !== 'todoist') return { writes: 0, scopeGone: true };
  const { steps } = input;
  let writes = 0;

  const mapping: Record<string, string> = {};
  for (const step of steps) Object.assign(mapping, step.tempIdMapping);
  const localIdOf = new Map(Object.entries(mapping).map(([temp, real]) => [real, temp]));

  // Outbox: acknowledged rows go, refused ones are kept as failed, passing errors back off;
  // refused or queued writes to a task these steps delete go too (deleted-targets.ts says why).
  const before = await commandRows(db, sourceId);
  const gone = deletedTaskIds(steps);
  const after: OutboxRecord[] = [];
  for (const row of before) {
    const outcome = input.outcomes.get(row.id);
    const next = outcome ? withOutcome(row, outcome) : row;
    const remapped = next && remapRow(next, mapping);
    if (remapped === null || targetsDeletedTask(remapped, gone)) {
      await db.outbox.delete(row.id);
      writes += 1;
      continue;
    }
    if (remapped !== row) {
      await db.outbox.put(remapped);
      writes += 1;
    }
    after.push(remapped);
  }

  const timeZone = lastDefined(steps, (s) => s.timeZone) ?? source.timeZone;
  const inboxProjectId = lastDefined(steps, (s) => s.inboxProjectId) ?? source.inboxProjectId;
  const userId = lastDefined(steps, (s) => s.userId) ?? source.userId;

  // Tasks: every row the steps name, every row a command names (before and after this
  // transaction), and on a replace every stored row.
  const tasks = fold(steps, (s) => s.items);
  const stored = await db.tasks.where('sourceId').equals(sourceId).primaryKeys();
  const zoneChanged = timeZone !== source.timeZone;
  const ids = new Set<string>([...tasks.byId.keys(), ...targetsOf(before), ...targetsOf(after)]);
  for (const [temp, real] of Object.entries(mapping)) ids.add(temp).add(real);
  if (tasks.replaced || zoneChanged) for (const [, id] of stored) ids.add(id);
  writes += await rebaseTasks(db, {
    sourceId,
    ids,
    server: (id): TodoistTask | null | undefined => {
      if (tasks.byId.has(id)) return tasks.byId.get(id);
      return tasks.replaced ? null : undefined;
    },
    ops: opsByTarget(after),
    localIdOf: (id) => localIdOf.get(id),
    timeZone,
    inboxProjectId,
  });

  writes += await applyResources(
    db.projects,
    sourceId,
    fold(steps, (s) => s.projects),
    (p) => toProjectRecord(sourceId, p),
  );
  writes += await applyResources(
    db.sections,
    sourceId,
    fold(steps, (s) => s.sections),
    (s) => toSectionRecord(sourceId, s),
  );
  writes += await applyResources(
    db.labels,
    sourceId,
    fold(steps, (s) => s.labels),
    (l) => toLabelRecord(sourceId, l),
  );

  const cursorSame = sameCursor(source.todoistCursor, input.cursor);
  const factsSame =
    timeZone === source.timeZone &&
    inboxProjectId === source.inboxProjectId &&
    userId === source.userId;
  if (!cursorSame || !factsSame) {
    const next: SourceRecord = {
      ...source,
      todoistCursor: input.cursor,
      ...(timeZone === undefined ? {} : { timeZone }),
      ...(inboxProjectId === undefined ? {} : { inboxProjectId }),
      ...(userId === undefined ? {} : { userId }),
    };
    await db.sources.put(next);
    writes += 1;
  }
  return { writes, scopeGone: false };
}

function lastDefined<T>(steps: readonly TodoistStep[], pick: (s: TodoistStep) => T | undefined) {
  let value: T | undefined;
  for (const step of steps) value = pick(step) ?? value;
  return value;
}

/** null = the row leaves the outbox. */
function withOutcome(row: OutboxRecord, outcome: CommandOutcome): OutboxRecord | null {
  if (outcome.kind === 'ok') return null;
  const attempts = row.attempts + 1;
  if (outcome.kind === 'failed') {
    return { ...row, attempts, lastError: outcome.error, status: 'failed' };
  }
  return { ...row, attempts, lastError: outcome.error, nextAttemptAt: outcome.nextAttemptAt };
}

/** A queued command that names a temp id Todoist has now mapped names the real id from here on
 * (spec §3: temp ids resolve within their own request only). */
function remapRow(row: OutboxRecord, mapping: Readonly<Record<string, string>>): OutboxRecord {
  const command = commandOf(row);
  if (!command) return row;
  const remapped = remapCommand(command, mapping);
  return remapped === command ? row : { ...row, payload: remapped };
}

interface ResourceTable<R> {
  where(index: string): { equals(v: string): { primaryKeys(): Promise<[string, string][]> } };
  bulkGet(keys: [string, string][]): Promise<(R | undefined)[]>;
  bulkPut(rows: R[]): Promise<unknown>;
  bulkDelete(keys: [string, string][]): Promise<void>;
}

/** Projects, sections, labels: upsert what changed, delete tombstones (and, on a replace,
 * everything not listed). Returns rows written. */
async function applyResources<T extends { id: string }, R>(
  table: ResourceTable<R>,
  sourceId: string,
  delta: Delta<T>,
  toRecord: (resource: T) => R,
): Promise<number> {
  const deletes: [string, string][] = [];
  if (delta.replaced) {
    for (const key of await table.where('sourceId').equals(sourceId).primaryKeys()) {
      if (!delta.byId.has(key[1])) deletes.push(key);
    }
  }
  const named = [...delta.byId.entries()];
  const existing = await table.bulkGet(named.map(([id]): [string, string] => [sourceId, id]));
  const puts: R[] = [];
  for (const [i, [id, resource]] of named.entries()) {
    const row = existing[i];
    if (resource === null) {
      if (row) deletes.push([sourceId, id]);
      continue;
    }
    const next = toRecord(resource);
    if (row && JSON.stringify(row) === JSON.stringify(next)) continue;
    puts.push(next);
  }
  if (deletes.length > 0) await table.bulkDelete(deletes);
  if (puts.length > 0) await table.bulkPut(puts);
  return deletes.length + puts.length;
}
