// The engine as the benches run it: in-process Google emulator, Dexie on a private fake-indexeddb
// factory, ManualClock (sleeps advance it). No vitest here: benches run under plain tsx.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { type AlmanacStore, openAlmanacStore } from '../../extension/store/open';
import { createSyncEngine, type SyncEngine } from '../../extension/sync/engine';
import { createGoogleProviders } from '../../extension/sync/google/providers';
import type { TokenPort } from '../../extension/sync/ports';
import { createProviderRegistry } from '../../extension/sync/provider';
import type { ManualClock } from '../emulators/common/clock';
import type { GoogleEmulator } from '../emulators/google/index';
import { seededRandom } from '../support/seeded-random';
import { createTestPorts } from '../support/test-ports';

export const BENCH_USER = 'demo';
export const BENCH_SOURCE = 'demo';

/** A fresh database on its own in-memory IndexedDB. */
export function openBenchStore(name = 'almanac'): Promise<AlmanacStore> {
  return openAlmanacStore({ name, indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Like chrome.identity.getAuthToken: caches the token and renews it shortly before it expires
 * (the OAuth response says when), so a healthy client never spends a request on a 401. */
export function emulatorTokens(google: GoogleEmulator, clock: ManualClock): TokenPort {
  let current: { token: string; renewAt: number } | undefined;
  return {
    async getAccessToken() {
      if (!current || clock.now() >= current.renewAt) {
        const grant = google.tokens.issue(BENCH_USER);
        const ttlMs = (grant.expires_in ?? Number.POSITIVE_INFINITY) * 1000;
        current = { token: grant.access_token, renewAt: clock.now() + ttlMs - 5 * 60_000 };
      }
      return current.token;
    },
    async invalidate(_source, token) {
      if (current?.token === token) current = undefined;
    },
  };
}

export async function createBenchEngine(
  clock: ManualClock,
  google: GoogleEmulator,
  store: AlmanacStore,
): Promise<SyncEngine> {
  await store.db.sources.put({ id: BENCH_SOURCE, provider: 'google' });
  const ports = createTestPorts({
    clock,
    store,
    fetch: google.fetch,
    tokens: emulatorTokens(google, clock),
    random: seededRandom(7),
  });
  return createSyncEngine({
    ports,
    providers: createProviderRegistry(createGoogleProviders(ports)),
  });
}
