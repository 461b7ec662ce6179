// The agenda's revision: a value in `meta` that changes, in the same IndexedDB transaction, with
// every write to a table the new tab's view is drawn from (its AgendaRows, but `scopes`: sync
// state is not drawn into the view's saved first frame). The new tab's boot script reads it first
// thing (agenda-raw-read.ts) and paints the first frame the page saved last time only if the
// revision is still the one that frame was drawn from (ui/agenda/snapshot-*.ts): a write the
// frame missed can never be shown as current.
// Done at Dexie's DBCore level, like the agenda projection: every read-write transaction over
// one of those tables also holds `meta`, and its first write to them puts a new revision, so no
// writer (the engine, a removal, a wipe, a STORE_VERSION reset, the bench's direct fills) can
// forget it. A transaction that writes nothing (a quiet sync cycle) leaves it as it was.
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import type { AgendaRows } from './agenda-rows';

export const META = 'meta';
export const AGENDA_REVISION_KEY = 'agendaRevision';

/** The tables whose rows the view's first frame is drawn from (`events` through `agendaDays` and
 * `tasks` through `taskDays`, which the projections write in the same transaction; the source
 * tables themselves for a range delete). */
export const REVISED_TABLES: ReadonlySet<string> = new Set([
  'sources',
  'calendars',
  'projects',
  'events',
  'agendaEvents',
  'agendaDays',
  'tasks',
  'taskDays',
]);

/** A fresh revision: unique, not ordered (it is only ever compared for equality). */
export function newRevision(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `rows` with the revision read beside them, when there is one (a string: anything else in
 * that key is not ours to trust). */
export function withRevision(rows: AgendaRows, revision: unknown): AgendaRows {
  return typeof revision === 'string' ? { ...rows, revision } : rows;
}

export const agendaRevisionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'almanac-agenda-revision',
  // Above the agenda projection (5), so it sees the callers' event writes; below the write
  // counter (10), which counts what callers wrote, not this derived row.
  level: 6,
  create(down) {
    if (!down.schema.tables.some((t) => t.name === META)) return {};
    const revised = new WeakSet<DBCoreTransaction>();
    const meta = down.table(META);
    return {
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.some((s) => REVISED_TABLES.has(s))
            ? [...new Set([...stores, META])]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!REVISED_TABLES.has(name)) return table;
        return {
          ...table,
          async mutate(req) {
            const { trans } = req;
            if (revised.has(trans)) return table.mutate(req);
            revised.add(trans);
            const value = { key: AGENDA_REVISION_KEY, value: newRevision() };
            const [res, bump] = await Promise.all([
              table.mutate(req),
              meta.mutate({ type: 'put', trans, values: [value] }),
            ]);
            if (bump.numFailures > 0) {
              // Never leave a change behind a revision that says nothing changed.
              try {
                trans.abort();
              } catch {
                // already finished or aborted
              }
              throw Object.values(bump.failures)[0];
            }
            return res;
          },
        };
      },
    };
  },
};
