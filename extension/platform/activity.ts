// What is syncing right now, for the popup's progress bar and the badge. The engine does not report
// progress while a run is in flight (its RunRecord is written at the end), so the platform wraps
// the store port: every page the engine applies bumps the scope's counters. Rows live in `meta`
// under `activity:<scope>` so the UI reads them with useLiveQuery like everything else; a fresh
// service worker deletes them all (nothing can be in flight in a worker that just started).
import { z } from 'zod';
import type { AlmanacDb } from '../store/db';
import type { Collection, SyncStore } from '../sync/store-port';

export const ACTIVITY_PREFIX = 'activity:';

export const activitySchema = z.object({
  scope: z.string(),
  reason: z.string(),
  startedAt: z.number(),
  /** Pages applied so far in this run (a full listing applies each page as it arrives). */
  pages: z.number(),
  /** Items received on those pages (events or calendar-list entries). */
  items: z.number(),
});
export type ActivityRow = z.infer<typeof activitySchema>;

export interface Activity {
  begin(scope: string, reason: string): Promise<void>;
  page(scope: string, items: number): Promise<void>;
  end(scope: string): Promise<void>;
  inFlight(): string[];
  /** Service worker start: deletes the rows a worker stopped mid-run left behind, and returns
   * those scopes (their runs never finished: the caller runs them again at once). */
  clearStale(): Promise<string[]>;
  onChange(listener: () => void): void;
}

export function createActivity(db: AlmanacDb, now: () => number): Activity {
  const counts = new Map<string, number>();
  const rows = new Map<string, ActivityRow>();
  const listeners: Array<() => void> = [];
  const changed = () => {
    for (const l of listeners) l();
  };
  const write = (row: ActivityRow) => db.meta.put({ key: ACTIVITY_PREFIX + row.scope, value: row });

  return {
    async begin(scope, reason) {
      const n = (counts.get(scope) ?? 0) + 1;
      counts.set(scope, n);
      if (n > 1) return;
      const row = { scope, reason, startedAt: now(), pages: 0, items: 0 };
      rows.set(scope, row);
      changed();
      await write(row);
    },
    async page(scope, items) {
      const row = rows.get(scope);
      if (!row) return;
      const next = { ...row, pages: row.pages + 1, items: row.items + items };
      rows.set(scope, next);
      await write(next);
    },
    async end(scope) {
      const n = (counts.get(scope) ?? 1) - 1;
      if (n > 0) {
        counts.set(scope, n);
        return;
      }
      counts.delete(scope);
      rows.delete(scope);
      changed();
      await db.meta.delete(ACTIVITY_PREFIX + scope);
    },
    inFlight: () => [...counts.keys()],
    async clearStale() {
      const keys = await db.meta.where('key').startsWith(ACTIVITY_PREFIX).primaryKeys();
      const stale = keys.filter((k) => !counts.has(k.slice(ACTIVITY_PREFIX.length)));
      if (stale.length > 0) await db.meta.bulkDelete(stale);
      return stale.map((k) => k.slice(ACTIVITY_PREFIX.length));
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}

/** The store port with page progress reported to `activity` after each applied page. */
export function withProgress(store: SyncStore, activity: Pick<Activity, 'page'>): SyncStore {
  function track<S extends { readonly id: string }, R>(inner: Collection<S, R>): Collection<S, R> {
    return {
      live: (scope) => inner.live(scope),
      readCursor: (scope) => inner.readCursor(scope),
      clearCursor: (scope) => inner.clearCursor(scope),
      async apply(scope, changes, finalize) {
        const result = await inner.apply(scope, changes, finalize);
        await activity.page(scope.id, changes.upserts.length + changes.deletes.length);
        return result;
      },
    };
  }
  return {
    events: track(store.events),
    calendarList: track(store.calendarList),
    listSources: () => store.listSources(),
    listCalendars: (sourceId) => store.listCalendars(sourceId),
    getScopeState: (scope) => store.getScopeState(scope),
    listScopeStates: () => store.listScopeStates(),
    putScopeState: (state) => store.putScopeState(state),
    recordRun: (run, metrics) => store.recordRun(run, metrics),
    readMetrics: (day) => store.readMetrics(day),
  };
}
