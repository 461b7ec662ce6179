// Signing out removes everything Almanac holds for that account, in ONE transaction: its source
// row, calendars, events, scheduling rows, tasks/projects/sections/labels, pending outbox writes,
// its audit rows and its Todoist budget counter (a `meta` row). (Daily metrics are account-free
// totals and stay.) The store has no such operation yet, so it lives here; it touches only rows
// keyed by the source id.
import type { AlmanacDb } from '../store/db';
import { knownScope, scopePresent } from '../store/scope-presence';
import { BUDGET_KEY_PREFIX } from '../store/todoist/todoist-store';

/** Undefined for a scope of a kind this version does not know: not any account's. */
export function scopeSourceId(scope: string): string | undefined {
  return knownScope(scope)?.sourceId;
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

/** Worker start: rows a run wrote after its account was wiped (or its calendar dropped) — before
 * the store refused such writes (scope-presence.ts) — are removed, so installs that have them
 * heal. Cheap: the scope rows are few, and runs are read by their distinct scopes only. */
export async function pruneOrphans(db: AlmanacDb): Promise<void> {
  const tables = [db.sources, db.calendars, db.scopes, db.runs, db.outbox, db.meta];
  await db.transaction('rw', tables, async () => {
    const sources = new Set(await db.sources.toCollection().primaryKeys());
    const orphan = (scope: string) => {
      const sourceId = scopeSourceId(scope);
      return sourceId !== undefined && !sources.has(sourceId);
    };
    for (const state of await db.scopes.toArray()) {
      if (!(await scopePresent(db, state.scope))) await db.scopes.delete(state.scope);
    }
    const runScopes = (await db.runs.orderBy('scope').uniqueKeys()).map(String);
    const gone = runScopes.filter(orphan);
    if (gone.length > 0) await db.runs.where('scope').anyOf(gone).delete();
    await db.outbox.filter((o) => orphan(o.scope)).delete();
    const budgets = await db.meta.where('key').startsWith(BUDGET_KEY_PREFIX).primaryKeys();
    const stale = budgets.filter((k) => !sources.has(k.slice(BUDGET_KEY_PREFIX.length)));
    if (stale.length > 0) await db.meta.bulkDelete(stale);
  });
}
