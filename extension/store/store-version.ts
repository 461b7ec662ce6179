// gcal_sync's trick (DESIGN §2): when what the synced rows mean changes (a new field derived from
// the raw resource, a different window rule…), bump STORE_VERSION. On open, a mismatch clears the
// synced data and every cursor, so the next runs are clean full syncs. User choices (calendar
// selection) survive: calendar rows lose only their cursors, and the calendar list's own full
// resync then refreshes or removes them.
import type { AlmanacDb } from './db';

export const STORE_VERSION = 1;
const KEY = 'storeVersion';

export type VersionCheck = 'fresh' | 'same' | 'reset';

export async function ensureStoreVersion(
  db: AlmanacDb,
  version: number = STORE_VERSION,
): Promise<VersionCheck> {
  const tables = [
    db.meta,
    db.sources,
    db.calendars,
    db.events,
    db.tasks,
    db.projects,
    db.sections,
    db.labels,
    db.scopes,
  ];
  return db.transaction('rw', tables, async () => {
    const current = await db.meta.get(KEY);
    if (current?.value === version) return 'same';
    if (current !== undefined) {
      await Promise.all([db.events.clear(), db.tasks.clear(), db.projects.clear()]);
      await Promise.all([db.labels.clear(), db.sections.clear(), db.scopes.clear()]);
      const calendars = await db.calendars.toArray();
      await db.calendars.bulkPut(calendars.map(({ cursor: _drop, ...row }) => row));
      const sources = await db.sources.toArray();
      await db.sources.bulkPut(
        sources.map(({ calendarListCursor: _list, todoistCursor: _todoist, ...row }) => row),
      );
    }
    await db.meta.put({ key: KEY, value: version });
    return current === undefined ? 'fresh' : 'reset';
  });
}
