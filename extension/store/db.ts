// The Dexie database (DESIGN §3). Schema changes add a version here; a change in what the synced
// rows MEAN bumps STORE_VERSION instead (store-version.ts), which forces a clean resync.
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import { groupIntoDays, groupTasksIntoDays } from './agenda-buckets';
import { projectEvent } from './agenda-projection';
import { agendaProjectionMiddleware } from './agenda-projection-middleware';
import type { AgendaDayRow, AgendaEventRow, AgendaTaskRow, TaskDayRow } from './agenda-records';
import { agendaRevisionMiddleware } from './agenda-revision';
import { DB_NAME } from './db-name';
import type {
  CalendarRecord,
  EventRecord,
  LabelRecord,
  MetaRecord,
  MetricRecord,
  OutboxRecord,
  ProjectRecord,
  RunRecord,
  ScopeState,
  SectionRecord,
  SourceRecord,
  TaskRecord,
} from './records';
import { taskDaysMiddleware } from './task-days-middleware';
import { projectTask } from './task-projection';

export { DB_NAME };

export class AlmanacDb extends Dexie {
  // `declare`: Dexie creates the table properties in version().stores(); a class field would
  // re-initialize them.
  declare sources: Table<SourceRecord, string>;
  declare calendars: Table<CalendarRecord, string>;
  declare events: Table<EventRecord, [string, string]>;
  declare tasks: Table<TaskRecord, [string, string]>;
  declare projects: Table<ProjectRecord, [string, string]>;
  declare sections: Table<SectionRecord, [string, string]>;
  declare labels: Table<LabelRecord, [string, string]>;
  declare outbox: Table<OutboxRecord, string>;
  declare runs: Table<RunRecord, number>;
  declare metrics: Table<MetricRecord, [string, string]>;
  declare meta: Table<MetaRecord, string>;
  declare scopes: Table<ScopeState, string>;
  declare agendaEvents: Table<AgendaEventRow, [string, string]>;
  declare agendaDays: Table<AgendaDayRow, [number | string, string]>;
  declare taskDays: Table<TaskDayRow, [string, number, string]>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      sources: 'id, provider',
      calendars: 'key, sourceId',
      // Window queries use startMs/endMs; the series index serves "delete a series' instances".
      events: '[calendarKey+id], calendarKey, startMs, endMs, [calendarKey+seriesId]',
      tasks: '[sourceId+id], sourceId, projectId',
      projects: '[sourceId+id], sourceId',
      labels: '[sourceId+id], sourceId',
      outbox: 'id, scope, nextAttemptAt',
      runs: '++seq, scope, startedAt',
      metrics: '[day+name], day',
      meta: 'key',
      scopes: 'scope, nextRunAt',
    });
    // Todoist sync: sections (spec §2 resource), tasks by due moment for the new-tab views.
    // Nothing wrote Todoist rows under version 1, so there is nothing to migrate.
    this.version(2).stores({
      tasks: '[sourceId+id], sourceId, projectId, dueMs',
      sections: '[sourceId+id], sourceId',
    });
    // The new tab's slim copy of `events` (agenda-records.ts): one row per event, and the same
    // rows filed by UTC day and calendar, so a week is one primary-key range. Kept equal to
    // `events` by agendaProjectionMiddleware, in the transactions that write events. Existing
    // rows are projected here, so upgrading keeps every synced event and cursor (the rows'
    // meaning did not change: no STORE_VERSION bump, no resync).
    this.version(3)
      .stores({ agendaEvents: '[calendarKey+id]', agendaDays: '[day+calendarKey]' })
      .upgrade(backfillAgenda);
    // Version 4 indexed open tasks by due moment (`openDueMs`, derived by a middleware) for the
    // overdue read; the task buckets of version 5 serve that read instead, so the index, its
    // field and its middleware are gone. Declared still, so a database at v3 upgrades through it.
    this.version(4).stores({ tasks: '[sourceId+id], sourceId, projectId, dueMs, openDueMs' });
    // The new tab's tasks filed by state and UTC day (agenda-records.ts): a week's tasks are a
    // few bucket reads instead of one index lookup per task, and the overdue ones one range of
    // the open half. Kept equal to `tasks` by taskDaysMiddleware; built here from the tasks
    // already stored (no resync), which also drops the v4 field.
    this.version(5)
      .stores({
        tasks: '[sourceId+id], sourceId, projectId, dueMs',
        taskDays: '[state+day+sourceId]',
      })
      .upgrade(backfillTaskDays);
    this.use(agendaProjectionMiddleware);
    this.use(taskDaysMiddleware);
    this.use(agendaRevisionMiddleware);
  }
}

/** Rows per read while backfilling: bounded memory however large `events` is. */
const BACKFILL_CHUNK = 500;

/** Visits every row of `table` in primary-key order, BACKFILL_CHUNK rows at a time: bounded
 * memory however large the rows are. */
async function eachChunk<T>(
  table: Table<T, [string, string]>,
  keyOf: (row: T) => [string, string],
  visit: (rows: T[]) => Promise<void> | void,
): Promise<void> {
  let after: [string, string] | undefined;
  for (;;) {
    const rows = await (after === undefined
      ? table.orderBy(':id')
      : table.where(':id').above(after)
    )
      .limit(BACKFILL_CHUNK)
      .toArray();
    const last = rows.at(-1);
    if (last === undefined) return;
    await visit(rows);
    after = keyOf(last);
  }
}

/** Projects every stored event (the full rows are large), then files the slim rows (small: all
 * of them fit in memory) into their day buckets. */
async function backfillAgenda(tx: Transaction): Promise<void> {
  const projected: AgendaEventRow[] = [];
  await eachChunk(
    tx.table<EventRecord, [string, string]>('events'),
    (e) => [e.calendarKey, e.id],
    (rows) => {
      projected.push(...rows.map(projectEvent));
    },
  );
  await tx.table<AgendaEventRow, [string, string]>('agendaEvents').bulkPut(projected);
  await tx
    .table<AgendaDayRow, [number | string, string]>('agendaDays')
    .bulkPut(groupIntoDays(projected));
}

/** Files every stored task's agenda row (a task's server version can be large; the slim rows
 * are small), and drops the `openDueMs` field version 4 derived (a row compares equal to its
 * next version only without it: todoist/rebase.ts). */
async function backfillTaskDays(tx: Transaction): Promise<void> {
  const tasks = tx.table<TaskRecord & { openDueMs?: number }, [string, string]>('tasks');
  const projected: AgendaTaskRow[] = [];
  await eachChunk(
    tasks,
    (t) => [t.sourceId, t.id],
    async (rows) => {
      const stale: TaskRecord[] = [];
      for (const row of rows) {
        const { openDueMs, ...task } = row;
        if (openDueMs !== undefined) stale.push(task);
        const slim = projectTask(task);
        if (slim) projected.push(slim);
      }
      if (stale.length > 0) await tasks.bulkPut(stale);
    },
  );
  await tx
    .table<TaskDayRow, [string, number, string]>('taskDays')
    .bulkPut(groupTasksIntoDays(projected));
}
