import type { AlmanacDb } from '../../extension/store/db';
import type { SyncEngine } from '../../extension/sync/engine';
import type { PushRouter } from '../../extension/sync/push/push-router';
import { createRelayApi, type RelayCredentials } from '../../extension/sync/push/relay-api';
import type { RelayClient } from '../../extension/sync/push/relay-client';
import type { ManualClock } from '../emulators/common/clock';
import type { TodoistEmulator } from '../emulators/todoist/index';
import { createInMemoryRelay } from '../support/in-memory-relay';
import { startInProcessPush } from '../support/in-process-push';
import { createVirtualTimers } from '../support/virtual-timers';

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
  const relayFetch = relay.fetch;
  // Todoist's webhooks go to the relay's hook, signed with the app's client secret (spec §7).
  todoist.setWebhook({ url: `${RELAY_URL}/hooks/todoist`, clientSecret: CLIENT_SECRET });
  const api = createRelayApi(relayFetch);
  const created = await api.createSubscriber(RELAY_URL);
  const creds: RelayCredentials = { relayUrl: RELAY_URL, ...created };
  await api.linkTodoist(creds, opts.todoistUserId);

  const timers = createVirtualTimers(clock);
  const push = await startInProcessPush({
    clock,
    timers,
    relay,
    creds,
    db,
    sync: (scope, reason) => engine.sync(scope, reason),
    scopes: () => engine.knownScopes(),
  });

  return {
    client: push.client,
    router: push.router,
    relayFetch,
    async settle(until) {
      await todoist.push.idle();
      await push.drain(until);
    },
    async close() {
      await push.client.stop();
      relay.ports.close();
    },
  };
}
