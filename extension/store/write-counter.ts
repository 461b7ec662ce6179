// Counts every row the database writes, per table, at Dexie's DBCore level — below all our own
// code, so nothing escapes it. Synced data (events, calendars with their cursors, sources with
// theirs, tasks…) is counted apart from audit/scheduling rows (runs, metrics, scopes, meta): the
// "quiet cycle writes 0" target is about the former; a run always leaves an audit row.
import type Dexie from 'dexie';
import type { DBCoreMutateRequest } from 'dexie';

export const DATA_TABLES: ReadonlySet<string> = new Set([
  'sources',
  'calendars',
  'events',
  'tasks',
  'projects',
  'sections',
  'labels',
  'outbox',
]);

export interface WriteCounter {
  byTable(): Record<string, number>;
  /** Rows of synced data written (puts and deletes). */
  data(): number;
  /** Rows of audit and scheduling state written. */
  audit(): number;
  reset(): void;
}

export function installWriteCounter(db: Dexie): WriteCounter {
  const counts = new Map<string, number>();
  db.use({
    stack: 'dbcore',
    name: 'almanac-write-counter',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            async mutate(req) {
              const res = await table.mutate(req);
              const rows = rowsOf(req) - res.numFailures;
              counts.set(name, (counts.get(name) ?? 0) + rows);
              return res;
            },
          };
        },
      };
    },
  });
  const sum = (data: boolean) =>
    [...counts].reduce((n, [table, c]) => (DATA_TABLES.has(table) === data ? n + c : n), 0);
  return {
    byTable: () => Object.fromEntries(counts),
    data: () => sum(true),
    audit: () => sum(false),
    reset: () => counts.clear(),
  };
}

function rowsOf(req: DBCoreMutateRequest): number {
  switch (req.type) {
    case 'add':
    case 'put':
      return req.values.length;
    case 'delete':
      return req.keys.length;
    case 'deleteRange':
      // A range delete (table.clear) does not say how many rows it removed: count it once.
      return 1;
  }
}
