// Everything the engine touches outside pure computation arrives through these ports (DESIGN §2),
// so the same engine runs in the service worker, in Node tests against emulators, and in benches.
import type { SyncStore } from './store-port';

export interface TokenPort {
  /** A bearer token for the source, or undefined when the user must sign in. The engine only ever
   * asks non-interactively: a background sync never opens a sign-in window. */
  getAccessToken(sourceId: string, options: { interactive: false }): Promise<string | undefined>;
  /** Drops a token the provider rejected (Chrome: removeCachedAuthToken), so the next ask renews. */
  invalidate(sourceId: string, token: string): Promise<void>;
}

export interface LockPort {
  /** Runs fn while holding the named exclusive lock (Web Locks in the browser; see lock.ts). */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export interface LogPort {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface SyncPorts {
  readonly fetch: typeof fetch;
  /** Epoch ms. */
  readonly now: () => number;
  /** Waits (in-run retry backoff, token bucket). Injected so tests on a ManualClock advance it
   * instead of sleeping; not one of DESIGN §2's named ports, but the clock's other half. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly store: SyncStore;
  readonly tokens: TokenPort;
  readonly lock: LockPort;
  readonly log: LogPort;
  /** Uniform in [0, 1): jitter. */
  readonly random: () => number;
}

/** A LogPort that drops everything (tests and benches that assert on other things). */
export const silentLog: LogPort = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
