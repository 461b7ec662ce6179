// The calendar rows' `watch` field (sync/google/watch.ts WatchStorePort) and the push router's
// channel lookup. Only the watcher writes the field, one read-modify-write transaction per change;
// a scan of the calendar rows is cheap (an account has a handful), so no index is needed.

import { knowsChannel, sameWatch } from '../sync/google/watch-plan';
import type { WatchStorePort } from '../sync/google/watch-ports';
import { type CalendarScope, calendarScope } from '../sync/scope';
import type { AlmanacDb } from './db';
import { utcDay } from './dexie-sync-store';
import type { CalendarRecord } from './records';
import { isCalendarSelected } from './selection';

export function createWatchStore(db: AlmanacDb): WatchStorePort {
  return {
    async calendars() {
      const sources = new Set(await googleSourceIds(db));
      const rows = await db.calendars.toArray();
      return rows.map((row) => ({
        row,
        wanted: sources.has(row.sourceId) && isCalendarSelected(row),
      }));
    },
    updateWatch(key, change) {
      return db.transaction('rw', db.calendars, async () => {
        const row = await db.calendars.get(key);
        if (!row) return null;
        const next = change(row.watch);
        if (sameWatch(next, row.watch)) return row.watch;
        const { watch: _drop, ...rest } = row;
        await db.calendars.put(next === undefined ? rest : { ...rest, watch: next });
        return next;
      });
    },
    googleSources: () => googleSourceIds(db),
    recordMetrics(at, metrics) {
      return db.transaction('rw', db.metrics, async () => {
        const day = utcDay(at);
        const current = await db.metrics.bulkGet(metrics.map((m) => [day, m.name]));
        await db.metrics.bulkPut(
          metrics.map((m, i) => ({ day, name: m.name, value: (current[i]?.value ?? 0) + m.value })),
        );
      });
    },
  };
}

async function googleSourceIds(db: AlmanacDb): Promise<string[]> {
  return (await db.sources.where('provider').equals('google').primaryKeys()) as string[];
}

/** The synced calendar a watch channel reports on (its current channel, one being made, or one
 * being or lately stopped: during a renewal both channels route here). */
export async function calendarOfChannel(
  db: AlmanacDb,
  channelId: string,
): Promise<CalendarScope | undefined> {
  const rows = await db.calendars.toArray();
  const row = rows.find((r: CalendarRecord) => knowsChannel(r.watch, channelId));
  if (!row || !isCalendarSelected(row)) return undefined;
  if (!(await db.sources.get(row.sourceId))) return undefined;
  return calendarScope(row.sourceId, row.id);
}
