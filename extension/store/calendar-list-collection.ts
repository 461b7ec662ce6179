// The calendar list of one source (spec §5). One transaction per page; on the last page the
// source's calendar-list cursor is written with it. Removing or deselecting a calendar drops its
// events in the same transaction, so no orphan events outlive their calendar.

import type { CalendarListScope } from '../sync/scope';
import { calendarKey } from '../sync/scope';
import type { ApplyResult, Changes, Collection, Finalize } from '../sync/store-port';
import { dropCalendarEvents, removeCalendar, withoutCursor } from './calendar-removal';
import { sameCursor } from './cursor-equality';
import type { AlmanacDb } from './db';
import type { CalendarEntry, CalendarRecord } from './records';
import { isCalendarSelected } from './selection';

export function createCalendarListCollection(
  db: AlmanacDb,
): Collection<CalendarListScope, CalendarEntry> {
  return {
    async live(scope) {
      return (await db.sources.get(scope.sourceId)) !== undefined;
    },
    async readCursor(scope) {
      return (await db.sources.get(scope.sourceId))?.calendarListCursor;
    },
    async clearCursor(scope) {
      await db.transaction('rw', db.sources, async () => {
        const source = await db.sources.get(scope.sourceId);
        if (!source?.calendarListCursor) return;
        const { calendarListCursor: _drop, ...rest } = source;
        await db.sources.put(rest);
      });
    },
    apply(scope, changes, finalize) {
      return db.transaction('rw', [db.sources, db.calendars, db.events, db.scopes], () =>
        applyInTransaction(db, scope.sourceId, changes, finalize),
      );
    },
  };
}

async function applyInTransaction(
  db: AlmanacDb,
  sourceId: string,
  changes: Changes<CalendarEntry>,
  finalize: Finalize | undefined,
): Promise<ApplyResult> {
  const source = await db.sources.get(sourceId);
  if (!source) return { writes: 0, scopeGone: true };
  let writes = 0;

  for (const id of changes.deletes) {
    const row = await db.calendars.get(calendarKey(sourceId, id));
    if (row) writes += await removeCalendar(db, row);
  }

  const existing = await db.calendars.bulkGet(changes.upserts.map((e) => e.key));
  for (const [i, entry] of changes.upserts.entries()) {
    const row = existing[i];
    if (row && row.etag === entry.etag) continue;
    let next: CalendarRecord = {
      ...entry,
      ...(row?.userSelected === undefined ? {} : { userSelected: row.userSelected }),
      ...(row?.cursor === undefined ? {} : { cursor: row.cursor }),
      // Its watch channels outlive an entry change (and a deselect: the watcher stops them).
      ...(row?.watch === undefined ? {} : { watch: row.watch }),
    };
    if (row && isCalendarSelected(row) && !isCalendarSelected(next)) {
      // Deselected upstream (or hidden): its events go, and a later reselect starts clean.
      writes += await dropCalendarEvents(db, entry.key);
      next = withoutCursor(next);
    }
    await db.calendars.put(next);
    writes += 1;
  }

  if (finalize?.keepOnly) {
    const keepOnly = finalize.keepOnly;
    const rows = await db.calendars.where('sourceId').equals(sourceId).toArray();
    for (const row of rows) if (!keepOnly.has(row.id)) writes += await removeCalendar(db, row);
  }
  if (finalize && !sameCursor(source.calendarListCursor, finalize.cursor)) {
    await db.sources.put({ ...source, calendarListCursor: finalize.cursor });
    writes += 1;
  }
  return { writes, scopeGone: false };
}
