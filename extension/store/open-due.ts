// `openDueMs`: a task's dueMs while it is open, absent once it is completed (or has no due). An
// IndexedDB index leaves out records without the indexed property, so the `openDueMs` index
// holds only open tasks: the new tab's overdue read (agenda-rows.ts) walks the open tasks due
// before the view, however many completed ones the store has kept over the years. Booleans are
// not IndexedDB keys, so a compound [checked+dueMs] index could not do this.
// Derived at Dexie's DBCore level on every put of a task (the engine's apply, the outbox's
// rebase, tests' and the bench's direct fills): no writer can forget it. Installed by AlmanacDb
// (db.ts); the version-4 upgrade fills it in for the tasks already stored.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { TaskRecord } from './records';

const TASKS = 'tasks';

/** The task as stored: `openDueMs` set from dueMs while open, else absent. */
export function withOpenDue(task: TaskRecord): TaskRecord {
  const { openDueMs: _, ...rest } = task;
  return !task.checked && task.dueMs !== undefined ? { ...rest, openDueMs: task.dueMs } : rest;
}

export const openDueMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'almanac-open-due',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== TASKS) return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type !== 'put' && req.type !== 'add') return table.mutate(req);
            return table.mutate({ ...req, values: req.values.map(withOpenDue) });
          },
        };
      },
    };
  },
};
