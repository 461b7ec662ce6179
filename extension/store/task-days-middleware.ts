// Keeps `taskDays` equal to the projection of `tasks` (task-projection.ts) filed by state and day
// (agenda-buckets.ts), in the transaction that writes the tasks (mirror-middleware.ts), like the
// events' projection and for the same reason: whoever writes tasks (the engine's sync apply, the
// outbox's rebase and confirmations, an account's removal, a STORE_VERSION reset, tests' and the
// bench's direct fills), the new tab's buckets move with them. There is no separate table of task
// projections: a write reads the task rows it replaces, and the old row says which bucket it was
// in. Installed by AlmanacDb (db.ts).
import { TASK_FILING } from './agenda-buckets';
import type { AgendaTaskRow } from './agenda-records';
import { changesByKey, writeRefiled } from './bucket-writes';
import { derivedTable, mirrorMiddleware } from './mirror-middleware';
import type { TaskRecord } from './records';
import { projectTask, sameTaskProjection } from './task-projection';

export const TASKS = 'tasks';
export const TASK_DAYS = 'taskDays';

type TaskKey = [string, string];

const keyOf = (t: TaskRecord): TaskKey => [t.sourceId, t.id];

export const taskDaysMiddleware = mirrorMiddleware<TaskRecord, TaskRecord, TaskKey>(
  'almanac-task-days',
  {
    source: TASKS,
    derived: [TASK_DAYS],
    readBefore: (t, trans, keys) =>
      t.source.getMany({ trans, keys }) as Promise<(TaskRecord | undefined)[]>,
    readRange: async (t, trans, range) =>
      (
        await t.source.query({
          trans,
          values: true,
          query: { index: t.source.schema.primaryKey, range },
        })
      ).result as TaskRecord[],
    keyOfValue: keyOf,
    keyOfState: keyOf,
    stateOf: (task) => task,
    // Re-files the tasks whose agenda row changed.
    async apply(t, trans, keys, before, after) {
      const removed: AgendaTaskRow[] = [];
      const added: AgendaTaskRow[] = [];
      for (const change of changesByKey(keys, before, after)) {
        const old = change.before && projectTask(change.before);
        const next = change.after && projectTask(change.after);
        if (old && next && sameTaskProjection(old, next)) continue;
        if (old) removed.push(old);
        if (next) added.push(next);
      }
      await writeRefiled(TASK_FILING, derivedTable(t, TASK_DAYS), trans, removed, added);
    },
  },
);
