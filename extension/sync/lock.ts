import type { LockPort } from './ports';

/**
 * An exclusive named lock inside one JavaScript realm. The browser build uses Web Locks (which
 * also serialize the service worker against an offscreen document); Node tests and benches use
 * this. Each name keeps a promise chain: a waiter runs after the previous holder settles.
 */
export function createInProcessLock(): LockPort {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(fn, fn);
      const tail = run.catch(() => {});
      tails.set(name, tail);
      try {
        return await run;
      } finally {
        // Forget the chain once nobody queued behind us, so names do not accumulate.
        if (tails.get(name) === tail) tails.delete(name);
      }
    },
  };
}
