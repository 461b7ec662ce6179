// A token bucket per provider (DESIGN §2 budgets). Google publishes 600 requests/min/user; we stay
// far below it (5/s sustained = 300/min, burst 20) so several scopes syncing at once never trip it.

export interface TokenBucketOptions {
  readonly ratePerSecond: number;
  readonly burst: number;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface TokenBucket {
  /** Resolves when one request may go out. Callers are served in arrival order. */
  take(): Promise<void>;
}

export const GOOGLE_BUCKET = { ratePerSecond: 5, burst: 20 } as const;

export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { ratePerSecond, burst, now, sleep } = options;
  let tokens = burst;
  let refilledAt = now();
  let queue: Promise<void> = Promise.resolve();

  function refill(): void {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - refilledAt) / 1000) * ratePerSecond);
    refilledAt = t;
  }

  async function takeOne(): Promise<void> {
    refill();
    if (tokens < 1) {
      await sleep(Math.ceil(((1 - tokens) / ratePerSecond) * 1000));
      refill();
    }
    tokens = Math.max(0, tokens - 1);
  }

  return {
    take() {
      const mine = queue.then(takeOne);
      queue = mine.catch(() => {});
      return mine;
    },
  };
}
