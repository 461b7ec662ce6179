// One run of a Todoist account (todoist spec §2–§3), a ScopeRunner (provider.ts says why):
// 1. the queued commands (outbox, in order, ≤ 100) ride on the incremental sync request — one
//    request both pushes and pulls, and its answer already holds our own commands' effects;
// 2. the answer is applied in ONE transaction with its token (the cursor invariant): a full
//    answer (`full_sync: true`, asked for or not) replaces the account's rows, an incremental
//    one merges (`is_deleted` → delete, `checked` → kept as done); acknowledged commands leave
//    the outbox in that same transaction, so nothing flickers;
// 3. a DELAYED full sync (`full_sync_date_utc` behind the request) is followed at once by an
//    incremental sync from its token, and both answers are applied together — the delayed data
//    alone would hide what changed since (our own commands included);
// 4. more than 100 queued commands → further requests in the same run.
// A quiet run (no remote change, nothing queued) is one request and writes no synced data.
import type { CursorState, OutboxRecord } from '../../store/records';
import { toErrorInfo } from '../errors';
import type { RunContext, ScopeRunner } from '../provider';
import { reconcileDue, type SchedulePolicy } from '../scheduler';
import type { TodoistScope } from '../scope';
import type { TodoistClient } from './client';
import {
  afterSendFailure,
  type CommandOutcome,
  commandOf,
  commandOutcome,
  MAX_COMMANDS,
} from './commands';
import type { SyncAnswer } from './schemas';
import type { TodoistStep, TodoistStorePort } from './store-port';

export interface TaskSyncOptions {
  /** A full answer stamped further than this behind its request is "delayed" (spec §2). The
   * stamp has whole seconds and clocks drift; a false alarm costs one incremental request. */
  readonly delayedFullSyncMs: number;
  /** Requests in one run (delayed-full follow-ups, further command batches). */
  readonly maxRequestsPerRun: number;
}

export const DEFAULT_TASK_SYNC: TaskSyncOptions = {
  delayedFullSyncMs: 5_000,
  maxRequestsPerRun: 4,
};

export interface TaskSyncDeps {
  readonly store: TodoistStorePort;
  readonly clientFor: (sourceId: string) => TodoistClient;
  readonly now: () => number;
  readonly random: () => number;
  readonly options?: Partial<TaskSyncOptions>;
}

export function createTodoistTaskProvider(deps: TaskSyncDeps): ScopeRunner<TodoistScope> {
  const options = { ...DEFAULT_TASK_SYNC, ...deps.options };
  return {
    key: 'todoist:account',
    clearCursor: (scope) => deps.store.clearCursor(scope.sourceId),
    run: (scope, context) => runAccount(deps, options, scope, context),
  };
}

interface Held {
  readonly step: TodoistStep;
  readonly answer: SyncAnswer;
  readonly batch: readonly OutboxRecord[];
}

async function runAccount(
  deps: TaskSyncDeps,
  options: TaskSyncOptions,
  scope: TodoistScope,
  ctx: RunContext,
): Promise<void> {
  const { store, now } = deps;
  const { sourceId } = scope;
  const { progress } = ctx;
  if (!(await store.live(sourceId))) {
    progress.outcome = 'skipped';
    return;
  }
  let cursor = (await store.readState(sourceId))?.cursor;
  // The weekly safety reconcile is a full sync (DESIGN §2), cheap here: one request of 100/15 min.
  const reconcile =
    cursor && reconcileDue(scope.id, cursor.fullSyncedAt, ctx.startedAt, ctx.policy);
  let token = cursor && !reconcile ? cursor.token : '*';
  const client = deps.clientFor(sourceId);
  const sent = new Set<string>();
  let held: Held[] = [];

  for (let n = 0; n < options.maxRequestsPerRun; n++) {
    const queue = held.length > 0 ? [] : await unsentCommands(deps, sourceId, sent);
    const batch = queue.slice(0, MAX_COMMANDS);
    const requestedAt = now();
    let answer: SyncAnswer;
    try {
      answer = await client.sync(
        { syncToken: token, commands: batch.flatMap((r) => commandOf(r) ?? []) },
        ctx.meter,
      );
    } catch (err) {
      // The commands stay queued, uuids unchanged: re-sending them later is safe (spec §3).
      const info = toErrorInfo(err, now());
      await store.updateOutbox(batch.map((r) => afterSendFailure(r, info, now(), deps.random)));
      throw err;
    }
    for (const row of batch) sent.add(row.id);
    progress.pages += 1;
    if (answer.full_sync) {
      progress.mode = 'full';
      // The server replaced an incremental answer with a full one (spec §2 [open]: also what an
      // unknown token gets): a forced resync, like Google's expired token.
      if (token !== '*') progress.fullResync = true;
    } else if (progress.mode === 'none') progress.mode = 'incremental';
    held.push({ step: toStep(answer), answer, batch });
    token = answer.sync_token;

    const delayed = answer.full_sync && isDelayed(answer, requestedAt, options);
    const lastChance = n + 1 >= options.maxRequestsPerRun;
    if (delayed && !lastChance) continue; // spec §2: follow with an incremental sync at once.

    // A delayed answer that could not be followed up does not cover our commands' effects:
    // they stay queued (and are re-sent, harmlessly) rather than being acknowledged.
    const outcomes = delayed ? new Map<string, CommandOutcome>() : outcomesOf(deps, held);
    const full = held.some((h) => h.step.full);
    const received = held.reduce((sum, h) => sum + receivedIn(h.answer), 0);
    const next = nextCursor(cursor, token, full, received, ctx.startedAt, now(), ctx.policy);
    if (next !== cursor || received > 0 || outcomes.size > 0) {
      const result = await store.apply(sourceId, {
        steps: held.map((h) => h.step),
        outcomes,
        cursor: next,
      });
      progress.changes += result.writes;
      if (result.scopeGone) {
        progress.outcome = 'skipped';
        return;
      }
    }
    cursor = next;
    held = [];
    if (delayed || lastChance || (await unsentCommands(deps, sourceId, sent)).length === 0) break;
  }

  const left = await store.pendingCommands(sourceId);
  if (left.some((r) => !sent.has(r.id))) progress.wakeAt = now();
  else if (left.length > 0) progress.wakeAt = Math.min(...left.map((r) => r.nextAttemptAt));
}

/** Queued rows not yet sent in this run; a row this version cannot read is failed, not sent. */
async function unsentCommands(
  deps: TaskSyncDeps,
  sourceId: string,
  sent: ReadonlySet<string>,
): Promise<OutboxRecord[]> {
  const rows = (await deps.store.pendingCommands(sourceId)).filter((r) => !sent.has(r.id));
  const unreadable = rows.filter((r) => commandOf(r) === undefined);
  if (unreadable.length > 0) {
    const at = deps.now();
    const error = { name: 'BadCommand', message: 'queued by another version; cannot be sent', at };
    await deps.store.updateOutbox(
      unreadable.map((r) => ({ ...r, status: 'failed' as const, lastError: error })),
    );
  }
  return rows.filter((r) => commandOf(r) !== undefined);
}

function toStep(answer: SyncAnswer): TodoistStep {
  const timeZone = answer.user?.tz_info?.timezone;
  const inbox = answer.user?.inbox_project_id;
  const userId = answer.user?.id;
  return {
    full: answer.full_sync,
    items: answer.items ?? [],
    projects: answer.projects ?? [],
    sections: answer.sections ?? [],
    labels: answer.labels ?? [],
    ...(timeZone ? { timeZone } : {}),
    ...(inbox ? { inboxProjectId: inbox } : {}),
    ...(userId === undefined || userId === '' ? {} : { userId: String(userId) }),
    tempIdMapping: answer.temp_id_mapping,
  };
}

function receivedIn(answer: SyncAnswer): number {
  const lists = [answer.items, answer.projects, answer.sections, answer.labels];
  return lists.reduce((sum, l) => sum + (l?.length ?? 0), 0) + (answer.user ? 1 : 0);
}

function isDelayed(answer: SyncAnswer, requestedAt: number, options: TaskSyncOptions): boolean {
  const stamp = answer.full_sync_date_utc ? Date.parse(answer.full_sync_date_utc) : Number.NaN;
  return !Number.isNaN(stamp) && stamp < requestedAt - options.delayedFullSyncMs;
}

function outcomesOf(deps: TaskSyncDeps, held: readonly Held[]): Map<string, CommandOutcome> {
  const at = deps.now();
  const outcomes = new Map<string, CommandOutcome>();
  for (const h of held) {
    for (const row of h.batch) {
      const status = h.answer.sync_status[row.id];
      outcomes.set(row.id, commandOutcome(status, row.attempts + 1, at, deps.random));
    }
  }
  return outcomes;
}

/** Like run.ts for Google: a quiet incremental answer keeps the stored token, so a quiet run
 * writes nothing; it is refreshed once it is tokenRefreshMs old. [open] How long an older
 * Todoist token stays usable is undocumented; if Todoist refused it, it would answer with a full
 * sync (spec §2 [open]), which we apply as a replace — a cost in budget, never lost data. */
function nextCursor(
  stored: CursorState | undefined,
  token: string,
  full: boolean,
  received: number,
  startedAt: number,
  now: number,
  policy: SchedulePolicy,
): CursorState {
  if (!full && stored) {
    const fresh = now - stored.savedAt < policy.tokenRefreshMs;
    if (token === stored.token || (received === 0 && fresh)) return stored;
  }
  return { token, fullSyncedAt: full || !stored ? startedAt : stored.fullSyncedAt, savedAt: now };
}
