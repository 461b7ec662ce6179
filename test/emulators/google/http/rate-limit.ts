import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../../common/clock';
import { errors } from '../errors';

/**
 * spec §6: Google enforces a per-user per-minute quota over a sliding window and answers 403
 * `usageLimits/userRateLimitExceeded`. Off unless `perMinute` is given. Install after auth.
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #perMinute: number | undefined;
  #hits = new Map<string, number[]>();

  constructor(clock: Clock, perMinute: number | undefined) {
    this.#clock = clock;
    this.#perMinute = perMinute;
  }

  /** True when `user` may make one more request now (and counts it). */
  take(user: string): boolean {
    if (this.#perMinute === undefined) return true;
    const now = this.#clock.now();
    const recent = (this.#hits.get(user) ?? []).filter((t) => now - t < 60_000);
    const allowed = recent.length < this.#perMinute;
    if (allowed) recent.push(now);
    this.#hits.set(user, recent);
    return allowed;
  }

  clear(): void {
    this.#hits.clear();
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const user: unknown = c.get('user');
      if (typeof user === 'string' && !this.take(user)) throw errors.userRateLimitExceeded();
      await next();
    };
  }
}
