// The push path as the todoist-day bench runs it: the relay's own app and hub logic
// (relay/app.ts over relay/memory-ports.ts — the same code the Durable Objects run, in memory),
// reached by the Todoist emulator's signed webhooks, and the extension's real relay client and
// push router, all on the bench's ManualClock. Nothing here is a projection: a webhook becomes a
// logged notification, travels the SSE stream, is judged against the store and debounced, and
// the engine runs — or doesn't.
import { createPushLookup, createRelayCursor } from '../../extension/platform/relay-lookup';
import type { AlmanacDb } from '../../extension/store/db';
import type { SyncEngine } from '../../extension/sync/engine';
import { silentLog } from '../../extension/sync/ports';
import { createPushRouter, type PushRouter } from '../../extension/sync/push/push-router';
import { createRelayApi, type RelayCredentials } from '../../extension/sync/push/relay-api';
import { createRelayClient, type RelayClient } from '../../extension/sync/push/relay-client';
import type { ManualClock } from '../emulators/common/clock';
import type { TodoistEmulator } from '../emulators/todoist/index';
import { createInMemoryRelay } from '../support/in-memory-relay';
import { seededRandom } from '../support/seeded-random';
import { createVirtualTimers, turn } from '../support/virtual-timers';

const RELAY_URL = 'https://relay.bench';
const CLIENT_SECRET = 'bench-todoist-client-secret';

export interface BenchPush {
  readonly client: RelayClient;
  readonly router: PushRouter;
  /** The relay's HTTP surface in-process (where the emulator's webhooks go). */
  readonly relayFetch: typeof fetch;
  /** Lets every delivered webhook travel the stream and every due debounce run, up to `until`. */
  settle(until: number): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchPush(opts: {
  clock: ManualClock;
  todoist: TodoistEmulator;
  db: AlmanacDb;
  engine: SyncEngine;
  todoistUserId: string;
}): Promise<BenchPush> {
  const { clock, todoist, db, engine } = opts;
  const relay = createInMemoryRelay({
    secrets: { todoistClientSecret: CLIENT_SECRET, signingKey: 'bench-signing-key' },
    now: () => clock.now(),
  });
  const ports = relay.ports;
  let handed = 0;
  const relayFetch = relay.fetch;
  // Todoist's webhooks go to the relay's hook, signed with the app's client secret (spec §7).
  todoist.setWebhook({ url: `${RELAY_URL}/hooks/todoist`, clientSecret: CLIENT_SECRET });
  const api = createRelayApi(relayFetch);
  const created = await api.createSubscriber(RELAY_URL);
  const creds: RelayCredentials = { relayUrl: RELAY_URL, ...created };
  await api.linkTodoist(creds, opts.todoistUserId);

  const timers = createVirtualTimers(clock);
  const router = createPushRouter({
    now: () => clock.now(),
    sleep: timers.sleep,
    log: silentLog,
    lookup: createPushLookup(db),
    sync: (scope, reason) => engine.sync(scope, reason),
    scopes: () => engine.knownScopes(),
  });
  const client = createRelayClient({
    ports: {
      fetch: relayFetch,
      now: () => clock.now(),
      sleep: timers.sleep,
      random: seededRandom(23),
      log: silentLog,
    },
    credentials: async () => creds,
    reregister: async () => undefined,
    cursor: createRelayCursor(db),
    handlers: {
      notification: (n) => {
        handed += 1;
        return router.handle(n);
      },
      resync: (reason) => router.resyncAll(reason),
    },
  });
  client.start();
  await waitFor(() => client.status().state === 'live', 'the relay stream to open');

  return {
    client,
    router,
    relayFetch,
    async settle(until) {
      await todoist.push.idle();
      await waitFor(
        () => handed === relay.logged(),
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
    async close() {
      await client.stop();
      ports.close();
    },
  };
}

async function waitFor(ok: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1_000; i++) {
    if (ok()) return;
    await turn();
  }
  throw new Error(`bench: timed out waiting for ${what}`);
}
