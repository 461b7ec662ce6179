// A Todoist account's writes as the popup shows them: how many wait to be sent, and the ones
// Todoist refused, named after their task ("Complete “Buy milk”") with the reason, so the person
// can send them again or drop them.
import type { AlmanacDb } from '../store/db';
import type { SourceRecord } from '../store/records';
import { type OutboxItemView, todoistOutbox } from '../store/todoist/queries';
import { describeError } from './error-text';

/** A write Todoist refused, in words. */
export interface FailedWrite {
  readonly id: string;
  readonly what: string;
  readonly error: string;
}

export interface TodoistWrites {
  /** Queued and not refused: sent with the account's next run. */
  readonly pending: number;
  readonly failed: readonly FailedWrite[];
}

export const NO_WRITES: TodoistWrites = { pending: 0, failed: [] };

const VERBS: Readonly<Record<string, string>> = {
  item_add: 'Add',
  item_update: 'Edit',
  item_close: 'Complete',
  item_complete: 'Complete',
  item_uncomplete: 'Reopen',
  item_delete: 'Delete',
  item_move: 'Move',
};

export function describeWrite(w: OutboxItemView, title: string | undefined): FailedWrite {
  const verb = VERBS[w.type] ?? w.type;
  const name = w.content ?? title;
  return {
    id: w.id,
    what: name === undefined ? `${verb} a task` : `${verb} “${name}”`,
    error: w.lastError ? describeError(w.lastError) : 'Refused by Todoist',
  };
}

export async function loadTodoistWrites(
  db: AlmanacDb,
  sources: readonly SourceRecord[],
): Promise<Map<string, TodoistWrites>> {
  const out = new Map<string, TodoistWrites>();
  for (const source of sources) {
    if (source.provider !== 'todoist') continue;
    const writes = await todoistOutbox(db, source.id);
    const failed: FailedWrite[] = [];
    for (const w of writes) {
      if (w.status !== 'failed') continue;
      // The task row shows Todoist's version again: its name is the one the person knows.
      const task = w.taskId === undefined ? undefined : await db.tasks.get([source.id, w.taskId]);
      failed.push(describeWrite(w, task?.content));
    }
    out.set(source.id, { pending: writes.length - failed.length, failed });
  }
  return out;
}
