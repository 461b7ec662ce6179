// One chaos world: the Google emulator (short pages on — the spec allows them), a Dexie store on
// fake-indexeddb, and an engine wired exactly as the service worker wires it. `kill()` simulates
// Chrome stopping the service worker: every request of the current engine hangs forever at its
// next await, and a new engine starts over the same store — no catch, no finally, no cleanup runs.
import { type AlmanacStore, openAlmanacStore } from '../../extension/store/open';
import { createSyncEngine, type SyncEngine } from '../../extension/sync/engine';
import { createGoogleProviders } from '../../extension/sync/google/providers';
import { createProviderRegistry } from '../../extension/sync/provider';
import { ManualClock } from '../emulators/common/clock';
import { createGoogleEmulator, type GoogleEmulator } from '../emulators/google/index';
import { createEmulatorTokens, type EmulatorTokens } from '../engine/helpers/emulator-tokens';
import { createTestPorts } from '../support/test-ports';
import type { Random } from './random';

export const USER = 'demo';
export const SOURCE = 'demo';

export interface World {
  readonly clock: ManualClock;
  readonly google: GoogleEmulator;
  readonly store: AlmanacStore;
  readonly tokens: EmulatorTokens;
  engine: SyncEngine;
  /** The engine's API requests so far (all engine incarnations). */
  requests: number;
  kills: number;
  /** Starts `run` and kills the engine when it sends its (n+1)-th request; resolves either way. */
  runThenKill(n: number, run: (engine: SyncEngine) => Promise<unknown>): Promise<void>;
}

export async function createWorld(seed: number, random: Random, start: number): Promise<World> {
  const clock = new ManualClock(start);
  const google = createGoogleEmulator({ clock, seed: 'demo', shortPages: true });
  const store = await openAlmanacStore({ name: `almanac-chaos-${process.pid}-${seed}` });
  await store.db.sources.put({ id: SOURCE, provider: 'google' });
  const tokens = createEmulatorTokens(google, USER);

  let killAt = Number.POSITIVE_INFINITY;
  let onKill: (() => void) | undefined;
  let generation = 0;

  const makeEngine = () => {
    const mine = ++generation;
    const fetch: typeof globalThis.fetch = (async (
      input: string | URL | Request,
      init?: RequestInit,
    ): Promise<Response> => {
      // A request from a killed incarnation never completes: its service worker is gone.
      if (mine !== generation) return new Promise<never>(() => {});
      if (world.requests >= killAt) {
        killAt = Number.POSITIVE_INFINITY;
        generation++;
        world.kills++;
        onKill?.();
        return new Promise<never>(() => {});
      }
      world.requests++;
      return google.fetch(input, init);
    }) as typeof globalThis.fetch;
    const ports = createTestPorts({ clock, store, fetch, tokens, random: () => random.next() });
    return createSyncEngine({
      ports,
      providers: createProviderRegistry(createGoogleProviders(ports)),
    });
  };

  const world: World = {
    clock,
    google,
    store,
    tokens,
    engine: makeEngine(),
    requests: 0,
    kills: 0,
    async runThenKill(n, run) {
      const killsBefore = world.kills;
      killAt = world.requests + n;
      const killed = new Promise<void>((resolve) => {
        onKill = resolve;
      });
      await Promise.race([run(world.engine), killed]);
      killAt = Number.POSITIVE_INFINITY;
      onKill = undefined;
      // Chrome starts a fresh service worker: new engine, new in-memory lock, same IndexedDB.
      if (world.kills > killsBefore) world.engine = makeEngine();
    },
  };
  return world;
}
