// The UTC day numbers the agenda's buckets are filed under (agenda-records.ts). Pure and free of
// any library: the new tab's boot read (agenda-raw-read.ts) runs before Dexie, zod or the
// Temporal polyfill are loaded, and computes its key ranges with these.
import { DONE_TASKS, LONG_EVENT_BUCKET, OPEN_TASKS, type TaskState } from './agenda-records';
import type { TimeWindow } from './records';

export const DAY_MS = 86_400_000;
/** An event touching more UTC days than this is filed in its calendar's LONG_EVENT_BUCKET
 * instead of once per day, so no event is copied more than this many times (a multi-year event
 * would be copied thousands of times); every read also reads those buckets, which only such rare
 * events are in. */
export const LONG_EVENT_DAYS = 62;

/** The buckets of an event: the UTC day numbers [startMs, endMs) touches (a zero-length event:
 * its start's day), or LONG_EVENT_BUCKET alone. */
export function dayBuckets(startMs: number, endMs: number): (number | string)[] {
  const first = Math.floor(startMs / DAY_MS);
  const last = Math.floor((Math.max(endMs, startMs + 1) - 1) / DAY_MS);
  if (last - first + 1 > LONG_EVENT_DAYS) return [LONG_EVENT_BUCKET];
  const days: number[] = [];
  for (let day = first; day <= last; day++) days.push(day);
  return days;
}

/** The first and last (inclusive) UTC day numbers of a window [startMs, endMs). */
export function windowBuckets(window: TimeWindow): { first: number; last: number } {
  return {
    first: Math.floor(window.startMs / DAY_MS),
    last: Math.floor((Math.max(window.endMs, window.startMs + 1) - 1) / DAY_MS),
  };
}

/** The taskDays bucket of a task's agenda row (agenda-records.ts): its state, its due moment's
 * UTC day, its account. */
export function taskBucket(row: {
  readonly checked?: true;
  readonly dueMs: number;
  readonly sourceId: string;
}): [state: TaskState, day: number, sourceId: string] {
  return [row.checked ? DONE_TASKS : OPEN_TASKS, Math.floor(row.dueMs / DAY_MS), row.sourceId];
}
