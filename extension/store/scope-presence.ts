// Whether a scope (or at least its account) is still in the store. A run can outlive the thing
// it syncs — an account disconnected or a calendar deselected while a request is out — and must
// then write nothing back: the scheduling and audit writes ask here inside their own transaction
// (which must include `sources` and `calendars`), so a concurrent wipe is either before them (and
// they skip) or after them (and takes their rows with it).
import { parseScope, type Scope } from '../sync/scope';
import type { AlmanacDb } from './db';
import { isCalendarSelected } from './selection';

/** The scope's parsed form, or undefined for a kind this version does not know. */
export function knownScope(id: string): Scope | undefined {
  try {
    return parseScope(id);
  } catch {
    return undefined;
  }
}

export async function accountPresent(db: AlmanacDb, scopeId: string): Promise<boolean> {
  const scope = knownScope(scopeId);
  // A kind this version cannot parse is nobody's to judge: it stays.
  if (!scope) return true;
  return (await db.sources.get(scope.sourceId)) !== undefined;
}

/** Account present and, for a calendar, the calendar still listed and selected. */
export async function scopePresent(db: AlmanacDb, scopeId: string): Promise<boolean> {
  const scope = knownScope(scopeId);
  if (!scope) return true;
  if ((await db.sources.get(scope.sourceId)) === undefined) return false;
  if (scope.kind !== 'calendar') return true;
  const row = await db.calendars.get(scope.calendarKey);
  return row !== undefined && isCalendarSelected(row);
}
