// The Dexie database (DESIGN §3). Schema changes add a version here; a change in what the synced
// rows MEAN bumps STORE_VERSION instead (store-version.ts), which forces a clean resync.
import Dexie, { type DexieOptions, type Table } from 'dexie';
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

export const DB_NAME = 'almanac';

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
  }
}
