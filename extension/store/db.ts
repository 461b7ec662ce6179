// The Dexie database (DESIGN §3). Schema changes add a version here; a change in what the synced
// rows MEAN bumps STORE_VERSION instead (store-version.ts), which forces a clean resync.
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import { groupIntoDays } from './agenda-buckets';
import { projectEvent } from './agenda-projection';
import { agendaProjectionMiddleware } from './agenda-projection-middleware';
import type { AgendaDayRow, AgendaEventRow } from './agenda-records';
import { agendaRevisionMiddleware } from './agenda-revision';
import { DB_NAME } from './db-name';
import { openDueMiddleware, withOpenDue } from './open-due';
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
    // Open tasks by due moment (open-due.ts): the overdue read walks only open tasks. The
    // upgrade derives the field for the tasks already stored (no resync).
    this.version(4)
      .stores({ tasks: '[sourceId+id], sourceId, projectId, dueMs, openDueMs' })
      .upgrade((tx) =>
        tx
          .table<TaskRecord, [string, string]>('tasks')
          .toCollection()
          .modify((task, ref) => {
            ref.value = withOpenDue(task);
          }),
      );
    this.use(agendaProjectionMiddleware);
    this.use(agendaRevisionMiddleware);
    this.use(openDueMiddleware);
  }
}

/** Rows per read while backfilling: bounded memory however large `events` is. */
const BACKFILL_CHUNK = 500;

/** Projects every stored event, a chunk at a time (the full rows are large), then files the
 * slim rows (small: all of them fit in memory) into their day buckets. */
async function backfillAgenda(tx: Transaction): Promise<void> {
  const events = tx.table<EventRecord, [string, string]>('events');
  const projected: AgendaEventRow[] = [];
  let after: [string, string] | undefined;
  for (;;) {
    const rows = await (after === undefined
      ? events.orderBy(':id')
      : events.where(':id').above(after)
    )
      .limit(BACKFILL_CHUNK)
      .toArray();
    const last = rows.at(-1);
    if (last === undefined) break;
    projected.push(...rows.map(projectEvent));
    after = [last.calendarKey, last.id];
  }
  await tx.table<AgendaEventRow, [string, string]>('agendaEvents').bulkPut(projected);
  await tx
    .table<AgendaDayRow, [number | string, string]>('agendaDays')
    .bulkPut(groupIntoDays(projected));
}
