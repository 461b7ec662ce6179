// The new tab's reads, all indexed range queries (never a scan of `events`, `agendaEvents` or
// `tasks`). Every window given here is ALREADY widened by the caller for other zones' midnights
// (zone-pad.ts).
// - events: the slim projection's `days` index (store/agenda-queries.ts) — exact, whatever the
//   events' lengths, in one read of rows that hold only what the agenda shows;
// - tasks by their due moment (dueMs index). The overdue read walks every task due before the
//   view, completed ones included (a sparse index of OPEN tasks' due would bound it).
import { agendaEventsTouching } from '../../store/agenda-queries';
import type { AgendaEventRow } from '../../store/agenda-records';
import type { AlmanacDb } from '../../store/db';
import type { TaskRecord, TimeWindow } from '../../store/records';

/** Every event touching the window: endMs > start and startMs < end (Google's timeMin/timeMax
 * rule, spec §1), plus zero-length events at its start. Sorted by start. */
export function eventsTouching(db: AlmanacDb, window: TimeWindow): Promise<AgendaEventRow[]> {
  return agendaEventsTouching(db, window);
}

/** Tasks due in [start, end), hidden deletes left out. */
export async function tasksDueIn(db: AlmanacDb, window: TimeWindow): Promise<TaskRecord[]> {
  const rows = await db.tasks
    .where('dueMs')
    .between(window.startMs, window.endMs, true, false)
    .toArray();
  return rows.filter((t) => !t.deleting);
}

/** Open tasks due before `beforeMs`: the overdue candidates. */
export async function openTasksDueBefore(db: AlmanacDb, beforeMs: number): Promise<TaskRecord[]> {
  const rows = await db.tasks.where('dueMs').below(beforeMs).toArray();
  return rows.filter((t) => !t.deleting && !t.checked);
}
