// The new tab's overdue read: tasks by their due moment (dueMs index), never a scan of `tasks`.
// It walks every task due before the view, completed ones included (a sparse index of OPEN tasks'
// due would bound it). The view's own rows are store/agenda-rows.ts.
import type { AlmanacDb } from '../../store/db';
import type { TaskRecord } from '../../store/records';

/** Open tasks due before `beforeMs`: the overdue candidates. */
export async function openTasksDueBefore(db: AlmanacDb, beforeMs: number): Promise<TaskRecord[]> {
  const rows = await db.tasks.where('dueMs').below(beforeMs).toArray();
  return rows.filter((t) => !t.deleting && !t.checked);
}
