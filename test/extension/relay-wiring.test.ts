// The push path wired into the background (startBackground, as the service worker runs it) on WXT's
// fake browser, with the Todoist emulator and an in-process relay: registration and links follow
// the accounts and the relay URL, a notification becomes a run, the status says Live, and the
// Todoist safety poll slows while live and comes back when the stream drops.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Background, startBackground } from '../../extension/platform/background-main';
import type { Status } from '../../extension/platform/messages';
import { createSecretVault, type SecretVault } from '../../extension/platform/secret-vault';
import type { BackgroundDeps, Services } from '../../extension/platform/services';
import type { AlmanacDb } from '../../extension/store/db';
import { openAlmanacStore } from '../../extension/store/open';
import { RELAY_STATE_KEY } from '../../extension/store/relay-state';
import { createInProcessLock } from '../../extension/sync/lock';
import { silentLog } from '../../extension/sync/ports';
import { todoistScope } from '../../extension/sync/scope';
import { ManualClock } from '../emulators/common/clock';
import { createGoogleEmulator } from '../emulators/google/index';
import { createTodoistEmulator, type TodoistEmulator } from '../emulators/todoist/index';
import { createFakeRelay, type FakeRelay, todoistNotification } from '../support/fake-relay';
import { createVirtualTimers, type VirtualTimers } from '../support/virtual-timers';
import { BUILD, START } from './helpers/background-harness';
import { createFakeIdentity, createFakeMenus, fakeApis } from './helpers/fake-apis';

const RELAY = 'https://relay.test';
const MIN = 60_000;

interface RelayWorld {
  clock: ManualClock;
  timers: VirtualTimers;
  relay: FakeRelay;
  todoist: TodoistEmulator;
  vault: SecretVault;
  bg: Background;
  s: Services;
  db: AlmanacDb;
  /** What this background was started with (start another one = a restarted worker). */
  deps: BackgroundDeps;
  status(): Promise<Status>;
}

let counter = 0;

async function relayWorld(options: { relayUrl?: string } = {}): Promise<RelayWorld> {
  fakeBrowser.reset();
  counter += 1;
  const clock = new ManualClock(START);
  const timers = createVirtualTimers(clock);
  const google = createGoogleEmulator({ clock, seed: 'demo' });
  const todoist = createTodoistEmulator({ clock, seed: 'demo' });
  const relay = createFakeRelay(RELAY);
  const fetchFn: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname === 'relay.test' || url.hostname === 'relay2.test') {
      return relay.fetch(input, init);
    }
    return url.hostname.endsWith('todoist.com')
      ? todoist.fetch(input, init)
      : google.fetch(input, init);
  };
  const dbName = `almanac-relay-${process.pid}-${counter}`;
  const vault = createSecretVault({ name: `${dbName}-secrets` });
  let ids = 0;
  const deps: BackgroundDeps = {
    api: fakeApis({ menus: createFakeMenus(), identity: createFakeIdentity(fetchFn) }),
    openStore: () => openAlmanacStore({ name: dbName }),
    vault,
    fetch: fetchFn,
    now: () => clock.now(),
    // Every wait (the relay's backoff, the router's debounce, engine retries) is virtual.
    sleep: timers.sleep,
    lock: createInProcessLock(),
    log: silentLog,
    random: () => 0.5,
    newId: () => `id${++ids}`,
    subtle: crypto.subtle,
    getRandomValues: (a) => crypto.getRandomValues(a),
    build: { ...BUILD, relayUrl: options.relayUrl ?? RELAY },
    timers: { setInterval: () => 0, clearInterval: () => undefined },
  };
  const bg = startBackground(deps);
  await bg.caughtUp;
  const s = await bg.ready;
  return {
    clock,
    timers,
    relay,
    todoist,
    vault,
    bg,
    s,
    db: s.db,
    deps,
    async status() {
      const reply = await bg.route({ type: 'getStatus' });
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.data as Status;
    },
  };
}

async function connectTodoist(w: RelayWorld, method: 'token' | 'oauth' = 'token') {
  const reply = await w.bg.route({
    type: 'connect',
    provider: 'todoist',
    ...(method === 'token' ? { token: w.todoist.issueToken('demo') } : {}),
  });
  if (!reply.ok) throw new Error(reply.error.message);
  const { sourceId } = reply.data as { sourceId: string };
  // The first sync runs in the background after a connect; "Sync now" joins it.
  await w.bg.route({ type: 'syncNow', scope: todoistScope(sourceId).id });
  return sourceId;
}

const live = (w: RelayWorld) =>
  vi.waitFor(async () => expect((await w.status()).relay).toMatchObject({ state: 'live' }));
const methods = (w: RelayWorld, method: string, suffix: string) =>
  w.relay.requests.filter((r) => r.method === method && r.path.endsWith(suffix));

describe('relay wiring', () => {
  let current: RelayWorld | undefined;
  afterEach(async () => {
    await current?.s.relay.stop();
    current = undefined;
  });

  it('no account yet: no subscriber is made, the status says polling', async () => {
    const w = await relayWorld();
    current = w;
    const status = await w.status();
    expect(status).toMatchObject({ mode: 'polling', relayConfigured: true });
    expect(status.relay.state).toBe('off');
    expect(w.relay.requests).toEqual([]);
  });

  it('a Google account alone makes a subscriber and opens the stream (its calendars are watched: google-watch-wiring.test.ts)', async () => {
    const w = await relayWorld();
    current = w;
    const reply = await w.bg.route({ type: 'connect', provider: 'google' });
    expect(reply.ok).toBe(true);
    await w.bg.route({ type: 'syncNow' });
    await live(w);
    await w.s.relay.idle();
    expect(methods(w, 'POST', '/v1/subscribers')).toHaveLength(1);
  });

  it('connecting Todoist: a subscriber, the user linked, the stream live', async () => {
    const w = await relayWorld();
    current = w;
    await connectTodoist(w);
    await live(w);
    const [sub] = w.relay.subscriberIds();
    if (!sub) throw new Error('no subscriber');
    const userId = w.todoist.user().account.id;
    expect(w.relay.links(sub)).toEqual([userId]);
    expect(await w.vault.getRelay()).toMatchObject({ relayUrl: RELAY, subscriberId: sub });
    expect(await w.vault.list()).not.toContain('relay:subscriber');
    const status = await w.status();
    expect(status.mode).toBe('live');
    // Reconciled once: later runs do not link again.
    await w.bg.route({ type: 'syncNow' });
    expect(methods(w, 'PUT', '/todoist')).toHaveLength(1);
  });

  it('a notification about a remote change runs the account once, after the debounce', async () => {
    const w = await relayWorld();
    current = w;
    const sourceId = await connectTodoist(w);
    await live(w);
    const [sub] = w.relay.subscriberIds();
    if (!sub) throw new Error('no subscriber');
    w.clock.advance(MIN);
    const runsBefore = await w.db.runs.count();
    const id = w.relay.notify(
      sub,
      todoistNotification(w.todoist.user().account.id, 'item:added', { objectId: 'new-task' }),
    );
    await vi.waitFor(() => expect(w.s.relay.router.pending()).toHaveLength(1));
    await w.s.relay.router.settled();
    expect(await w.db.runs.count()).toBe(runsBefore);
    await w.timers.advance(1_500);
    await w.s.relay.idle();
    const push = await w.db.runs.where('scope').equals(todoistScope(sourceId).id).last();
    expect(push?.reason).toBe('push');
    const state = await w.db.meta.get(RELAY_STATE_KEY);
    expect(state?.value).toMatchObject({ subscriberId: sub, lastEventId: String(id) });
  });

  it('live: an OAuth account polls hourly; when the stream drops it is back to 10 minutes', async () => {
    const w = await relayWorld();
    current = w;
    const sourceId = await connectTodoist(w, 'oauth');
    await live(w);
    const scope = todoistScope(sourceId).id;
    await vi.waitFor(() => expect(w.s.host.shape().pushedScopes).toEqual([scope]));
    w.clock.advance(MIN);
    const run = await w.s.sync.sync(todoistScope(sourceId), 'alarm');
    expect(run.state.nextRunAt).toBe(w.clock.now() + 60 * MIN);
    // The relay goes away: the stream ends, reconnecting fails.
    const [sub] = w.relay.subscriberIds();
    if (!sub) throw new Error('no subscriber');
    w.relay.failEvents(503, 100);
    w.relay.drop(sub, 'error');
    await vi.waitFor(async () => expect((await w.status()).relay.state).toBe('retrying'));
    await vi.waitFor(() => expect(w.s.host.shape().pushedScopes).toEqual([]));
    await w.s.relay.idle();
    const state = await w.db.scopes.get(scope);
    expect(state?.nextRunAt).toBe((state?.lastSyncAt ?? 0) + 10 * MIN);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.find((a) => a.name.includes(scope))?.scheduledTime).toBe(state?.nextRunAt);
    const status = await w.status();
    expect(status.mode).toBe('polling');
    expect(status.relay).toMatchObject({ lastError: 'stream broke (network connection lost)' });
  });

  it('a token-connected account keeps its 10-minute poll even while live', async () => {
    const w = await relayWorld();
    current = w;
    const sourceId = await connectTodoist(w, 'token');
    await live(w);
    await w.s.relay.idle();
    expect(w.s.host.shape().pushedScopes).toEqual([]);
    const run = await w.s.sync.sync(todoistScope(sourceId), 'alarm');
    expect(run.state.nextRunAt).toBe(w.clock.now() + 10 * MIN);
  });

  it('disconnecting the last account unlinks it and deletes the subscriber', async () => {
    const w = await relayWorld();
    current = w;
    const sourceId = await connectTodoist(w);
    await live(w);
    const [sub] = w.relay.subscriberIds();
    const reply = await w.bg.route({ type: 'disconnect', sourceId });
    expect(reply.ok).toBe(true);
    expect(methods(w, 'DELETE', '/todoist')).toHaveLength(1);
    expect(methods(w, 'DELETE', `/subscribers/${sub}`)).toHaveLength(1);
    expect(w.relay.subscriberIds()).toEqual([]);
    expect(await w.vault.getRelay()).toBeUndefined();
    expect(await w.db.meta.get(RELAY_STATE_KEY)).toBeUndefined();
    expect((await w.status()).relay.state).toBe('off');
  });

  it('changing the relay URL retires the old subscriber and registers at the new one', async () => {
    const w = await relayWorld();
    current = w;
    await connectTodoist(w);
    await live(w);
    const [old] = w.relay.subscriberIds();
    const reply = await w.bg.route({
      type: 'updateSettings',
      settings: { relayUrl: 'https://relay2.test' },
    });
    expect(reply.ok).toBe(true);
    await live(w);
    const [fresh] = w.relay.subscriberIds();
    expect(fresh).not.toBe(old);
    expect(methods(w, 'DELETE', `/subscribers/${old}`)).toHaveLength(1);
    expect(await w.vault.getRelay()).toMatchObject({
      relayUrl: 'https://relay2.test',
      subscriberId: fresh,
    });
    expect(w.relay.links(fresh ?? '')).toEqual([w.todoist.user().account.id]);

    await w.bg.route({ type: 'updateSettings', settings: { relayUrl: '' } });
    expect(w.relay.subscriberIds()).toEqual([]);
    const status = await w.status();
    expect(status).toMatchObject({ mode: 'polling', relayConfigured: false });
    expect(status.relay.state).toBe('off');
  });

  it('a restarted worker resumes the stream from the last handled event', async () => {
    const w = await relayWorld();
    current = w;
    await connectTodoist(w);
    await live(w);
    const [sub] = w.relay.subscriberIds();
    if (!sub) throw new Error('no subscriber');
    const userId = w.todoist.user().account.id;
    const id = w.relay.notify(sub, todoistNotification(userId, 'note:added', { objectId: 'n' }));
    await vi.waitFor(async () =>
      expect((await w.db.meta.get(RELAY_STATE_KEY))?.value).toMatchObject({
        lastEventId: String(id),
      }),
    );
    // The worker stops (its stream goes with it); a new one starts over the same storage.
    await w.s.relay.stop();
    const next = startBackground(w.deps);
    await next.caughtUp;
    const s2 = await next.ready;
    await vi.waitFor(() => expect(s2.relay.status().state).toBe('live'));
    const gets = w.relay.requests.filter((r) => r.method === 'GET');
    expect(gets).toHaveLength(2);
    expect(gets[1]?.lastEventId).toBe(String(id));
    await s2.relay.stop();
  });
});
