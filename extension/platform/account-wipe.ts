// Signing out removes everything Almanac holds for that account, in ONE transaction: its source
// row, calendars, events, scheduling rows, tasks/projects/sections/labels, pending outbox writes,
// its audit rows and its Todoist budget counter (a `meta` row). (Daily metrics are account-free
// totals and stay.) The store has no such operation yet, so it lives here; it touches only rows
// keyed by the source id.
import type { AlmanacDb } from '../store/db';
import { BUDGET_KEY_PREFIX } from '../store/todoist/todoist-store';
import { parseScope } from '../sync/scope';

export function scopeSourceId(scope: string): string | undefined {
  try {
    return parseScope(scope).sourceId;
  } catch {
    return undefined; // a scope of a kind this version does not know: not any account's
  }
}

export async function wipeAccount(db: AlmanacDb, sourceId: string): Promise<void> {
  const tables = [
    db.sources,
    db.calendars,
    db.events,
    db.scopes,
    db.tasks,
    db.projects,
    db.sections,
    db.labels,
    db.outbox,
    db.runs,
    db.meta,
  ];
  await db.transaction('rw', tables, async () => {
    const calendarKeys = await db.calendars.where('sourceId').equals(sourceId).primaryKeys();
    for (const key of calendarKeys) {
      await db.events.where('calendarKey').equals(key).delete();
    }
    await db.calendars.bulkDelete(calendarKeys);
    const mine = (scope: string) => scopeSourceId(scope) === sourceId;
    await db.scopes.filter((s) => mine(s.scope)).delete();
    await db.outbox.filter((o) => mine(o.scope)).delete();
    await db.runs.filter((r) => mine(r.scope)).delete();
    await db.tasks.where('sourceId').equals(sourceId).delete();
    await db.projects.where('sourceId').equals(sourceId).delete();
    await db.sections.where('sourceId').equals(sourceId).delete();
    await db.labels.where('sourceId').equals(sourceId).delete();
    await db.meta.delete(BUDGET_KEY_PREFIX + sourceId);
    await db.sources.delete(sourceId);
  });
}
