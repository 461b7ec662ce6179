// The push path in the background (DESIGN §4): the relay client (sync/push/relay-client.ts) runs
// while a relay is configured and an account exists; its notifications go through the push router
// to the sync service. Google calendars reach the stream through watch channels that the calendar
// watcher (sync/google/watch.ts) keeps in step with the calendars, the relay and the stream. While
// the stream is live, the scopes it covers (push-coverage.ts) poll slowly (sync/scheduler.ts
// pushedScopes); when it drops, they return to the regular interval at once. A dead relay
// therefore costs latency, never data.
//
// Service-worker lifetime: nothing here relies on the worker staying up. Every worker start calls
// refresh(), and the client resumes with Last-Event-ID from the last event handled; alarms wake
// the worker at least every safety-poll interval. While bytes arrive (the relay pings every
// 15 s) the client calls `ping` — an extension API call, which resets the worker's idle timer.
import { createWatchStore } from '../store/calendar-watch';
import type { AlmanacDb } from '../store/db';
import { type CalendarWatcher, createCalendarWatcher } from '../sync/google/watch';
import type { LogPort, TokenPort } from '../sync/ports';
import { createPushRouter, type PushRouter } from '../sync/push/push-router';
import { createRelayApi } from '../sync/push/relay-api';
import { createRelayClient, type RelayClient } from '../sync/push/relay-client';
import type { RelayStatus } from '../sync/push/relay-status';
import { DEFAULT_SCHEDULE, withRegularInterval } from '../sync/scheduler';
import { parseScope, type Scope } from '../sync/scope';
import type { SyncStore } from '../sync/store-port';
import type { EngineHost } from './engine-host';
import { NO_COVERAGE, type PushCoverage, pushCoverage } from './push-coverage';
import { createPushLookup, createRelayCursor } from './relay-lookup';
import { createRelayRegistration, type RelayRegistration } from './relay-registration';
import { createRelayWatchPort } from './relay-watch-port';
import type { SecretVault } from './secret-vault';

export interface RelayServiceDeps {
  readonly db: AlmanacDb;
  readonly store: SyncStore;
  readonly vault: SecretVault;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly log: LogPort;
  /** Google access tokens (watch channels are created and stopped with the account's). */
  readonly tokens: TokenPort;
  readonly googleApiBase: () => string;
  readonly relayUrl: () => string;
  readonly host: EngineHost;
  /** A run through the sync service (activity, lease, badge), then the alarms brought in line. */
  readonly sync: (scope: Scope, reason: string) => Promise<unknown>;
  readonly refreshSchedule: () => Promise<void>;
  /** Any extension API call (keeps the worker alive while the stream delivers). */
  readonly ping: () => Promise<unknown>;
}

export interface RelayService {
  readonly router: PushRouter;
  readonly registration: RelayRegistration;
  readonly watcher: CalendarWatcher;
  /** The stream's state, with what it covers while live. */
  status(): RelayStatus;
  /** Runs the client when a relay is configured and an account exists; otherwise stops it and
   * retires the subscriber (nothing is left at the relay once the last one signs out). */
  refresh(): Promise<void>;
  /** The relay URL changed or was cleared: the old subscriber goes (best effort), then refresh. */
  relayUrlChanged(): Promise<void>;
  /** After an account change or a Todoist run (which may have learned the user id). */
  accountsChanged(): Promise<void>;
  /** The calendars may need channels made, renewed or stopped (a calendar-list run, a change of
   * the synced calendars): one watcher pass in the background, then coverage. */
  calendarsChanged(): void;
  /** Before an account's rows are wiped: its channels are stopped while we can still sign. */
  releaseAccount(sourceId: string): Promise<void>;
  stop(): Promise<void>;
  /** Every notification read so far handled, every run and watcher pass it caused finished. */
  idle(): Promise<void>;
}

export function createRelayService(deps: RelayServiceDeps): RelayService {
  const { db, log } = deps;
  const api = createRelayApi(deps.fetch);
  const registration = createRelayRegistration({
    db,
    vault: deps.vault,
    api,
    log,
    relayUrl: deps.relayUrl,
  });
  const lookup = createPushLookup(db);
  const router = createPushRouter({
    now: deps.now,
    sleep: deps.sleep,
    log,
    lookup,
    async sync(scope, reason) {
      await deps.sync(scope, reason);
      await deps.refreshSchedule();
    },
    scopes: () => deps.host.engine().knownScopes(),
  });
  let client: RelayClient | undefined;
  let status: RelayStatus = { state: 'off', since: deps.now() };
  let covering: PushCoverage = NO_COVERAGE;
  /** The `since` of the live period `covering` was computed in: until it is, the status does not
   * say live (it could not yet say what is covered). */
  let coveredSince: number | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const background = new Set<Promise<unknown>>();
  const report = (what: string) => (err: unknown) => log.warn(`${what} failed`, { err });
  const inBackground = (work: Promise<unknown>, what: string) => {
    const p = work.catch(report(what));
    background.add(p);
    void p.finally(() => background.delete(p));
  };

  const relayPort = createRelayWatchPort({
    relayUrl: deps.relayUrl,
    registration,
    api,
    live: () => status.state === 'live',
  });
  const watcher = createCalendarWatcher({
    ports: {
      fetch: deps.fetch,
      now: deps.now,
      sleep: deps.sleep,
      random: deps.random,
      tokens: deps.tokens,
      log,
    },
    store: createWatchStore(db),
    baseUrl: deps.googleApiBase,
    relay: relayPort,
  });

  /** A watcher pass, then the schedule in line with what it left. */
  const watchCalendars = () =>
    inBackground(
      watcher.maintain().then(() => coverage()),
      'watch channels',
    );

  function startClient() {
    if (client) {
      client.start(); // no-op while it runs; restarts one that turned itself off
      return;
    }
    const c = createRelayClient({
      ports: {
        fetch: deps.fetch,
        now: deps.now,
        sleep: deps.sleep,
        random: deps.random,
        log,
      },
      credentials: () => registration.credentials(),
      reregister: () => registration.reregister(),
      cursor: createRelayCursor(db),
      handlers: {
        async notification(n) {
          await router.handle(n);
          // A channel no calendar knows keeps costing messages: stop it (watch.ts stranger).
          if (n.provider === 'google' && !(await lookup.calendarOfChannel(n.channelId))) {
            await watcher.stranger(n);
          }
        },
        resync: (reason) => router.resyncAll(`push-${reason}`),
      },
      onActivity: () => {
        void Promise.resolve()
          .then(deps.ping)
          .catch(() => undefined);
      },
    });
    c.subscribe((next) => {
      if (client !== c) return; // a stopped client winding down
      const wasLive = status.state === 'live';
      status = next;
      const isLive = next.state === 'live';
      if (wasLive === isLive) return;
      // Live again (a new worker, a reconnect, a new subscriber): channels are made or renewed;
      // either way coverage follows the stream.
      inBackground(coverage(), 'push coverage');
      if (isLive) watchCalendars();
    });
    client = c;
    c.start();
  }

  async function stopClient() {
    const c = client;
    client = undefined;
    if (c) await c.stop();
    status = { state: 'off', since: deps.now() };
    await coverage();
  }

  /** Engine schedule in line with coverage; a scope push no longer covers comes back to the
   * regular interval (also re-checked after every run, so a run finishing on the old schedule
   * just as the stream dropped is pulled in too). */
  function coverage(): Promise<void> {
    return serial(async () => {
      const seen = status;
      covering = await pushCoverage({
        db,
        vault: deps.vault,
        live: seen.state === 'live',
        linked: await registration.linked(),
        target: await relayPort.target(),
        now: deps.now(),
      });
      coveredSince = seen.state === 'live' ? seen.since : undefined;
      const pushed = covering.pushed;
      const shape = deps.host.shape();
      if (shape.pushedScopes.join('\n') !== pushed.join('\n')) {
        deps.host.configure({ ...shape, pushedScopes: pushed });
      }
      const now = deps.now();
      let moved = false;
      for (const state of await deps.store.listScopeStates()) {
        if (!pushable(state.scope) || pushed.includes(state.scope)) continue;
        const next = withRegularInterval(state, parseScope(state.scope), now, DEFAULT_SCHEDULE);
        if (next === state) continue;
        await deps.store.putScopeState(next);
        moved = true;
      }
      if (moved) await deps.refreshSchedule();
    });
  }

  async function refresh() {
    // Without any account the stream would carry nothing, and "Live" would not be true.
    const accounts = await db.sources.count();
    const wanted = deps.relayUrl() !== '' && accounts > 0;
    if (wanted) {
      startClient();
      return;
    }
    await stopClient();
    await registration.retire();
  }

  return {
    router,
    registration,
    watcher,
    status() {
      if (status.state !== 'live') return status;
      // Live, but what it covers is still being worked out (a few store reads).
      if (coveredSince !== status.since) return { ...status, state: 'connecting' };
      return {
        ...status,
        coverage: { pushed: covering.pushed.length, polled: [...covering.polled] },
      };
    },
    refresh,
    async relayUrlChanged() {
      await stopClient();
      // Cleared: every channel is stopped now (the account can still sign the calls). Changed:
      // they stay until the new relay's subscriber exists, then are replaced (watch-plan.ts).
      await watcher.maintain().catch(report('watch channels'));
      await refresh();
    },
    async accountsChanged() {
      await registration.reconcileLinks();
      await refresh();
      await coverage();
      watchCalendars();
    },
    calendarsChanged: watchCalendars,
    releaseAccount: (sourceId) => watcher.release(sourceId),
    stop: stopClient,
    async idle() {
      for (;;) {
        await client?.idle();
        await router.idle();
        await watcher.idle();
        await Promise.all([...background]);
        await queue;
        if (background.size === 0) return;
      }
    },
  };
}

/** Scopes push can cover: calendars and Todoist accounts (calendar lists always poll). */
function pushable(scope: string): boolean {
  return scope.startsWith('todoist:') || scope.startsWith('google:calendar:');
}
