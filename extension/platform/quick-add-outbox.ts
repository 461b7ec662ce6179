// Runs a quick add and reports it; a request that fails for a passing reason (offline, 5xx, rate
// limit) is filed in the store's `outbox` table and retried with backoff by the outbox alarm. Only
// the kinds below are ours: other outbox rows (two-way sync, later) are left alone.
import type { AlmanacDb } from '../store/db';
import type { ErrorInfo, OutboxRecord } from '../store/records';
import { fullJitterDelay } from '../sync/backoff';
import { AuthExpired, retryAfterOf, SyncError, toErrorInfo } from '../sync/errors';
import type { TodoistActions } from '../sync/todoist/actions';
import type { Endpoints } from './build-config';
import type { Notifier } from './notifier';
import type { ProviderCalls } from './provider-calls';
import {
  type Created,
  outboxScopeOf,
  performQuickAdd,
  type QuickAddRequest,
  quickAddRequestSchema,
} from './quick-add';

export const QUICK_ADD_KIND = 'quick-add';
/** After this many attempts a queued request is given up (and the user told). */
export const MAX_ATTEMPTS = 8;
const BACKOFF = { baseMs: 60_000, capMs: 60 * 60_000 };
const MIN_DELAY_MS = 30_000;

export type QuickAddOutcome =
  | { readonly status: 'created'; readonly title: string; readonly link: string }
  | { readonly status: 'queued'; readonly outboxId: string; readonly error: ErrorInfo }
  | { readonly status: 'failed'; readonly error: ErrorInfo };

export interface QuickAddService {
  submit(request: QuickAddRequest): Promise<QuickAddOutcome>;
  /** Retries due rows; returns when the next one is due (or undefined). */
  drain(): Promise<number | undefined>;
  nextDue(): Promise<number | undefined>;
}

export interface QuickAddServiceDeps {
  readonly db: AlmanacDb;
  readonly calls: ProviderCalls;
  /** Todoist quick add goes through the engine's actions (budget; stored at once). */
  readonly todoist: () => Pick<TodoistActions, 'quickAdd'>;
  readonly endpoints: () => Endpoints;
  readonly notifier: Notifier;
  readonly now: () => number;
  readonly random: () => number;
  readonly newId: () => string;
  /** A created item should show up locally: sync its scope (not awaited). */
  readonly afterCreated: (scope: string) => void;
  readonly scheduleRetry: (at: number | undefined) => Promise<void>;
}

const isPassing = (err: unknown) => err instanceof SyncError && err.retryable;

export function createQuickAddService(deps: QuickAddServiceDeps): QuickAddService {
  const { db, now } = deps;

  async function attempt(request: QuickAddRequest): Promise<Created> {
    const created = await performQuickAdd(
      { db, calls: deps.calls, todoist: deps.todoist, endpoints: deps.endpoints() },
      request,
    );
    if (created.scope) deps.afterCreated(created.scope);
    return created;
  }

  async function reportCreated(created: Created, request: QuickAddRequest) {
    await deps.notifier.notify({
      title: request.target === 'google' ? 'Event added' : 'Task added',
      message: created.title,
      link: created.link,
    });
  }

  async function reportFailed(error: unknown, request: QuickAddRequest) {
    const what = request.target === 'google' ? 'the event' : 'the task';
    const message =
      error instanceof AuthExpired
        ? 'Sign in again from Almanac’s options, then retry.'
        : error instanceof Error
          ? error.message
          : String(error);
    await deps.notifier.notify({ title: `Could not add ${what}`, message });
  }

  async function nextDue(): Promise<number | undefined> {
    const rows = await db.outbox
      .orderBy('nextAttemptAt')
      .filter((r) => r.kind === QUICK_ADD_KIND)
      .first();
    return rows?.nextAttemptAt;
  }

  function retryAt(attempts: number, error: unknown): number {
    const jitter = fullJitterDelay(attempts - 1, BACKOFF, deps.random);
    return now() + Math.max(MIN_DELAY_MS, retryAfterOf(error) ?? 0, jitter);
  }

  return {
    async submit(request) {
      try {
        const created = await attempt(request);
        await reportCreated(created, request);
        return { status: 'created', title: created.title, link: created.link };
      } catch (err) {
        const error = toErrorInfo(err, now());
        if (!isPassing(err)) {
          await reportFailed(err, request);
          return { status: 'failed', error };
        }
        const row: OutboxRecord = {
          id: deps.newId(),
          scope: await outboxScopeOf(request, db),
          kind: QUICK_ADD_KIND,
          payload: request,
          attempts: 1,
          nextAttemptAt: retryAt(1, err),
          lastError: error,
        };
        await db.outbox.put(row);
        await deps.scheduleRetry(await nextDue());
        await deps.notifier.notify({
          title: 'Saved — will add when reachable',
          message: request.target === 'google' ? request.text : 'Todoist is not reachable now.',
          contextMessage: error.message,
        });
        return { status: 'queued', outboxId: row.id, error };
      }
    },

    async drain() {
      const due = await db.outbox
        .where('nextAttemptAt')
        .belowOrEqual(now())
        .filter((r) => r.kind === QUICK_ADD_KIND)
        .toArray();
      for (const row of due) {
        const parsed = quickAddRequestSchema.safeParse(row.payload);
        if (!parsed.success) {
          await db.outbox.delete(row.id); // written by an older version: cannot be replayed
          continue;
        }
        const request = parsed.data;
        try {
          const created = await attempt(request);
          await db.outbox.delete(row.id);
          await reportCreated(created, request);
        } catch (err) {
          const attempts = row.attempts + 1;
          if (!isPassing(err) || attempts > MAX_ATTEMPTS) {
            await db.outbox.delete(row.id);
            await reportFailed(err, request);
            continue;
          }
          await db.outbox.put({
            ...row,
            attempts,
            nextAttemptAt: retryAt(attempts, err),
            lastError: toErrorInfo(err, now()),
          });
        }
      }
      const next = await nextDue();
      await deps.scheduleRetry(next);
      return next;
    },
    nextDue,
  };
}
