// The push path in the background (DESIGN §4): the relay client (sync/push/relay-client.ts) runs
// while a relay is configured and a Todoist account exists; its notifications go through the push
// router to the sync service. While the stream is live, the Todoist accounts it covers poll
// slowly (sync/scheduler.ts todoistPushedIntervalMs); when it drops, they return to the regular
// interval at once. A dead relay therefore costs latency, never data.
//
// Service-worker lifetime: nothing here relies on the worker staying up. Every worker start calls
// refresh(), and the client resumes with Last-Event-ID from the last event handled; alarms wake
// the worker at least every safety-poll interval. While bytes arrive (the relay pings every
// 20 s) the client calls `ping` — an extension API call, which resets the worker's idle timer.
import type { AlmanacDb } from '../store/db';
import type { LogPort } from '../sync/ports';
import { createPushRouter, type PushRouter } from '../sync/push/push-router';
import { createRelayApi } from '../sync/push/relay-api';
import { createRelayClient, type RelayClient } from '../sync/push/relay-client';
import type { RelayStatus } from '../sync/push/relay-status';
import { DEFAULT_SCHEDULE, withRegularInterval } from '../sync/scheduler';
import { parseScope, type Scope, todoistScope } from '../sync/scope';
import type { SyncStore } from '../sync/store-port';
import type { EngineHost } from './engine-host';
import { createPushLookup, createRelayCursor } from './relay-lookup';
import { createRelayRegistration, type RelayRegistration } from './relay-registration';
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
  status(): RelayStatus;
  /** Runs the client when a relay is configured and a Todoist account exists; otherwise stops it
   * and retires the subscriber (nothing is left at the relay once the last one signs out). */
  refresh(): Promise<void>;
  /** The relay URL changed or was cleared: the old subscriber goes (best effort), then refresh. */
  relayUrlChanged(): Promise<void>;
  /** After an account change or a Todoist run (which may have learned the user id). */
  accountsChanged(): Promise<void>;
  stop(): Promise<void>;
  /** Every notification read so far handled, every run it caused finished. */
  idle(): Promise<void>;
}

export function createRelayService(deps: RelayServiceDeps): RelayService {
  const { db, log } = deps;
  const registration = createRelayRegistration({
    db,
    vault: deps.vault,
    api: createRelayApi(deps.fetch),
    log,
    relayUrl: deps.relayUrl,
  });
  const router = createPushRouter({
    now: deps.now,
    sleep: deps.sleep,
    log,
    lookup: createPushLookup(db),
    async sync(scope, reason) {
      await deps.sync(scope, reason);
      await deps.refreshSchedule();
    },
    scopes: () => deps.host.engine().knownScopes(),
  });
  let client: RelayClient | undefined;
  let status: RelayStatus = { state: 'off', since: deps.now() };
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

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
        notification: (n) => router.handle(n),
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
      if (wasLive !== (next.state === 'live')) void coverage().catch(report('push coverage'));
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

  const report = (what: string) => (err: unknown) => log.warn(`${what} failed`, { err });

  /** The scopes push covers: linked, OAuth-connected Todoist accounts (Todoist sends webhooks
   * only for users who authorised the app through OAuth, spec §7) while the stream is live. */
  async function covered(): Promise<string[]> {
    if (status.state !== 'live') return [];
    const linked = new Set(await registration.linked());
    const scopes: string[] = [];
    for (const source of await db.sources.where('provider').equals('todoist').toArray()) {
      if (!source.userId || !linked.has(source.userId)) continue;
      const secret = await deps.vault.get(source.id).catch(() => undefined);
      if (secret?.kind === 'todoist' && secret.method === 'oauth') {
        scopes.push(todoistScope(source.id).id);
      }
    }
    return scopes.sort();
  }

  /** Engine schedule in line with coverage; a scope push no longer covers comes back to the
   * regular interval (also re-checked after every run, so a run finishing on the old schedule
   * just as the stream dropped is pulled in too). */
  function coverage(): Promise<void> {
    return serial(async () => {
      const pushed = await covered();
      const shape = deps.host.shape();
      if (shape.pushedScopes.join('\n') !== pushed.join('\n')) {
        deps.host.configure({ ...shape, pushedScopes: pushed });
      }
      const now = deps.now();
      let moved = false;
      for (const state of await deps.store.listScopeStates()) {
        if (!state.scope.startsWith('todoist:') || pushed.includes(state.scope)) continue;
        const next = withRegularInterval(state, parseScope(state.scope), now, DEFAULT_SCHEDULE);
        if (next === state) continue;
        await deps.store.putScopeState(next);
        moved = true;
      }
      if (moved) await deps.refreshSchedule();
    });
  }

  async function refresh() {
    // Only Todoist reaches us through the relay today (Google watch channels are a later step):
    // without a Todoist account the stream would carry nothing, and "Live" would not be true.
    const todoist = await db.sources.where('provider').equals('todoist').count();
    const wanted = deps.relayUrl() !== '' && todoist > 0;
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
    status: () => status,
    refresh,
    async relayUrlChanged() {
      await stopClient();
      await refresh();
    },
    async accountsChanged() {
      await registration.reconcileLinks();
      await refresh();
      await coverage();
    },
    stop: stopClient,
    async idle() {
      await client?.idle();
      await router.idle();
      await queue;
    },
  };
}
