// The engine's LockPort over Web Locks: exclusive per name across every context of the extension
// (service worker, pages, an offscreen document), and released by the browser if the holder dies —
// a service worker stopped mid-sync never leaves a scope locked.
import type { LockPort } from '../sync/ports';

export function createWebLock(locks: LockManager): LockPort {
  return {
    withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
      // request() resolves with the callback's own result once the lock is released.
      return locks.request(name, { mode: 'exclusive' }, fn) as Promise<T>;
    },
  };
}
