// One background (startBackground, exactly as the service worker runs it) against WXT's fake
// browser, a fresh Dexie store on fake-indexeddb, a fresh secret vault, and the in-process Google
// and Todoist emulators, all on one ManualClock (engine sleeps advance it).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Background, startBackground } from '../../../extension/platform/background-main';
import type { BuildConfig } from '../../../extension/platform/build-config';
import { createSecretVault, type SecretVault } from '../../../extension/platform/secret-vault';
import type { BackgroundDeps } from '../../../extension/platform/services';
import type { AlmanacDb } from '../../../extension/store/db';
import { openAlmanacStore } from '../../../extension/store/open';
import { createInProcessLock } from '../../../extension/sync/lock';
import { silentLog } from '../../../extension/sync/ports';
import { ManualClock } from '../../emulators/common/clock';
import { createGoogleEmulator, type GoogleEmulator } from '../../emulators/google/index';
import { createTodoistEmulator, type TodoistEmulator } from '../../emulators/todoist/index';
import { createFakeIdentity, createFakeMenus, type FakeMenus, fakeApis } from './fake-apis';

/** A Monday afternoon, like the engine tests. */
export const START = Date.UTC(2025, 0, 6, 17);

export const BUILD: BuildConfig = {
  googleApiBase: 'https://www.googleapis.com',
  googleAuthUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  googleTokenUrl: 'https://oauth2.googleapis.com/token',
  googleRevokeUrl: 'https://oauth2.googleapis.com/revoke',
  todoistApiBase: 'https://api.todoist.com',
  todoistAuthUrl: 'https://app.todoist.com/oauth/authorize',
  todoistTokenUrl: 'https://api.todoist.com/oauth/access_token',
  relayUrl: '',
  googleClientId: 'almanac-test',
  googleClientSecret: '',
  googleChromeClientId: '',
  googleScopes: 'https://www.googleapis.com/auth/calendar.readonly',
  todoistClientId: 'almanac-test',
  todoistClientSecret: '',
};

export interface World {
  readonly clock: ManualClock;
  readonly google: GoogleEmulator;
  readonly todoist: TodoistEmulator;
  readonly menus: FakeMenus;
  readonly identity: ReturnType<typeof createFakeIdentity>;
  readonly vault: SecretVault;
  readonly dbName: string;
  readonly fetch: typeof fetch;
  /** Starts a background on this world (again = a restarted service worker). */
  start(): Background;
  db(): Promise<AlmanacDb>;
}

/** A started background with the Google account connected and its first sync done: where most
 * tests of what a user does next begin. */
export async function startSyncedGoogle(world: World): Promise<Background> {
  const bg = world.start();
  await bg.caughtUp;
  await bg.route({ type: 'connect', provider: 'google' });
  await bg.route({ type: 'syncNow' });
  return bg;
}

let counter = 0;

/** A small seeded PRNG (mulberry32): distinct values, the same on every run. */
export function seededRandom(seed = 1): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `random` defaults to a constant 0.5 (backoff jitter lands mid-range); Todoist command uuids
 * come from it too, so tests that send several commands pass `seededRandom()`. */
export function createWorld(options: { readonly random?: () => number } = {}): World {
  fakeBrowser.reset();
  counter += 1;
  const clock = new ManualClock(START);
  const google = createGoogleEmulator({ clock, seed: 'demo' });
  const todoist = createTodoistEmulator({ clock, seed: 'demo' });
  // Both emulators are host-agnostic; route by the real hosts the build config names.
  const fetchFn: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return url.hostname.endsWith('todoist.com')
      ? todoist.fetch(input, init)
      : google.fetch(input, init);
  };
  const menus = createFakeMenus();
  const identity = createFakeIdentity(fetchFn);
  const dbName = `almanac-ext-${process.pid}-${counter}`;
  const vault = createSecretVault({ name: `${dbName}-secrets` });
  let ids = 0;
  const deps: BackgroundDeps = {
    api: fakeApis({ menus, identity }),
    openStore: () => openAlmanacStore({ name: dbName }),
    vault,
    fetch: fetchFn,
    now: () => clock.now(),
    sleep: async (ms) => clock.advance(ms),
    lock: createInProcessLock(),
    log: silentLog,
    random: options.random ?? (() => 0.5),
    newId: () => `id${++ids}`,
    subtle: crypto.subtle,
    getRandomValues: (a) => crypto.getRandomValues(a),
    build: BUILD,
    timers: { setInterval: () => 0, clearInterval: () => undefined },
  };
  return {
    clock,
    google,
    todoist,
    menus,
    identity,
    vault,
    dbName,
    fetch: fetchFn,
    start: () => startBackground(deps),
    db: async () => (await openAlmanacStore({ name: dbName })).db,
  };
}

export const SOURCE = 'google.demo@example.com';
