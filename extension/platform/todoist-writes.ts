// The background's handle on the engine's Todoist writes (sync/todoist/actions.ts): add, edit,
// complete, delete, quick add, and the retry / discard of a refused write. The actions are built
// for the Todoist endpoint in force and rebuilt when the options change it. Their pushes run
// through the sync service, so a push shows as activity, updates the badge and reschedules the
// account's alarm like any other run (a push that fails for a passing reason is retried by it).

import type { AlmanacDb } from '../store/db';
import type { RunResult } from '../sync/engine';
import type { RetryPolicy } from '../sync/http';
import type { SyncPorts } from '../sync/ports';
import { parseScope, type Scope, todoistScope } from '../sync/scope';
import { createTodoistActions, type TodoistActions } from '../sync/todoist/actions';
import type { TodoistStorePort } from '../sync/todoist/store-port';

/** Quick add has no uuid (todoist spec §4): it is not idempotent, so it is sent ONCE here and a
 * passing failure is retried through the platform's quick-add outbox, never blindly in-line. The
 * commands (add/update/close/delete) do not use this client: the engine sends them by uuid. */
const QUICK_ADD_ONCE: RetryPolicy = { maxAttempts: 1, baseMs: 0, capMs: 0, maxInRunWaitMs: 0 };

export interface TodoistWritesDeps {
  readonly db: AlmanacDb;
  readonly store: TodoistStorePort;
  readonly ports: Pick<SyncPorts, 'fetch' | 'now' | 'sleep' | 'random' | 'tokens' | 'log'>;
  /** The Todoist API origin in force (build default or the options' override). */
  readonly baseUrl: () => string;
  /** Runs one scope the way every run goes (sync-service.ts `sync`). */
  readonly run: (scope: Scope, reason: string) => Promise<RunResult>;
  /** After a push: alarms and badge in line with the scope's new state. */
  readonly afterRun: () => Promise<void>;
}

/** What became of one queued write once its push ran. */
export type WriteState =
  /** Todoist confirmed it (the outbox row is gone). */
  | { readonly state: 'saved' }
  /** Still queued (offline, 5xx, rate limit): the scheduler sends it again. */
  | { readonly state: 'queued'; readonly error?: string }
  /** Todoist refused it: kept as failed, shown in the popup with Retry / Discard. */
  | { readonly state: 'failed'; readonly error: string };

export interface TodoistWrites {
  actions(): TodoistActions;
  /** Where the write `outboxId` stands now (after its push). */
  stateOf(outboxId: string): Promise<WriteState>;
  /** Sends what is queued for the account now (after a retry). */
  push(sourceId: string): Promise<RunResult>;
}

export function createTodoistWrites(deps: TodoistWritesDeps): TodoistWrites {
  let built: { readonly baseUrl: string; readonly actions: TodoistActions } | undefined;

  async function run(scope: Scope | string, reason: string): Promise<RunResult> {
    try {
      return await deps.run(typeof scope === 'string' ? parseScope(scope) : scope, reason);
    } finally {
      await deps.afterRun();
    }
  }

  return {
    actions() {
      const baseUrl = deps.baseUrl();
      if (built?.baseUrl !== baseUrl) {
        built = {
          baseUrl,
          actions: createTodoistActions({
            ports: deps.ports,
            engine: { sync: run },
            store: deps.store,
            baseUrl,
            retry: QUICK_ADD_ONCE,
          }),
        };
      }
      return built.actions;
    },
    async stateOf(outboxId) {
      const row = await deps.db.outbox.get(outboxId);
      if (!row) return { state: 'saved' };
      if (row.status === 'failed') {
        return { state: 'failed', error: row.lastError?.message ?? 'Todoist refused the change.' };
      }
      return row.lastError
        ? { state: 'queued', error: row.lastError.message }
        : { state: 'queued' };
    },
    push: (sourceId) => run(todoistScope(sourceId), 'outbox'),
  };
}
