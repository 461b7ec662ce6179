// The Todoist side of the storage port (implemented with Dexie in extension/store/todoist/). It is
// handed to the Todoist provider and actions directly, not through SyncStore, so code that wraps
// or fakes the Google SyncStore is untouched by it. Each method is one IndexedDB transaction.
import type { CursorState, OutboxRecord } from '../../store/records';
import type { ApplyResult } from '../store-port';
import type { UpdateBudget } from './budget';
import type { CommandOutcome, TodoistCommand } from './commands';
import type { TodoistLabel, TodoistProject, TodoistSection, TodoistTask } from './schemas';

/** One sync answer, reduced to what the store applies (todoist spec §2). */
export interface TodoistStep {
  /** `full_sync: true`: replaces every synced row of the account (never merged). */
  readonly full: boolean;
  /** Tasks as Todoist sent them; `is_deleted` ones are deletions, `checked` ones are done. */
  readonly items: readonly TodoistTask[];
  readonly projects: readonly TodoistProject[];
  readonly sections: readonly TodoistSection[];
  readonly labels: readonly TodoistLabel[];
  readonly timeZone?: string;
  readonly inboxProjectId?: string;
  /** `user.id`, when the answer carried the user (kept on the source row: the push path). */
  readonly userId?: string;
  /** spec §3: temp id → real id for the adds this answer confirms. */
  readonly tempIdMapping: Readonly<Record<string, string>>;
}

export interface TodoistApply {
  /** Applied in order; a full step replaces what the steps before it built. */
  readonly steps: readonly TodoistStep[];
  /** What Todoist said about each sent command, by uuid. A row without an outcome stays
   * pending as it is (its effect is not known to be covered by these steps). */
  readonly outcomes: ReadonlyMap<string, CommandOutcome>;
  /** Written in the SAME transaction (the cursor invariant); an equal cursor is not rewritten. */
  readonly cursor: CursorState;
}

export interface TodoistSourceState {
  readonly cursor?: CursorState;
  readonly timeZone?: string;
  readonly inboxProjectId?: string;
}

export interface TodoistStorePort {
  /** The source still exists and is a Todoist account. */
  live(sourceId: string): Promise<boolean>;
  readState(sourceId: string): Promise<TodoistSourceState | undefined>;
  clearCursor(sourceId: string): Promise<void>;
  /** ONE transaction: the steps, the command outcomes (acknowledged rows leave the outbox,
   * refused ones are marked failed; writes to a task the steps delete leave too), temp → real
   * id swaps, re-based task rows, and the cursor. */
  apply(sourceId: string, input: TodoistApply): Promise<ApplyResult>;
  /** This account's command rows still to send (not failed), in send order. */
  pendingCommands(sourceId: string): Promise<OutboxRecord[]>;
  /** Writes outbox rows back as given (attempt bookkeeping after a request-level failure). */
  updateOutbox(rows: readonly OutboxRecord[]): Promise<void>;
  /** Queues a command and re-bases the task it acts on, in ONE transaction, so the change shows
   * at once. A command naming a temp id that has since been swapped is pointed at the real id.
   * Returns the id of the task row it acts on. */
  enqueue(sourceId: string, command: TodoistCommand, now: number): Promise<{ taskId?: string }>;
  /** A refused command back in the queue (the user's "retry"); its task is re-based. */
  retryCommand(outboxId: string, now: number): Promise<boolean>;
  /** A command dropped from the outbox (the user's "discard"); its task is re-based. */
  discardCommand(outboxId: string): Promise<boolean>;
  /** A task Todoist returned outside a sync (quick add). Upserting current truth ahead of the
   * cursor is allowed (DESIGN §2): the next incremental sync brings the same version. */
  putServerTask(sourceId: string, task: TodoistTask): Promise<void>;
  readonly updateBudget: UpdateBudget;
}
