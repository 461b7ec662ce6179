// The new tab's slim copy of the events (DESIGN §3's `events` keeps the raw Google resource, and
// Chromium's IndexedDB costs ~20 µs per record read through an index on top of deserializing it:
// a week of ~1,000 full rows took 20–26 ms to read, docs/architecture.md §7). Pure types, like
// records.ts: the UI and the tests both read them.

/** The `agendaDays` bucket of events touching more than LONG_EVENT_DAYS UTC days. */
export const LONG_EVENT_BUCKET = 'long';

/**
 * What the agenda shows of one `events` row, derived from that row alone (agenda-projection.ts)
 * and written in the same transaction (agenda-projection-middleware.ts). Same primary key,
 * [calendarKey+id], as the event it mirrors.
 */
export interface AgendaEventRow {
  readonly calendarKey: string;
  readonly id: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly allDay: boolean;
  /** The row's status was `cancelled` (kept so this table mirrors `events` row for row). */
  readonly cancelled?: true;
  readonly summary?: string;
  /** All day: Google's own dates (`YYYY-MM-DD`, end exclusive) when they are valid. */
  readonly startDate?: string;
  readonly endDate?: string;
  /** Timed: the zone the start was written in (`start.timeZone`). */
  readonly startZone?: string;
  /** Google's event colour ("1"…"11"), when the event has its own. */
  readonly colorId?: string;
  /** Trimmed; absent when blank. */
  readonly location?: string;
  /** Google's htmlLink, http(s) only (an `href` must never run script). */
  readonly link?: string;
  /** The signed-in user is an attendee who declined. */
  readonly declined?: true;
  /** An instance of a recurring series. */
  readonly recurring?: true;
}

/**
 * One calendar's events touching one UTC day (day number = epoch ms / 86,400,000, floored), or
 * all its events longer than LONG_EVENT_DAYS (`day` = LONG_EVENT_BUCKET). Primary key
 * [day+calendarKey]: a week of every calendar is ONE primary-key range of ~10 rows per day —
 * read with getAll, no index lookups, a few records to deserialize instead of a thousand.
 * Always equal to grouping `agendaEvents` by day (agenda-buckets.ts); an empty bucket is deleted.
 */
export interface AgendaDayRow {
  readonly day: number | string;
  readonly calendarKey: string;
  /** Sorted by id. */
  readonly events: readonly AgendaEventRow[];
}

/** The two halves of `taskDays`: the overdue read walks only the open one. */
export const OPEN_TASKS = 'open';
export const DONE_TASKS = 'done';
export type TaskState = typeof OPEN_TASKS | typeof DONE_TASKS;

/**
 * What the agenda shows of one `tasks` row (task-projection.ts), written in the same transaction
 * as the task (task-days-middleware.ts). Only tasks with a due moment that are not being deleted
 * have one: the agenda places tasks by due date, and hides a queued delete.
 */
export interface AgendaTaskRow {
  readonly sourceId: string;
  readonly id: string;
  readonly localId: string;
  readonly projectId?: string;
  readonly content: string;
  readonly priority: number;
  readonly labels: readonly string[];
  /** Todoist's due date as stored (`YYYY-MM-DD`, floating `…THH:MM:SS`, or `…Z`). */
  readonly dueDate: string;
  readonly dueMs: number;
  readonly recurring?: true;
  readonly checked?: true;
  /** This device has writes to it that Todoist has not confirmed yet. */
  readonly pending?: true;
  /** Its Todoist duration in ms (timed tasks), from the server's version. */
  readonly durationMs?: number;
  /** Todoist has it (a server version was received), so it has a page there. */
  readonly known?: true;
}

/**
 * One account's tasks due on one UTC day (day number as in AgendaDayRow), open or done. Primary
 * key [state+day+sourceId]: a week is one range per state, and the tasks overdue before it are
 * one range of the open half, never meeting the completed tasks the store keeps for years.
 * Always equal to grouping the projections of `tasks` so; an empty bucket is deleted.
 */
export interface TaskDayRow {
  readonly state: TaskState;
  readonly day: number;
  readonly sourceId: string;
  /** Sorted by id. */
  readonly tasks: readonly AgendaTaskRow[];
}
