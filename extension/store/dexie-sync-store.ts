// The engine's storage port over Dexie (sync/store-port.ts).
import type { SyncStore } from '../sync/store-port';
import { createCalendarListCollection } from './calendar-list-collection';
import type { AlmanacDb } from './db';
import { createEventsCollection } from './events-collection';
import { accountPresent, scopePresent } from './scope-presence';

/** The audit log keeps the most recent runs only. */
export const RUNS_KEPT = 5_000;
const PRUNE_EVERY = 500;

export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function createDexieSyncStore(db: AlmanacDb): SyncStore {
  return {
    events: createEventsCollection(db),
    calendarList: createCalendarListCollection(db),
    listSources: () => db.sources.toArray(),
    listCalendars: (sourceId) => db.calendars.where('sourceId').equals(sourceId).toArray(),
    getScopeState: (scope) => db.scopes.get(scope),
    listScopeStates: () => db.scopes.toArray(),
    // A run that outlived its scope (account removed, calendar deselected) would otherwise leave a
    // row the badge counts forever ("needs sign-in" for an account no page can sign into).
    async putScopeState(state) {
      await db.transaction('rw', [db.scopes, db.sources, db.calendars], async () => {
        if (await scopePresent(db, state.scope)) await db.scopes.put(state);
      });
    },
    recordRun(run, metrics) {
      const tables = [db.runs, db.metrics, db.sources];
      return db.transaction('rw', tables, async () => {
        const day = utcDay(run.startedAt);
        const current = await db.metrics.bulkGet(metrics.map((m) => [day, m.name]));
        // The day's totals are account-free and count every request made, audited or not.
        await db.metrics.bulkPut(
          metrics.map((m, i) => ({ day, name: m.name, value: (current[i]?.value ?? 0) + m.value })),
        );
        // A removed account keeps no audit rows (account-wipe.ts); a deselected calendar does.
        if (!(await accountPresent(db, run.scope))) return;
        const seq = await db.runs.add(run);
        if (seq % PRUNE_EVERY === 0) {
          const old = await db.runs
            .where('seq')
            .below(seq - RUNS_KEPT)
            .primaryKeys();
          if (old.length > 0) await db.runs.bulkDelete(old);
        }
      });
    },
    readMetrics: (day) => db.metrics.where('day').equals(day).toArray(),
  };
}
