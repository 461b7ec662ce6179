// SyncPorts as every Node-side world wires them (engine tests, chaos, benches): time is a
// ManualClock whose sleeps advance it, the lock is in-process and the log silent. What differs
// between worlds — fetch (recorders, kill switches), tokens and the jitter source — is passed in.
import type { AlmanacStore } from '../../extension/store/open';
import { createInProcessLock } from '../../extension/sync/lock';
import { type SyncPorts, silentLog, type TokenPort } from '../../extension/sync/ports';
import type { ManualClock } from '../emulators/common/clock';

export interface TestPortsOptions {
  readonly clock: ManualClock;
  readonly store: AlmanacStore;
  readonly fetch: typeof fetch;
  readonly tokens: TokenPort;
  readonly random: () => number;
}

export function createTestPorts(o: TestPortsOptions): SyncPorts {
  return {
    fetch: o.fetch,
    now: () => o.clock.now(),
    sleep: async (ms) => o.clock.advance(ms),
    store: o.store.sync,
    tokens: o.tokens,
    lock: createInProcessLock(),
    log: silentLog,
    random: o.random,
  };
}
