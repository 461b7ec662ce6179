// The store's schema as versions 1 to 4 declared it (extension/store/db.ts): the tests that open
// or upgrade a database from before v3 (the agenda tables), v4 (the openDueMs index) or v5 (the
// task buckets) build it with these.
export const V1_STORES = {
  sources: 'id, provider',
  calendars: 'key, sourceId',
  events: '[calendarKey+id], calendarKey, startMs, endMs, [calendarKey+seriesId]',
  tasks: '[sourceId+id], sourceId, projectId',
  projects: '[sourceId+id], sourceId',
  labels: '[sourceId+id], sourceId',
  outbox: 'id, scope, nextAttemptAt',
  runs: '++seq, scope, startedAt',
  metrics: '[day+name], day',
  meta: 'key',
  scopes: 'scope, nextRunAt',
};

export const V2_STORES = {
  tasks: '[sourceId+id], sourceId, projectId, dueMs',
  sections: '[sourceId+id], sourceId',
};

export const V3_STORES = { agendaEvents: '[calendarKey+id]', agendaDays: '[day+calendarKey]' };

export const V4_STORES = { tasks: '[sourceId+id], sourceId, projectId, dueMs, openDueMs' };
