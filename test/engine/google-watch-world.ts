// A world for the Google push path, all in one process on a ManualClock: the real engine against
// the in-process Google emulator, whose watch-channel deliveries go to the relay's own app
// (relay/app.ts over relay/memory-ports.ts — the code the Durable Objects run), whose SSE stream
// the extension's real relay client reads; the push router turns notifications into runs, and the
// calendar watcher (sync/google/watch.ts) keeps the channels, over the same Dexie store.
import { createPushLookup } from '../../extension/platform/relay-lookup';
import { createWatchStore } from '../../extension/store/calendar-watch';
import type { CalendarWatch } from '../../extension/store/records';
import { type CalendarWatcher, createCalendarWatcher } from '../../extension/sync/google/watch';
import type { WatchDestination } from '../../extension/sync/google/watch-plan';
import { silentLog } from '../../extension/sync/ports';
import type { PushRouter } from '../../extension/sync/push/push-router';
import { createRelayApi, type RelayCredentials } from '../../extension/sync/push/relay-api';
import type { RelayClient } from '../../extension/sync/push/relay-client';
import { calendarKey } from '../../extension/sync/scope';
import { RELAY_ROUTES } from '../../shared/relay-protocol';
import { ManualClock } from '../emulators/common/clock';
import type { RequestLogEntry } from '../emulators/common/request-log';
import { createGoogleEmulator } from '../emulators/google/index';
import { createInMemoryRelay } from '../support/in-memory-relay';
import { startInProcessPush } from '../support/in-process-push';
import { seededRandom } from '../support/seeded-random';
import { createVirtualTimers, type VirtualTimers } from '../support/virtual-timers';
import { createHarness, type Harness, SOURCE, START } from './helpers/harness';

export const RELAY_URL = 'https://relay.test';

export interface WatchWorld {
  readonly h: Harness;
  readonly timers: VirtualTimers;
  readonly watcher: CalendarWatcher;
  readonly router: PushRouter;
  readonly client: RelayClient;
  readonly creds: RelayCredentials;
  /** What the watcher's relay port answers (tests switch it to 'none' or 'unsettled'). */
  destination: WatchDestination | undefined;
  /** Every notification the relay logged has travelled the stream and been handled, and every
   * debounce due by `until` (default: now + 15 s) has run. */
  settle(until?: number): Promise<void>;
  /** Channel calls (events.watch, channels.stop) since `since`, as the emulator logged them
   * (`endpoint` is unset on those a fault answered: compare paths). */
  channelCalls(since?: number): RequestLogEntry[];
  watchOf(calendarId: string): Promise<CalendarWatch | undefined>;
  /** Runs of a calendar's scope by reason, in order. */
  runs(calendarId: string): Promise<Array<{ reason: string; mode: string }>>;
  close(): Promise<void>;
}

export async function createWatchWorld(): Promise<WatchWorld> {
  const clock = new ManualClock(START);
  const relay = createInMemoryRelay({
    secrets: { todoistClientSecret: 'todoist-secret', signingKey: 'watch-test-signing-key' },
    now: () => clock.now(),
  });
  const relayFetch = relay.fetch;
  const google = createGoogleEmulator({
    clock,
    seed: 'demo',
    pushFetch: relayFetch,
    pushRetryDelaysMs: [],
  });
  const h = await createHarness({ clock, emulator: google });
  const api = createRelayApi(relayFetch);
  const creds: RelayCredentials = {
    relayUrl: RELAY_URL,
    ...(await api.createSubscriber(RELAY_URL)),
  };
  const timers = createVirtualTimers(clock);
  const db = h.store.db;

  let client: RelayClient | undefined;
  const world: { destination: WatchDestination | undefined } = { destination: undefined };
  const watcher = createCalendarWatcher({
    ports: {
      fetch: google.fetch,
      now: () => clock.now(),
      sleep: async (ms) => clock.advance(ms),
      random: seededRandom(7),
      tokens: h.tokens,
      log: silentLog,
    },
    store: createWatchStore(db),
    relay: {
      target: async () =>
        world.destination ?? { relayUrl: creds.relayUrl, subscriberId: creds.subscriberId },
      live: () => client?.status().state === 'live',
      channelToken: (_to, channelId) => api.channelToken(creds, channelId),
      hookUrl: (to) => to.relayUrl + RELAY_ROUTES.googleHook,
    },
  });
  const lookup = createPushLookup(db);
  const push = await startInProcessPush({
    clock,
    timers,
    relay,
    creds,
    db,
    sync: (scope, reason) => h.engine.sync(scope, reason),
    scopes: () => h.engine.knownScopes(),
    // As platform/relay-service.ts wires it: route, then stop a channel nobody knows.
    async afterHandle(n) {
      if (n.provider === 'google' && !(await lookup.calendarOfChannel(n.channelId))) {
        await watcher.stranger(n);
      }
    },
  });
  client = push.client;
  const { router } = push;
  const started = push.client;

  return {
    h,
    timers,
    watcher,
    router,
    client: started,
    creds,
    get destination() {
      return world.destination;
    },
    set destination(value) {
      world.destination = value;
    },
    async settle(until = clock.now() + 15_000) {
      await google.push.idle();
      await push.drain(until);
      await router.idle();
      await started.idle();
      await watcher.idle();
    },
    // By path: a request a fault answered never reached the route that names its endpoint.
    channelCalls: (since = 0) =>
      google.log
        .entries({ since })
        .filter((e) => e.path.endsWith('/events/watch') || e.path === '/calendar/v3/channels/stop'),
    watchOf: async (calendarId) => (await db.calendars.get(calendarKey(SOURCE, calendarId)))?.watch,
    runs: async (calendarId) =>
      (await db.runs.where('scope').equals(h.scope(calendarId).id).sortBy('seq')).map((r) => ({
        reason: r.reason,
        mode: r.mode,
      })),
    async close() {
      await started.stop();
      relay.ports.close();
      await google.push.idle();
      h.store.close();
    },
  };
}
