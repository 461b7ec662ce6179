// The sync engine (DESIGN §2): single-flight per scope, typed failures turned into scheduling
// state, every run audited. Providers do the talking; the store port does the writing.
import type { RunRecord, ScopeState } from '../store/records';
import { isCalendarSelected } from '../store/selection';
import { AuthExpired, retryAfterOf, SyncError, toErrorInfo } from './errors';
import type { SyncPorts } from './ports';
import { isScopeRunner, type ProviderRegistry } from './provider';
import { pullAndApplyScope, type RunProgress } from './run';
import { createRunStats } from './run-stats';
import {
  DEFAULT_SCHEDULE,
  isDue,
  nextRunAfterFailure,
  nextRunAfterSuccess,
  type SchedulePolicy,
} from './scheduler';
import { calendarListScope, calendarScope, parseScope, type Scope, todoistScope } from './scope';

/** A run's audit row (as `runs` stores it, less the error) and the scope's state after it. */
export interface RunResult extends Omit<RunRecord, 'seq' | 'error'> {
  readonly state: ScopeState;
}

export interface SyncEngine {
  /** Single-flight per scope: a call during a run marks the scope dirty and resolves after
   * exactly one follow-up run (however many calls arrived meanwhile). Never throws for expected
   * failures: they are in the result's state. */
  sync(scope: Scope | string, reason: string): Promise<RunResult>;
  /** Every scope the store implies: each Google source's calendar list and selected calendars,
   * and each Todoist source's account — when this engine has a provider for it. */
  knownScopes(): Promise<Scope[]>;
  dueScopes(now?: number): Promise<Scope[]>;
  /** Runs what is due: calendar lists first (they may add or remove calendars), then calendars. */
  runDue(reason?: string): Promise<RunResult[]>;
  /** After the user signs in again: scopes parked in needs-sign-in become due now. */
  resumeSource(sourceId: string): Promise<void>;
  /** Drops the scope's cursor, whatever its kind: its next run is a full listing whose result
   * replaces the stored rows atomically ("reset and resync"). */
  clearCursor(scope: Scope | string): Promise<void>;
}

interface Flight {
  dirty: boolean;
  done: Promise<RunResult>;
}

export interface EngineOptions {
  readonly ports: SyncPorts;
  readonly providers: ProviderRegistry;
  readonly schedule?: Partial<SchedulePolicy>;
}

export function createSyncEngine(options: EngineOptions): SyncEngine {
  const { ports, providers } = options;
  const policy: SchedulePolicy = { ...DEFAULT_SCHEDULE, ...options.schedule };
  const flights = new Map<string, Flight>();

  async function runOnce(scope: Scope, reason: string): Promise<RunResult> {
    const startedAt = ports.now();
    const stats = createRunStats();
    const provider = providers.get(scope);
    const progress: RunProgress = {
      mode: 'none',
      pages: 0,
      changes: 0,
      fullResync: false,
      outcome: 'ok',
    };
    let error: unknown;
    try {
      if (isScopeRunner(provider)) {
        await provider.run(scope, { startedAt, meter: stats, progress, policy });
      } else {
        const collection = provider.collection(ports.store);
        const deps = { provider, collection, now: ports.now, stats, policy };
        await pullAndApplyScope(deps, scope, startedAt, progress);
      }
    } catch (err) {
      error = err;
      progress.outcome = 'error';
      const log = err instanceof SyncError ? ports.log.warn : ports.log.error;
      log(`sync ${scope.id} failed`, { error: toErrorInfo(err, ports.now()) });
    }
    const finishedAt = ports.now();
    const previous = await ports.store.getScopeState(scope.id);
    const state = nextState(scope, previous, error, startedAt, finishedAt, progress.wakeAt);
    // A scope that no longer exists gets no scheduling row (its old one went with it).
    if (progress.outcome !== 'skipped') await ports.store.putScopeState(state);
    const run: RunRecord = {
      scope: scope.id,
      reason,
      mode: progress.mode,
      pages: progress.pages,
      requests: stats.requests(),
      bytes: stats.bytes(),
      changes: progress.changes,
      fullResync: progress.fullResync,
      startedAt,
      durationMs: finishedAt - startedAt,
      outcome: progress.outcome,
      ...(state.lastError && error !== undefined ? { error: state.lastError } : {}),
    };
    const counters = [
      { name: `runs:${progress.outcome}`, value: 1 },
      ...(progress.fullResync ? [{ name: 'full-resyncs', value: 1 }] : []),
      ...stats.metricDeltas(),
    ];
    await ports.store.recordRun(run, counters);
    const { seq: _seq, error: _error, ...rest } = run;
    return { ...rest, state };
  }

  function nextState(
    scope: Scope,
    previous: ScopeState | undefined,
    error: unknown,
    startedAt: number,
    now: number,
    wakeAt: number | undefined,
  ): ScopeState {
    if (error === undefined) {
      return {
        scope: scope.id,
        status: 'ok',
        lastSyncAt: startedAt,
        lastSuccessAt: startedAt,
        consecutiveFailures: 0,
        nextRunAt: nextRunAfterSuccess(scope, startedAt, policy, wakeAt),
      };
    }
    const consecutiveFailures = (previous?.consecutiveFailures ?? 0) + 1;
    const base = {
      scope: scope.id,
      lastSyncAt: startedAt,
      ...(previous?.lastSuccessAt === undefined ? {} : { lastSuccessAt: previous.lastSuccessAt }),
      lastError: toErrorInfo(error, now),
      consecutiveFailures,
    };
    // AuthExpired reaching here already had its one retry with a renewed token (google/client.ts,
    // todoist/client.ts).
    if (error instanceof AuthExpired) return { ...base, status: 'needs-sign-in', nextRunAt: null };
    const retryAfter = retryAfterOf(error);
    return {
      ...base,
      status: 'retrying',
      nextRunAt: nextRunAfterFailure(consecutiveFailures, retryAfter, now, ports.random, policy),
    };
  }

  function sync(scopeOrId: Scope | string, reason: string): Promise<RunResult> {
    const scope = typeof scopeOrId === 'string' ? parseScope(scopeOrId) : scopeOrId;
    const current = flights.get(scope.id);
    if (current) {
      current.dirty = true;
      return current.done;
    }
    const flight = { dirty: false } as Flight;
    flights.set(scope.id, flight);
    flight.done = fly(scope, reason, flight);
    return flight.done;
  }

  async function fly(scope: Scope, reason: string, flight: Flight): Promise<RunResult> {
    const locked = (why: string) =>
      ports.lock.withLock(`almanac-sync:${scope.id}`, () => runOnce(scope, why));
    try {
      let result = await locked(reason);
      while (flight.dirty) {
        flight.dirty = false;
        result = await locked('follow-up');
      }
      return result;
    } finally {
      flights.delete(scope.id);
    }
  }

  async function knownScopes(): Promise<Scope[]> {
    const scopes: Scope[] = [];
    const todoist: Scope[] = [];
    for (const source of await ports.store.listSources()) {
      if (source.provider === 'todoist') {
        const scope = todoistScope(source.id);
        if (providers.has(scope)) todoist.push(scope);
        continue;
      }
      if (source.provider !== 'google') continue;
      scopes.push(calendarListScope(source.id));
      for (const calendar of await ports.store.listCalendars(source.id)) {
        if (isCalendarSelected(calendar)) scopes.push(calendarScope(source.id, calendar.id));
      }
    }
    return [...scopes, ...todoist];
  }

  async function dueScopes(now: number = ports.now()): Promise<Scope[]> {
    const states = new Map((await ports.store.listScopeStates()).map((s) => [s.scope, s]));
    return (await knownScopes()).filter((scope) => isDue(states.get(scope.id), now));
  }

  async function runDue(reason = 'schedule'): Promise<RunResult[]> {
    const now = ports.now();
    const results: RunResult[] = [];
    for (const scope of await dueScopes(now)) {
      if (scope.kind === 'calendar-list') results.push(await sync(scope, reason));
    }
    // Re-enumerated: the list runs may have added or removed calendars.
    for (const scope of await dueScopes(now)) {
      if (scope.kind !== 'calendar-list') results.push(await sync(scope, reason));
    }
    return results;
  }

  async function resumeSource(sourceId: string): Promise<void> {
    const now = ports.now();
    for (const state of await ports.store.listScopeStates()) {
      if (state.status !== 'needs-sign-in') continue;
      if (parseScope(state.scope).sourceId !== sourceId) continue;
      await ports.store.putScopeState({ ...state, status: 'retrying', nextRunAt: now });
    }
  }

  async function clearCursor(scopeOrId: Scope | string): Promise<void> {
    const scope = typeof scopeOrId === 'string' ? parseScope(scopeOrId) : scopeOrId;
    const provider = providers.get(scope);
    if (isScopeRunner(provider)) await provider.clearCursor(scope);
    else await provider.collection(ports.store).clearCursor(scope);
  }

  return { sync, knownScopes, dueScopes, runDue, resumeSource, clearCursor };
}
