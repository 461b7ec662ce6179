// A Todoist task → the agenda's task, placed in the VIEWER's zone (todoist spec §5):
// - `YYYY-MM-DD` is all day: that date, never shifted (like a Google all-day event);
// - `YYYY-MM-DDTHH:MM:SS` is floating: that wall time wherever the viewer is, which is what every
//   Todoist client shows (the stored dueMs used the account's zone, so it only serves the query);
// - `...Z` is a fixed instant: shown at its time in the viewer's zone.
import { Temporal } from 'temporal-polyfill';
import type { AgendaTaskRow } from '../../store/agenda-records';
import { taskWebLink } from '../../sync/todoist/task-link';
import type { AgendaTask } from './agenda-items';
import { dateOf, type IsoDate, isIsoDate } from './zone-days';

const ALL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const FLOATING = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

export type DuePlace =
  | { readonly allDay: true; readonly date: IsoDate }
  | { readonly allDay: false; readonly date: IsoDate; readonly startMs: number };

/** Where a due date falls for the viewer; undefined for words Todoist has not parsed yet. */
export function placeDueFor(dueDate: string, viewerZone: string): DuePlace | undefined {
  try {
    if (ALL_DAY.test(dueDate)) {
      // isIsoDate: the cheap exact check first (a week places hundreds of these).
      const date = isIsoDate(dueDate) ? dueDate : Temporal.PlainDate.from(dueDate).toString();
      return { allDay: true, date };
    }
    if (FLOATING.test(dueDate)) {
      const at = Temporal.PlainDateTime.from(dueDate).toZonedDateTime(viewerZone);
      return { allDay: false, date: at.toPlainDate().toString(), startMs: at.epochMilliseconds };
    }
    const ms = Temporal.Instant.from(dueDate).epochMilliseconds;
    return { allDay: false, date: dateOf(ms, viewerZone), startMs: ms };
  } catch {
    return undefined;
  }
}

export function toAgendaTask(
  task: AgendaTaskRow,
  viewerZone: string,
  projectName?: string,
): AgendaTask | undefined {
  const place = placeDueFor(task.dueDate, viewerZone);
  if (!place) return undefined;
  return {
    kind: 'task',
    key: task.localId,
    sourceId: task.sourceId,
    id: task.id,
    title: task.content.trim() || '(No title)',
    priority: task.priority,
    labels: distinct(task.labels),
    ...(projectName ? { projectName } : {}),
    date: place.date,
    ...(place.allDay ? {} : { startMs: place.startMs }),
    ...(place.allDay || task.durationMs === undefined ? {} : { durationMs: task.durationMs }),
    checked: task.checked === true,
    pending: task.pending === true,
    recurring: task.recurring === true,
    // A task only this device knows has no page at Todoist yet.
    ...(task.known ? { link: taskWebLink(task.id) } : {}),
  };
}

/** Overdue as Todoist means it: an all-day task from before today, a timed one whose time has
 * passed. Completed tasks are never overdue. */
export function isOverdue(task: AgendaTask, today: IsoDate, nowMs: number): boolean {
  if (task.checked) return false;
  if (task.startMs === undefined) return task.date < today;
  return task.startMs < nowMs;
}

/** Each label once (Todoist's data should hold no repeats; a repeat would be shown twice, under
 * one React key). The common case allocates nothing. */
function distinct(labels: readonly string[]): readonly string[] {
  return labels.length < 2 || new Set(labels).size === labels.length
    ? labels
    : [...new Set(labels)];
}
