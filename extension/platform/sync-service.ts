// Runs the engine on behalf of alarms, messages and sign-ins, and keeps everything around a run in
// step: the activity rows (progress), the scope's lease alarm, the badge, the context menus after
// a calendar-list run, and the alarm schedule after every batch.

import type { RunResult } from '../sync/engine';
import type { LogPort } from '../sync/ports';
import { parseScope, type Scope } from '../sync/scope';
import type { SyncStore } from '../sync/store-port';
import type { Activity } from './activity';
import { SAFETY_ALARM, scopeOfAlarm } from './alarm-plan';
import type { AlarmScheduler } from './alarm-scheduler';
import { badgeFor, showBadge } from './badge';
import type { ActionApi } from './browser-api';
import type { EngineHost } from './engine-host';

export interface SyncServiceDeps {
  readonly host: EngineHost;
  readonly store: SyncStore;
  readonly activity: Activity;
  readonly scheduler: AlarmScheduler;
  readonly action: ActionApi;
  readonly log: LogPort;
  /** After a calendar-list run: the calendars may have changed (context menus). */
  readonly onCalendarsChanged: () => Promise<void>;
  /** Any extension API call: keeps the service worker alive during long runs. */
  readonly ping: () => Promise<unknown>;
  readonly timers: {
    setInterval(fn: () => void, ms: number): unknown;
    clearInterval(handle: unknown): void;
  };
  /** After every run (the relay links a Todoist account once its first run knows the user). */
  readonly afterRun?: (scope: Scope, result: RunResult) => Promise<void>;
  /** The set of known scopes changed (a calendar selected or deselected, an account added or
   * removed, a calendar-list run that found new calendars): seen when the schedule is refreshed,
   * which every such change ends with. The first refresh of a worker counts as a change. */
  readonly onScopesChanged?: (scopes: readonly Scope[]) => void;
}

export interface SyncService {
  sync(scope: Scope, reason: string): Promise<RunResult>;
  /** Everything due (catch-up after a restart, alarms): calendar lists first. */
  runDue(reason: string): Promise<RunResult[]>;
  /** Worker start: what is due, plus the scopes whose runs a stopped worker left unfinished
   * (their state was never updated, so they may not look due). */
  catchUp(interrupted: readonly string[]): Promise<RunResult[]>;
  /** "Sync now": one scope, or every known scope whether due or not. */
  syncNow(scopeId?: string): Promise<RunResult[]>;
  /** Drops every cursor, then syncs all: each scope re-lists in full (rows replaced atomically). */
  resetAndResync(): Promise<RunResult[]>;
  /** Alarms and badge in line with the scopes' states. */
  refreshSchedule(): Promise<void>;
  refreshBadge(): Promise<void>;
  /** Returns false for alarms it does not own. */
  onAlarm(name: string): Promise<boolean>;
}

/** Keep-alive and lease renewal period while a run is in flight: under the 30 s idle timeout. */
export const KEEPALIVE_MS = 20_000;

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const { host, store, activity, scheduler } = deps;
  let keepAlive: unknown;

  function startKeepAlive() {
    if (keepAlive !== undefined) return;
    keepAlive = deps.timers.setInterval(() => {
      const running = activity.inFlight();
      if (running.length === 0) {
        deps.timers.clearInterval(keepAlive);
        keepAlive = undefined;
        return;
      }
      void deps.ping().catch(() => undefined);
      for (const scope of running) void scheduler.lease(scope).catch(() => undefined);
    }, KEEPALIVE_MS);
  }

  async function refreshBadge() {
    const states = await store.listScopeStates();
    await showBadge(deps.action, badgeFor({ syncing: activity.inFlight().length, states }));
  }

  async function sync(scope: Scope, reason: string): Promise<RunResult> {
    await activity.begin(scope.id, reason);
    try {
      await scheduler.lease(scope.id);
      startKeepAlive();
      await refreshBadge();
      const result = await host.engine().sync(scope, reason);
      if (scope.kind === 'calendar-list') await deps.onCalendarsChanged();
      await deps.afterRun?.(scope, result).catch((err: unknown) => {
        deps.log.warn('after-run hook failed', { scope: scope.id, err });
      });
      return result;
    } finally {
      await activity.end(scope.id);
    }
  }

  let knownIds: string | undefined;
  async function refreshSchedule() {
    const scopes = await host.engine().knownScopes();
    await scheduler.reconcile(scopes, await store.listScopeStates());
    await refreshBadge();
    const ids = scopes
      .map((s) => s.id)
      .sort()
      .join('\n');
    if (ids !== knownIds) {
      knownIds = ids;
      deps.onScopesChanged?.(scopes);
    }
  }

  /** Calendar lists first (they add and remove calendars), then the calendars they imply. */
  async function runScopes(pick: () => Promise<Scope[]>, reason: string) {
    const results: RunResult[] = [];
    try {
      for (const scope of await pick()) {
        if (scope.kind === 'calendar-list') results.push(await sync(scope, reason));
      }
      for (const scope of await pick()) {
        if (scope.kind !== 'calendar-list') results.push(await sync(scope, reason));
      }
    } finally {
      await refreshSchedule();
    }
    return results;
  }

  const notRunning = (scopes: Scope[]) => {
    const running = new Set(activity.inFlight());
    return scopes.filter((s) => !running.has(s.id));
  };

  /** Due scopes plus the named ones that still exist, none already running here. */
  async function dueAnd(extra: readonly string[]): Promise<Scope[]> {
    const engine = host.engine();
    const due = await engine.dueScopes();
    const ids = new Set(due.map((s) => s.id));
    const known = await engine.knownScopes();
    const named = known.filter((s) => extra.includes(s.id) && !ids.has(s.id));
    return notRunning([...due, ...named]);
  }

  const service: SyncService = {
    sync,
    runDue: (reason) => runScopes(() => dueAnd([]), reason),
    catchUp: (interrupted) => runScopes(() => dueAnd(interrupted), 'startup'),
    async syncNow(scopeId) {
      if (scopeId === undefined) {
        return runScopes(() => host.engine().knownScopes(), 'manual');
      }
      const scope = parseScope(scopeId);
      const results = [await sync(scope, 'manual')];
      // A list run may have added calendars: they are due at once.
      if (scope.kind === 'calendar-list') results.push(...(await service.runDue('manual')));
      else await refreshSchedule();
      return results;
    },
    async resetAndResync() {
      const engine = host.engine();
      for (const scope of await engine.knownScopes()) await engine.clearCursor(scope);
      return runScopes(() => host.engine().knownScopes(), 'reset');
    },
    refreshSchedule,
    refreshBadge,
    async onAlarm(name) {
      if (name === SAFETY_ALARM) {
        await service.runDue('safety');
        return true;
      }
      const scopeId = scopeOfAlarm(name);
      if (scopeId === undefined) return false;
      if (activity.inFlight().includes(scopeId)) {
        // Our own lease came due while the run is still going: push it on.
        await scheduler.lease(scopeId);
        return true;
      }
      // The alarm's own scope runs even when it does not look due: a lease alarm means its run
      // was cut short (the worker stopped) before it could record anything.
      await runScopes(() => dueAnd([scopeId]), 'alarm');
      return true;
    },
  };
  return service;
}
