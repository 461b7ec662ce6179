// The user's own choice of calendars (options page). Deselecting drops the calendar's events and
// cursor in one transaction; selecting again makes its next run a clean full sync.
import { calendarScope } from '../sync/scope';
import { dropCalendarEvents, withoutCursor } from './calendar-removal';
import type { AlmanacDb } from './db';
import { isCalendarSelected } from './selection';

export async function setCalendarSelected(
  db: AlmanacDb,
  key: string,
  selected: boolean,
): Promise<void> {
  await db.transaction('rw', [db.calendars, db.events, db.scopes], async () => {
    const row = await db.calendars.get(key);
    if (!row) throw new Error(`no calendar ${key}`);
    const next = { ...row, userSelected: selected };
    if (isCalendarSelected(row) && !selected) {
      await dropCalendarEvents(db, key);
      await db.scopes.delete(calendarScope(row.sourceId, row.id).id);
      await db.calendars.put(withoutCursor(next));
      return;
    }
    await db.calendars.put(next);
  });
}
