// The rows the new tab's first paint is made of, as stored: the small tables whole (a few rows per
// account), the day buckets of a window and the tasks due in it, and, for the agenda list with
// today in it, the open tasks due before the window (the overdue candidates: the first frame has
// the overdue group, rather than it arriving later on top of the page and pushing the week
// down). Two readers fill it with the same rows: readAgendaRows here (Dexie, in one read-only
// transaction) and readAgendaRowsRaw (agenda-raw-read.ts: plain IndexedDB, before Dexie has even
// loaded).
import type { DayBuckets } from './agenda-queries';
import { readDayBuckets } from './agenda-queries';
import type { AgendaTaskRow } from './agenda-records';
import { AGENDA_REVISION_KEY, withRevision } from './agenda-revision';
import { taskBucketRanges, tasksInBuckets } from './agenda-task-queries';
import type { AlmanacDb } from './db';
import type {
  CalendarRecord,
  ProjectRecord,
  ScopeState,
  SourceRecord,
  TimeWindow,
} from './records';

export interface AgendaRows {
  /** What the buckets and tasks were read for: the shaping cuts them to the view. */
  readonly window: TimeWindow;
  readonly sources: readonly SourceRecord[];
  readonly calendars: readonly CalendarRecord[];
  readonly projects: readonly ProjectRecord[];
  readonly scopes: readonly ScopeState[];
  readonly buckets: DayBuckets;
  /** Due in [window.startMs, window.endMs), from the taskDays buckets (agenda-task-queries.ts),
   * by due moment. */
  readonly tasks: readonly AgendaTaskRow[];
  /** Open, due before window.startMs: the open half of taskDays, so the read never meets the
   * completed tasks the store keeps; read only when asked for (`earlier`). */
  readonly earlier?: readonly AgendaTaskRow[];
  /** The agenda revision these rows are of (agenda-revision.ts); absent before any write. */
  readonly revision?: string;
}

/** The tables AgendaRows comes from: a write to any of them may change it. */
export const AGENDA_ROW_TABLES = [
  'sources',
  'calendars',
  'projects',
  'scopes',
  'agendaDays',
  'taskDays',
] as const;

/** ONE read-only transaction, all its reads sent at once; `earlier` adds the open tasks due
 * before the window. */
export async function readAgendaRows(
  db: AlmanacDb,
  window: TimeWindow,
  earlier = false,
): Promise<AgendaRows> {
  const tables = [db.sources, db.calendars, db.projects, db.scopes, db.agendaDays, db.taskDays];
  const ranges = taskBucketRanges(window, earlier);
  const bucketsIn = ([lower, upper]: readonly [unknown, unknown]) =>
    db.taskDays.where(':id').between(lower, upper, true, true).toArray();
  const [sources, calendars, projects, scopes, buckets, open, done, revision] =
    await db.transaction('r', [...tables, db.meta], () =>
      Promise.all([
        db.sources.toArray(),
        db.calendars.toArray(),
        db.projects.toArray(),
        db.scopes.toArray(),
        readDayBuckets(db, window),
        bucketsIn(ranges.open),
        bucketsIn(ranges.done),
        db.meta.get(AGENDA_REVISION_KEY),
      ]),
    );
  return withRevision(
    {
      window,
      sources,
      calendars,
      projects,
      scopes,
      buckets,
      ...tasksInBuckets([...open, ...done], window, earlier),
    },
    revision?.value,
  );
}

/** Whether rows read for `read` hold everything a read for `wanted` would. */
export function covers(read: TimeWindow, wanted: TimeWindow): boolean {
  return read.startMs <= wanted.startMs && read.endMs >= wanted.endMs;
}

/** Whether `rows` serve a view over `wanted`, with the tasks before it when it shows overdue. */
export function rowsServe(rows: AgendaRows, wanted: TimeWindow, earlier: boolean): boolean {
  return covers(rows.window, wanted) && (!earlier || rows.earlier !== undefined);
}
