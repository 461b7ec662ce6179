// Google push wired into the background (startBackground, as the service worker runs it) on WXT's
// fake browser: the Google emulator's watch deliveries go to the relay's own app in memory
// (relay/app.ts over relay/memory-ports.ts), whose stream the background holds. A Google account
// alone brings the stream up; its calendars get channels, the status says Live, their safety poll
// slows to hourly and comes back to 15 minutes when the stream drops; a remote change becomes a
// `push` run; disconnecting the account stops its channels.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Background, startBackground } from '../../extension/platform/background-main';
import type { Status } from '../../extension/platform/messages';
import { createSecretVault } from '../../extension/platform/secret-vault';
import type { BackgroundDeps, Services } from '../../extension/platform/services';
import { openAlmanacStore } from '../../extension/store/open';
import { createInProcessLock } from '../../extension/sync/lock';
import { silentLog } from '../../extension/sync/ports';
import { calendarScope } from '../../extension/sync/scope';
import { describePush } from '../../extension/ui/components/status-indicator';
import { createRelayApp } from '../../relay/app';
import { createMemoryPorts, type MemoryRelayPorts } from '../../relay/memory-ports';
import { ManualClock } from '../emulators/common/clock';
import { inProcessFetch } from '../emulators/common/in-process';
import { CALENDAR_IDS, createGoogleEmulator, type GoogleEmulator } from '../emulators/google/index';
import { createVirtualTimers, type VirtualTimers } from '../support/virtual-timers';
import { BUILD, START } from './helpers/background-harness';
import { createFakeIdentity, createFakeMenus, fakeApis } from './helpers/fake-apis';

const RELAY = 'https://relay.test';
const MIN = 60_000;
const SOURCE = 'google.demo@example.com';
const CALENDARS = [
  CALENDAR_IDS.work,
  CALENDAR_IDS.personal,
  CALENDAR_IDS.family,
  CALENDAR_IDS.holidays,
];

interface World {
  clock: ManualClock;
  timers: VirtualTimers;
  google: GoogleEmulator;
  relayPorts: MemoryRelayPorts;
  /** While true, every request to the relay fails as if it were unreachable. */
  relayDown: boolean;
  bg: Background;
  s: Services;
  status(): Promise<Status>;
}

let counter = 0;

async function world(): Promise<World> {
  fakeBrowser.reset();
  counter += 1;
  const clock = new ManualClock(START);
  const timers = createVirtualTimers(clock);
  const relayPorts = createMemoryPorts({
    secrets: { todoistClientSecret: 'unused', signingKey: 'wiring-signing-key' },
    now: () => clock.now(),
  });
  const relayFetch = inProcessFetch(createRelayApp(relayPorts));
  const google = createGoogleEmulator({ clock, seed: 'demo', pushFetch: relayFetch });
  const w = { relayDown: false } as World;
  const fetchFn: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname === 'relay.test') {
      if (w.relayDown) return Promise.reject(new TypeError('relay unreachable'));
      return relayFetch(input, init);
    }
    return google.fetch(input, init);
  };
  const dbName = `almanac-gwatch-${process.pid}-${counter}`;
  let ids = 0;
  const deps: BackgroundDeps = {
    api: fakeApis({ menus: createFakeMenus(), identity: createFakeIdentity(fetchFn) }),
    openStore: () => openAlmanacStore({ name: dbName }),
    vault: createSecretVault({ name: `${dbName}-secrets` }),
    fetch: fetchFn,
    now: () => clock.now(),
    sleep: timers.sleep,
    lock: createInProcessLock(),
    log: silentLog,
    random: () => 0.5,
    newId: () => `id${++ids}`,
    subtle: crypto.subtle,
    getRandomValues: (a) => crypto.getRandomValues(a),
    build: { ...BUILD, relayUrl: RELAY },
    timers: { setInterval: () => 0, clearInterval: () => undefined },
  };
  const bg = startBackground(deps);
  await bg.caughtUp;
  Object.assign(w, {
    clock,
    timers,
    google,
    relayPorts,
    bg,
    s: await bg.ready,
    async status() {
      const reply = await bg.route({ type: 'getStatus' });
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.data as Status;
    },
  });
  return w;
}

const scopes = CALENDARS.map((id) => calendarScope(SOURCE, id).id).sort();

/** Signed in, first sync done, every calendar watched and covered. */
async function watched(): Promise<World> {
  const w = await world();
  const reply = await w.bg.route({ type: 'connect', provider: 'google' });
  expect(reply.ok).toBe(true);
  await w.bg.route({ type: 'syncNow' });
  await vi.waitFor(async () => {
    await w.s.relay.idle();
    expect(w.s.host.shape().pushedScopes).toEqual(scopes);
  });
  return w;
}

describe('Google push in the background', () => {
  let current: World | undefined;
  afterEach(async () => {
    // Nothing of this world may still run when the next one starts (alarms are one global fake).
    await current?.s.relay.watcher.idle();
    await current?.s.relay.stop();
    current?.relayPorts.close();
    await current?.google.push.idle();
    current = undefined;
  });

  it('a Google account alone: the stream, a channel per calendar, and "Live"', async () => {
    const w = await watched();
    current = w;
    expect(w.google.channels()).toHaveLength(CALENDARS.length);
    const status = await w.status();
    expect(status.relay).toMatchObject({
      state: 'live',
      coverage: { pushed: CALENDARS.length, polled: [] },
    });
    expect(describePush(status, w.clock.now())).toMatchObject({ live: true, label: 'Live' });
    // A covered calendar's safety poll is hourly.
    w.clock.advance(MIN);
    const run = await w.s.sync.sync(calendarScope(SOURCE, CALENDAR_IDS.work), 'alarm');
    expect(run.state.nextRunAt).toBe(w.clock.now() + 60 * MIN);
  });

  it('a remote change arrives as one `push` run of its calendar', async () => {
    const w = await watched();
    current = w;
    const scope = calendarScope(SOURCE, CALENDAR_IDS.family).id;
    const token = w.google.issueToken('demo');
    const at = new Date(w.clock.now() + 86_400_000);
    const res = await w.google.fetch(
      `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(CALENDAR_IDS.family)}/events`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          summary: 'Picnic',
          start: { dateTime: at.toISOString() },
          end: { dateTime: new Date(at.getTime() + 3_600_000).toISOString() },
        }),
      },
    );
    expect(res.status).toBe(200);
    await w.google.push.idle();
    await vi.waitFor(() => expect(w.s.relay.router.pending()).toEqual([scope]));
    await w.timers.advance(1_500);
    await w.s.relay.idle();
    const runs = await w.s.db.runs.where('scope').equals(scope).toArray();
    expect(runs.filter((r) => r.reason === 'push')).toHaveLength(1);
    const events = await w.s.db.events
      .where('calendarKey')
      .equals(`${SOURCE}:${CALENDAR_IDS.family}`)
      .toArray();
    expect(events.map((e) => e.summary)).toContain('Picnic');
  });

  it('the stream drops: calendars are back on their 15-minute poll, and the status says so', async () => {
    const w = await watched();
    current = w;
    const scope = calendarScope(SOURCE, CALENDAR_IDS.personal);
    w.clock.advance(MIN);
    await w.s.sync.sync(scope, 'alarm');
    w.relayDown = true;
    w.relayPorts.close(); // every open stream ends; reconnecting fails
    await vi.waitFor(async () => expect((await w.status()).relay.state).toBe('retrying'));
    await vi.waitFor(() => expect(w.s.host.shape().pushedScopes).toEqual([]));
    await w.s.relay.idle();
    const state = await w.s.db.scopes.get(scope.id);
    expect(state?.nextRunAt).toBe((state?.lastSyncAt ?? 0) + 15 * MIN);
    // The channels stay: the relay still logs their messages for when the stream is back.
    expect(w.google.channels()).toHaveLength(CALENDARS.length);
    expect(describePush(await w.status(), w.clock.now()).live).toBe(false);
  });

  it('a calendar Google refuses is named, and the popup says "Partly live"', async () => {
    const w = await world();
    current = w;
    w.google.faults.add({
      match: {
        method: 'POST',
        path: `/calendar/v3/calendars/${encodeURIComponent(CALENDAR_IDS.holidays)}/events/watch`,
      },
      respond: { status: 403, body: { error: { code: 403, message: 'Forbidden' } } },
    });
    await w.bg.route({ type: 'connect', provider: 'google' });
    await w.bg.route({ type: 'syncNow' });
    await vi.waitFor(async () => {
      await w.s.relay.idle();
      expect(w.s.host.shape().pushedScopes).toHaveLength(3);
    });
    const status = await w.status();
    expect(status.relay.coverage).toEqual({ pushed: 3, polled: ['Holidays'] });
    expect(describePush(status, w.clock.now())).toMatchObject({
      label: 'Partly live',
      detail: 'Holidays: polling',
    });
  });

  it('disconnecting the account stops its channels before its rows go', async () => {
    const w = await watched();
    current = w;
    const reply = await w.bg.route({ type: 'disconnect', sourceId: SOURCE });
    expect(reply.ok).toBe(true);
    expect(w.google.channels()).toEqual([]);
    const stops = w.google.log.entries().filter((e) => e.endpoint === 'channels.stop');
    expect(stops.map((e) => e.status)).toEqual(CALENDARS.map(() => 204));
  });

  it('clearing the relay URL stops every channel; calendars poll again', async () => {
    const w = await watched();
    current = w;
    await w.bg.route({ type: 'updateSettings', settings: { relayUrl: '' } });
    expect(w.google.channels()).toEqual([]);
    await w.s.relay.idle();
    expect(w.s.host.shape().pushedScopes).toEqual([]);
    expect((await w.status()).relay.state).toBe('off');
  });
});
