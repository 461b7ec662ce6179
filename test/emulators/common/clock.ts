/**
 * Time as the emulators see it. Every timestamp an emulator produces (token expiry, `updated`,
 * sync budgets, request-log `at`) comes from an injected Clock so tests can move time by hand.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. Starts at `start` (default 2025-01-01T00:00:00Z). */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number | Date = Date.UTC(2025, 0, 1)) {
    this.#now = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.#now;
  }

  set(at: number | Date): void {
    this.#now = typeof at === 'number' ? at : at.getTime();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ManualClock.advance: bad ms ${ms}`);
    this.#now += ms;
  }
}
