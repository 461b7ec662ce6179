// The agenda's task read over the state-and-day buckets (taskDays, agenda-records.ts): the
// window's UTC days are one primary-key range of each half, and the overdue candidates widen the
// open half's range to everything before; then an exact filter by due moment. Like
// agenda-queries.ts for events, the key ranges and the filter are apart from any reader: the
// new tab's boot read (agenda-raw-read.ts, plain IndexedDB) and Dexie's (agenda-rows.ts) use the
// same ones, so they return the same rows.
import { windowBuckets } from './agenda-days';
import { type AgendaTaskRow, DONE_TASKS, OPEN_TASKS, type TaskDayRow } from './agenda-records';
import type { TimeWindow } from './records';

export type TaskKeyBound = readonly (number | string | readonly never[])[];

/** The taskDays ranges (inclusive bounds, valid IndexedDB keys) holding every task due in
 * `window` and, with `earlier`, every open task due before it. */
export function taskBucketRanges(
  window: TimeWindow,
  earlier: boolean,
): { readonly open: [TaskKeyBound, TaskKeyBound]; readonly done: [TaskKeyBound, TaskKeyBound] } {
  const { first, last } = windowBuckets(window);
  // An array key sorts after every number and string: [state, last, []] closes the last day,
  // and [state] (a prefix) opens before every day.
  return {
    open: [earlier ? [OPEN_TASKS] : [OPEN_TASKS, first], [OPEN_TASKS, last, []]],
    done: [
      [DONE_TASKS, first],
      [DONE_TASKS, last, []],
    ],
  };
}

/** Due-moment order, as the store's dueMs index gave them (ties by account and id). */
function byDue(a: AgendaTaskRow, b: AgendaTaskRow): number {
  return (
    a.dueMs - b.dueMs ||
    (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The tasks of buckets read with taskBucketRanges(window, earlier): those due in the window,
 * and (with `earlier`) the open ones due before it, each sorted by due moment. */
export function tasksInBuckets(
  buckets: readonly TaskDayRow[],
  window: TimeWindow,
  earlier: boolean,
): { tasks: AgendaTaskRow[]; earlier?: AgendaTaskRow[] } {
  const inWindow: AgendaTaskRow[] = [];
  const before: AgendaTaskRow[] = [];
  for (const bucket of buckets) {
    for (const task of bucket.tasks) {
      if (task.dueMs >= window.startMs && task.dueMs < window.endMs) inWindow.push(task);
      else if (earlier && !task.checked && task.dueMs < window.startMs) before.push(task);
    }
  }
  return {
    tasks: inWindow.sort(byDue),
    ...(earlier ? { earlier: before.sort(byDue) } : {}),
  };
}
