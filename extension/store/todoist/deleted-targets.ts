// Writes to tasks Todoist has deleted (apply.ts drops them in its transaction). Why drop rather
// than keep them for Retry / Discard: every item_* command on a deleted id is refused
// ITEM_NOT_FOUND (spec §3) and Todoist has no way back for a deleted task, so such a write cannot
// be saved anywhere; a Retry could only fail again and the entry would never leave. The task row
// goes in the same transaction, so the UI never shows a write to a task it no longer lists.
// What is never dropped:
// - an add (its target is our temp id, never tombstoned): its text could still be saved elsewhere;
// - a write to a task a FULL answer merely leaves out: full answers omit completed tasks too
//   (spec §2), so absence is not proof of deletion. Only an `is_deleted: true` tombstone is.
import { commandOf, commandTarget } from '../../sync/todoist/commands';
import type { TodoistStep } from '../../sync/todoist/store-port';
import type { OutboxRecord } from '../records';

/** Task ids whose last word in these steps is a tombstone (`is_deleted: true`, spec §2). A later
 * live version of the same id (not expected, but the last word wins everywhere) clears it. */
export function deletedTaskIds(steps: readonly TodoistStep[]): Set<string> {
  const gone = new Set<string>();
  for (const step of steps) {
    for (const item of step.items) {
      if (item.is_deleted === true) gone.add(item.id);
      else gone.delete(item.id);
    }
  }
  return gone;
}

/** The row's command acts on a task in `gone` (ids already remapped from temp to real). */
export function targetsDeletedTask(row: OutboxRecord, gone: ReadonlySet<string>): boolean {
  if (gone.size === 0) return false;
  const command = commandOf(row);
  if (!command || command.type === 'item_add') return false;
  const target = commandTarget(command);
  return target !== undefined && gone.has(target);
}
