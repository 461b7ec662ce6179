// The extension's push path wired in one process on a ManualClock: its real relay client reading
// the in-memory relay's stream (in-memory-relay.ts) and its real push router turning
// notifications into engine runs, over the given Dexie store. The bench's todoist-day and the
// Google watch engine tests drive it; `drain` steps virtual time through the router's debounces.
import { createPushLookup, createRelayCursor } from '../../extension/platform/relay-lookup';
import type { AlmanacDb } from '../../extension/store/db';
import { silentLog } from '../../extension/sync/ports';
import { createPushRouter, type PushRouter } from '../../extension/sync/push/push-router';
import type { RelayCredentials } from '../../extension/sync/push/relay-api';
import { createRelayClient, type RelayClient } from '../../extension/sync/push/relay-client';
import type { Scope } from '../../extension/sync/scope';
import type { RelayNotification } from '../../shared/relay-protocol';
import type { ManualClock } from '../emulators/common/clock';
import type { InMemoryRelay } from './in-memory-relay';
import { seededRandom } from './seeded-random';
import { turn, type VirtualTimers } from './virtual-timers';

export interface InProcessPush {
  readonly router: PushRouter;
  readonly client: RelayClient;
  /** Waits until the stream has carried every notification the relay logged, then runs every
   * debounce that ends by `until` (stepping the clock through them) and lets the client record
   * what it handled. Debounces ending after `until` stay pending. */
  drain(until: number): Promise<void>;
}

export async function startInProcessPush(opts: {
  readonly clock: ManualClock;
  readonly timers: VirtualTimers;
  readonly relay: InMemoryRelay;
  readonly creds: RelayCredentials;
  readonly db: AlmanacDb;
  readonly sync: (scope: Scope, reason: string) => Promise<unknown>;
  readonly scopes: () => Promise<Scope[]>;
  /** Runs after the router handled a notification (the platform's extra steps, if any). */
  readonly afterHandle?: (notification: RelayNotification) => Promise<void>;
}): Promise<InProcessPush> {
  const { clock, timers, relay } = opts;
  let handed = 0;
  const router = createPushRouter({
    now: () => clock.now(),
    sleep: timers.sleep,
    log: silentLog,
    lookup: createPushLookup(opts.db),
    sync: opts.sync,
    scopes: opts.scopes,
  });
  const client = createRelayClient({
    ports: {
      fetch: relay.fetch,
      now: () => clock.now(),
      sleep: timers.sleep,
      random: seededRandom(23),
      log: silentLog,
    },
    credentials: async () => opts.creds,
    reregister: async () => undefined,
    cursor: createRelayCursor(opts.db),
    handlers: {
      async notification(n) {
        handed += 1;
        await router.handle(n);
        await opts.afterHandle?.(n);
      },
      resync: (reason) => router.resyncAll(reason),
    },
  });
  client.start();
  await waitFor(() => client.status().state === 'live', 'the relay stream to open');
  return {
    router,
    client,
    async drain(until) {
      await waitFor(
        () => handed >= relay.logged(),
        'the stream to carry every logged notification',
      );
      await router.settled();
      for (;;) {
        const next = router.nextDeadline();
        if (next === undefined || next > until) break;
        await timers.advance(Math.max(0, next - clock.now()));
        await router.settled();
      }
      await client.idle();
    },
  };
}

/** Waits turns of the event loop for something asynchronous but clock-free (a stream opening, a
 * notification crossing the in-process relay); a bound on real time only reports a hang (a bound
 * on turns fails on a loaded machine, where the same work takes more of them). */
export async function waitFor(ok: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await turn();
  }
}
