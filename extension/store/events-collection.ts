// The events of one calendar scope, applied under the cursor invariant (DESIGN §2): each call is
// ONE transaction holding the page's changes and, on the last page, the new cursor.
import type { CalendarScope } from '../sync/scope';
import type { ApplyResult, Changes, Collection, Finalize } from '../sync/store-port';
import { withoutCursor } from './calendar-removal';
import { sameCursor } from './cursor-equality';
import type { AlmanacDb } from './db';
import type { EventRecord } from './records';
import { isCalendarSelected } from './selection';

export function createEventsCollection(db: AlmanacDb): Collection<CalendarScope, EventRecord> {
  return {
    async live(scope) {
      const row = await db.calendars.get(scope.calendarKey);
      return row !== undefined && isCalendarSelected(row);
    },
    async readCursor(scope) {
      return (await db.calendars.get(scope.calendarKey))?.cursor;
    },
    async clearCursor(scope) {
      await db.transaction('rw', db.calendars, async () => {
        const row = await db.calendars.get(scope.calendarKey);
        if (row?.cursor) await db.calendars.put(withoutCursor(row));
      });
    },
    apply(scope, changes, finalize) {
      return db.transaction('rw', db.calendars, db.events, () =>
        applyInTransaction(db, scope.calendarKey, changes, finalize),
      );
    },
  };
}

async function applyInTransaction(
  db: AlmanacDb,
  key: string,
  changes: Changes<EventRecord>,
  finalize: Finalize | undefined,
): Promise<ApplyResult> {
  const row = await db.calendars.get(key);
  // Removed or deselected while this run was listing: write nothing, keep no orphans.
  if (!row || !isCalendarSelected(row)) return { writes: 0, scopeGone: true };

  // Deletes before upserts: a listed live item is current truth and must survive a cascade.
  let writes = await deleteWithInstances(db, key, changes.deletes);

  if (changes.upserts.length > 0) {
    // An upsert whose etag is unchanged is not written (spec §2: etag changes on every change).
    // A calendar with no rows yet (first sync) has nothing to compare against: skip the reads.
    const empty = (await db.events.where('calendarKey').equals(key).limit(1).count()) === 0;
    const existing = empty ? [] : await db.events.bulkGet(changes.upserts.map((e) => [key, e.id]));
    const changed = changes.upserts.filter((e, i) => existing[i]?.etag !== e.etag);
    if (changed.length > 0) await db.events.bulkPut(changed);
    writes += changed.length;
  }

  if (finalize?.keepOnly) {
    // Full sync, last page: everything the complete listing did not contain is gone.
    const keepOnly = finalize.keepOnly;
    const all = await db.events.where('calendarKey').equals(key).primaryKeys();
    const stale = all.filter(([, id]) => !keepOnly.has(id));
    if (stale.length > 0) await db.events.bulkDelete(stale);
    writes += stale.length;
  }
  if (finalize && !sameCursor(row.cursor, finalize.cursor)) {
    await db.calendars.put({ ...row, cursor: finalize.cursor });
    writes += 1;
  }
  return { writes, scopeGone: false };
}

/** Deletes each id and, when it names a recurring series, every stored instance of it (spec §1:
 * a cancelled series may arrive as one entry carrying only its id). Returns rows deleted. */
async function deleteWithInstances(db: AlmanacDb, key: string, ids: readonly string[]) {
  if (ids.length === 0) return 0;
  const doomed = new Map<string, [string, string]>();
  const direct = await db.events.bulkGet(ids.map((id) => [key, id]));
  for (const event of direct) if (event) doomed.set(event.id, [key, event.id]);
  for (const id of ids) {
    const instances = await db.events
      .where('[calendarKey+seriesId]')
      .equals([key, id])
      .primaryKeys();
    for (const pk of instances) doomed.set(pk[1], pk);
  }
  if (doomed.size > 0) await db.events.bulkDelete([...doomed.values()]);
  return doomed.size;
}
