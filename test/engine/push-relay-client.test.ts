// The push client against an in-process relay (Hono, test/support/fake-relay.ts) whose streams the
// test writes to, with the resume point in a real Dexie `meta` row and every wait on virtual time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRelayCursor } from '../../extension/platform/relay-lookup';
import type { AlmanacStore } from '../../extension/store/open';
import { readRelayState, resetRelayState } from '../../extension/store/relay-state';
import { fullJitterDelay } from '../../extension/sync/backoff';
import { silentLog } from '../../extension/sync/ports';
import { createRelayApi, type RelayCredentials } from '../../extension/sync/push/relay-api';
import {
  createRelayClient,
  RELAY_BACKOFF,
  type RelayClient,
} from '../../extension/sync/push/relay-client';
import type { RelayNotification } from '../../shared/relay-protocol';
import { ManualClock } from '../emulators/common/clock';
import { createFakeRelay, type FakeRelay, todoistNotification } from '../support/fake-relay';
import { seededRandom } from '../support/seeded-random';
import { createVirtualTimers, turn, type VirtualTimers } from '../support/virtual-timers';
import { openTestStore } from './helpers/open-test-store';

const START = Date.UTC(2025, 0, 6, 17);

interface Setup {
  clock: ManualClock;
  timers: VirtualTimers;
  relay: FakeRelay;
  store: AlmanacStore;
  client: RelayClient;
  creds(): RelayCredentials;
  received: RelayNotification[];
  resyncs: string[];
  /** While set, notification handlers wait for it (to see ids recorded only after handling). */
  gate: { promise: Promise<void>; open(): void } | undefined;
  cursor(): Promise<string | undefined>;
  newClient(): RelayClient;
}

let s: Setup | undefined;
afterEach(async () => {
  await s?.client.stop();
  s?.store.close();
  s = undefined;
});

function deferred() {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

async function setup(options: { random?: () => number } = {}): Promise<Setup> {
  const clock = new ManualClock(START);
  const timers = createVirtualTimers(clock);
  const relay = createFakeRelay();
  const api = createRelayApi(relay.fetch);
  const store = await openTestStore();
  let creds: RelayCredentials = { relayUrl: relay.url, ...(await api.createSubscriber(relay.url)) };
  await resetRelayState(store.db, creds.subscriberId);
  const received: RelayNotification[] = [];
  const resyncs: string[] = [];
  const random = options.random ?? seededRandom(3);
  const setupState: Setup = {
    clock,
    timers,
    relay,
    store,
    client: undefined as unknown as RelayClient,
    creds: () => creds,
    received,
    resyncs,
    gate: undefined,
    cursor: async () => (await readRelayState(store.db, creds.subscriberId)).lastEventId,
    newClient: () =>
      createRelayClient({
        ports: {
          fetch: relay.fetch,
          now: () => clock.now(),
          sleep: timers.sleep,
          random,
          log: silentLog,
        },
        credentials: async () => creds,
        async reregister() {
          creds = { relayUrl: relay.url, ...(await api.createSubscriber(relay.url)) };
          await resetRelayState(store.db, creds.subscriberId);
          return creds;
        },
        cursor: createRelayCursor(store.db),
        handlers: {
          async notification(n) {
            received.push(n);
            await setupState.gate?.promise;
          },
          async resync(reason) {
            resyncs.push(reason);
          },
        },
      }),
  };
  setupState.client = setupState.newClient();
  return setupState;
}

const live = (client: RelayClient) => vi.waitFor(() => expect(client.status().state).toBe('live'));
const eventsRequests = (relay: FakeRelay) => relay.requests.filter((r) => r.method === 'GET');
const note = (n: number) => todoistNotification('u1', 'item:updated', { objectId: `task-${n}` });

describe('relay client: stream and resume', () => {
  it('connects with the bearer secret, goes live on `ready`, hands over notifications in order', async () => {
    s = await setup();
    s.client.start();
    expect(s.client.status().state).toBe('connecting');
    await live(s.client);
    const first = eventsRequests(s.relay)[0];
    expect(first?.path).toBe(`/v1/subscribers/${s.creds().subscriberId}/events`);
    expect(first?.lastEventId).toBeUndefined(); // nothing handled yet
    const ids = [1, 2, 3].map((n) => s?.relay.notify(s.creds().subscriberId, note(n)));
    await vi.waitFor(() => expect(s?.received).toHaveLength(3));
    expect(s.received.map((n) => (n.provider === 'todoist' ? n.objectId : ''))).toEqual([
      'task-1',
      'task-2',
      'task-3',
    ]);
    await s.client.idle();
    expect(await s.cursor()).toBe(String(ids[2]));
  });

  it('records an id only once its handler has finished', async () => {
    s = await setup();
    s.gate = deferred();
    s.client.start();
    await live(s.client);
    const id = s.relay.notify(s.creds().subscriberId, note(1));
    await vi.waitFor(() => expect(s?.received).toHaveLength(1));
    expect(await s.cursor()).toBeUndefined();
    s.gate.open();
    await s.client.idle();
    expect(await s.cursor()).toBe(String(id));
  });

  it('after a dropped connection, resumes with Last-Event-ID and gets only what it missed', async () => {
    s = await setup();
    s.client.start();
    await live(s.client);
    const sub = s.creds().subscriberId;
    const seen = s.relay.notify(sub, note(1));
    await vi.waitFor(() => expect(s?.received).toHaveLength(1));
    s.relay.drop(sub, 'error');
    await vi.waitFor(() => expect(s?.client.status().state).toBe('retrying'));
    expect(s.client.status().lastError).toMatch(/stream broke/);
    // Logged while we were away.
    s.relay.notify(sub, note(2));
    s.relay.notify(sub, note(3));
    await s.timers.next(); // the backoff wait
    await live(s.client);
    await vi.waitFor(() => expect(s?.received).toHaveLength(3));
    expect(eventsRequests(s.relay).map((r) => r.lastEventId)).toEqual([undefined, String(seen)]);
    expect(s.received.map((n) => (n.provider === 'todoist' ? n.objectId : ''))).toEqual([
      'task-1',
      'task-2',
      'task-3',
    ]);
    expect(s.client.status().lastError).toBeUndefined();
  });

  it('a new client (a restarted service worker) resumes from the recorded id', async () => {
    s = await setup();
    s.client.start();
    await live(s.client);
    const sub = s.creds().subscriberId;
    s.relay.notify(sub, note(1));
    const last = s.relay.notify(sub, note(2));
    await vi.waitFor(() => expect(s?.received).toHaveLength(2));
    await s.client.idle();
    await s.client.stop();
    expect(s.client.status().state).toBe('off');
    s.relay.notify(sub, note(3)); // while no worker runs
    s.client = s.newClient();
    s.client.start();
    await vi.waitFor(() => expect(s?.received).toHaveLength(3));
    expect(eventsRequests(s.relay).at(-1)?.lastEventId).toBe(String(last));
  });

  it('skips a malformed event (bad JSON, wrong shape, unknown type) and keeps the stream', async () => {
    s = await setup();
    s.client.start();
    await live(s.client);
    const sub = s.creds().subscriberId;
    s.relay.writeRaw(sub, 'id: 90\nevent: notification\ndata: {not json\n\n');
    s.relay.writeRaw(sub, 'id: 91\nevent: notification\ndata: {"provider":"todoist"}\n\n');
    s.relay.writeRaw(sub, 'event: surprise\ndata: {}\n\n');
    s.relay.writeRaw(sub, ': ping\n\n');
    const good = s.relay.notify(sub, note(7));
    await vi.waitFor(() => expect(s?.received).toHaveLength(1));
    await s.client.idle();
    expect(s.received[0]).toMatchObject({ objectId: 'task-7' });
    expect(await s.cursor()).toBe(String(good));
    expect(eventsRequests(s.relay)).toHaveLength(1);
    expect(s.client.status().state).toBe('live');
  });

  it('reset: every scope syncs once, and the stream resumes from the relay’s latest id', async () => {
    s = await setup();
    const sub = s.creds().subscriberId;
    s.relay.notify(sub, note(1));
    s.relay.notify(sub, note(2));
    const latest = s.relay.notify(sub, note(3));
    s.relay.trimLogThrough(sub, 2);
    await s.store.db.meta.put({
      key: 'relay:state',
      value: { subscriberId: sub, lastEventId: '1', linked: [] },
    });
    s.client.start();
    await vi.waitFor(() => expect(s?.resyncs).toEqual(['reset']));
    await s.client.idle();
    expect(s.received).toEqual([]); // the gap is not replayed: the resync covers it
    expect(await s.cursor()).toBe(String(latest));
  });
});

describe('relay client: failures', () => {
  it('401: the subscriber is gone — registers a new one, connects as it, resyncs', async () => {
    s = await setup();
    s.client.start();
    await live(s.client);
    const old = s.creds().subscriberId;
    s.relay.drop(old);
    s.relay.forget(old);
    await vi.waitFor(() => expect(s?.timers.pending()).toBe(1));
    await s.timers.next(); // the short wait after a clean end
    await vi.waitFor(() => expect(s?.creds().subscriberId).not.toBe(old));
    await live(s.client);
    await vi.waitFor(() => expect(s?.resyncs).toEqual(['new-subscriber']));
    const gets = eventsRequests(s.relay);
    expect(gets.at(-1)?.path).toBe(`/v1/subscribers/${s.creds().subscriberId}/events`);
    expect(gets.at(-1)?.lastEventId).toBeUndefined();
    // Straight away: no backoff wait between the 401 and the new subscriber.
    expect(s.timers.requested).toHaveLength(1); // only the wait after the first clean end
    expect(s.relay.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('backs off with full jitter that grows to the cap, then resets after a healthy ready', async () => {
    const seed = 11;
    s = await setup({ random: seededRandom(seed) });
    s.relay.failEvents(503, 12);
    s.client.start();
    for (let i = 0; i < 12; i++) {
      await vi.waitFor(() => expect(s?.timers.pending()).toBe(1));
      const status = s.client.status();
      expect(status.state).toBe('retrying');
      expect(status.lastError).toBe('HTTP 503');
      expect(status.nextRetryAt).toBe(s.clock.now() + (s.timers.requested.at(-1) ?? -1));
      await s.timers.next();
    }
    await live(s.client);
    const random = seededRandom(seed);
    const expected = Array.from({ length: 12 }, (_, n) =>
      fullJitterDelay(n, RELAY_BACKOFF, random),
    );
    expect(s.timers.requested).toEqual(expected);
    // Attempt n waits up to min(5 min, 1 s · 2^n): the first within a second, later ones minutes.
    expect(expected[0]).toBeLessThan(1_000);
    expect(Math.max(...expected.slice(8))).toBeGreaterThan(60_000);
    // A healthy connection resets the backoff: the next failure waits like a first one.
    s.relay.failEvents(503, 1);
    s.relay.drop(s.creds().subscriberId);
    await vi.waitFor(() => expect(s?.timers.requested).toHaveLength(13));
    expect(s.timers.requested[12]).toBe(fullJitterDelay(0, RELAY_BACKOFF, random));
  });

  it('honours Retry-After and the stream’s `retry:`', async () => {
    s = await setup({ random: () => 0 });
    s.relay.failEvents(503, 1, 30);
    s.client.start();
    await vi.waitFor(() => expect(s?.timers.requested).toEqual([30_000]));
    await s.timers.next();
    await live(s.client);
    s.relay.writeRaw(s.creds().subscriberId, 'retry: 7000\n\n');
    s.relay.drop(s.creds().subscriberId);
    await vi.waitFor(() => expect(s?.timers.requested).toEqual([30_000, 7_000]));
  });

  it('a relay that does not answer at all: retrying, with the reason', async () => {
    s = await setup({ random: () => 0.5 });
    const client = createRelayClient({
      ports: {
        fetch: async () => {
          throw new TypeError('fetch failed');
        },
        now: () => s?.clock.now() ?? 0,
        sleep: s.timers.sleep,
        random: () => 0.5,
        log: silentLog,
      },
      credentials: async () => s?.creds(),
      reregister: async () => undefined,
      cursor: createRelayCursor(s.store.db),
      handlers: { notification: async () => {}, resync: async () => {} },
    });
    client.start();
    await vi.waitFor(() => expect(client.status().state).toBe('retrying'));
    expect(client.status()).toMatchObject({
      lastError: 'relay unreachable (fetch failed)',
      nextRetryAt: START + 500,
    });
    await client.stop();
    expect(client.status().state).toBe('off');
  });

  it('stop() aborts the open stream and no request follows', async () => {
    s = await setup();
    s.client.start();
    await live(s.client);
    const sub = s.creds().subscriberId;
    await vi.waitFor(() => expect(s?.relay.openStreams(sub)).toBe(1));
    await s.client.stop();
    expect(s.client.status().state).toBe('off');
    await vi.waitFor(() => expect(s?.relay.openStreams(sub)).toBe(0));
    await s.timers.advance(60 * 60_000);
    expect(eventsRequests(s.relay)).toHaveLength(1);
  });

  it('no subscriber configured: the client turns itself off without a request', async () => {
    s = await setup();
    let asked = 0;
    const client = createRelayClient({
      ports: {
        fetch: s.relay.fetch,
        now: () => 0,
        sleep: s.timers.sleep,
        random: () => 0,
        log: silentLog,
      },
      credentials: async () => {
        asked += 1;
        return undefined;
      },
      reregister: async () => undefined,
      cursor: createRelayCursor(s.store.db),
      handlers: { notification: async () => {}, resync: async () => {} },
    });
    const states: string[] = [];
    client.subscribe((st) => states.push(st.state));
    client.start();
    await vi.waitFor(() => expect(asked).toBe(1));
    await turn();
    expect(states).toEqual(['connecting', 'off']);
    expect(client.status().state).toBe('off');
    expect(eventsRequests(s.relay)).toHaveLength(0);
    client.start(); // it ended by itself, so it may run again
    await vi.waitFor(() => expect(asked).toBe(2));
  });
});
