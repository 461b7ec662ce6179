import type { Clock } from '../common/clock';

/** spec §6: per user, per 15 minutes, 1,000 partial and 100 full syncs. */
export interface BudgetLimits {
  partial: number;
  full: number;
}

export type BudgetKind = keyof BudgetLimits;

export const DEFAULT_BUDGETS: BudgetLimits = { partial: 1000, full: 100 };
export const BUDGET_WINDOW_MS = 15 * 60 * 1000;

export type BudgetVerdict = { ok: true } | { ok: false; retryAfter: number };

/**
 * Sliding-window request budgets. A request that is refused does not spend a slot; the 429's
 * `retry_after` is the whole seconds until the oldest slot in the window frees up.
 */
export class SyncBudgets {
  readonly #limits: BudgetLimits | false;
  readonly #clock: Clock;
  #used = new Map<string, number[]>();

  constructor(limits: BudgetLimits | false, clock: Clock) {
    this.#limits = limits;
    this.#clock = clock;
  }

  take(user: string, kind: BudgetKind): BudgetVerdict {
    if (this.#limits === false) return { ok: true };
    const now = this.#clock.now();
    const key = `${user}\u0000${kind}`;
    const recent = (this.#used.get(key) ?? []).filter((t) => t > now - BUDGET_WINDOW_MS);
    this.#used.set(key, recent);
    const oldest = recent[0];
    if (recent.length >= this.#limits[kind] && oldest !== undefined) {
      return {
        ok: false,
        retryAfter: Math.max(1, Math.ceil((oldest + BUDGET_WINDOW_MS - now) / 1000)),
      };
    }
    recent.push(now);
    return { ok: true };
  }

  reset(): void {
    this.#used = new Map();
  }
}
