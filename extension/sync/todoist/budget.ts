// Client-side Todoist budgets (todoist spec §6: per user per 15 minutes, 1,000 partial and 100
// full syncs). We keep 10% headroom — other apps of the same user spend the same budget, and the
// server's window may not line up with ours — and stop BEFORE the server would answer 429.
// Sliding window over send times, persisted by the store (one atomic read-modify-write per
// request), so a service-worker restart does not hand out a fresh budget.
import { z } from 'zod';
import { RateLimited } from '../errors';

export interface BudgetLimits {
  readonly partial: number;
  readonly full: number;
  readonly windowMs: number;
}

export const TODOIST_BUDGET: BudgetLimits = { partial: 900, full: 90, windowMs: 15 * 60_000 };

export type BudgetKind = 'partial' | 'full';

/** Send times (epoch ms) inside the window, oldest first. */
export const budgetUsageSchema = z.object({
  partial: z.array(z.number()),
  full: z.array(z.number()),
});
export type BudgetUsage = z.infer<typeof budgetUsageSchema>;

export const EMPTY_USAGE: BudgetUsage = { partial: [], full: [] };

export interface BudgetVerdict {
  readonly usage: BudgetUsage;
  /** Set when refused: how long until the oldest slot in the window frees up. */
  readonly retryAfterMs?: number;
}

function prune(usage: BudgetUsage, now: number, limits: BudgetLimits): BudgetUsage {
  const since = now - limits.windowMs;
  return {
    partial: usage.partial.filter((t) => t > since && t <= now),
    full: usage.full.filter((t) => t > since && t <= now),
  };
}

/** One slot of `kind` at `now`, or a refusal. A refused request spends nothing. */
export function takeSlot(
  usage: BudgetUsage,
  kind: BudgetKind,
  now: number,
  limits: BudgetLimits,
): BudgetVerdict {
  const current = prune(usage, now, limits);
  const used = current[kind];
  const oldest = used[0];
  if (used.length >= limits[kind] && oldest !== undefined) {
    return { usage: current, retryAfterMs: Math.max(1_000, oldest + limits.windowMs - now) };
  }
  return { usage: { ...current, [kind]: [...used, now] } };
}

/** The server answered a partial request with a full sync (spec §2), which it charges as full:
 * move that request's slot over so our count stays at least as strict as the server's. */
export function chargeAsFull(
  usage: BudgetUsage,
  sentAt: number,
  now: number,
  limits: BudgetLimits,
): BudgetUsage {
  const current = prune(usage, now, limits);
  const i = current.partial.lastIndexOf(sentAt);
  const partial = i < 0 ? current.partial : current.partial.filter((_, j) => j !== i);
  return { partial, full: [...current.full, sentAt].sort((a, b) => a - b) };
}

/** The store's atomic read-modify-write of one source's usage. */
export type UpdateBudget = <T>(
  sourceId: string,
  update: (usage: BudgetUsage) => { usage: BudgetUsage; result: T },
) => Promise<T>;

export interface BudgetGate {
  /** Spends a slot or throws RateLimited (reason `client-budget`) without sending anything. */
  take(sourceId: string, kind: BudgetKind): Promise<void>;
  chargedAsFull(sourceId: string, sentAt: number): Promise<void>;
}

export function createBudgetGate(deps: {
  readonly update: UpdateBudget;
  readonly now: () => number;
  /** `false`: no client-side budget (tests of the server's own 429). */
  readonly limits: BudgetLimits | false;
}): BudgetGate {
  const { limits } = deps;
  if (limits === false) return { take: async () => {}, chargedAsFull: async () => {} };
  return {
    async take(sourceId, kind) {
      const now = deps.now();
      const retryAfterMs = await deps.update(sourceId, (usage) => {
        const verdict = takeSlot(usage, kind, now, limits);
        return { usage: verdict.usage, result: verdict.retryAfterMs };
      });
      if (retryAfterMs !== undefined) {
        throw new RateLimited(`Todoist ${kind} sync budget spent on this device`, {
          reason: 'client-budget',
          retryAfterMs,
        });
      }
    },
    async chargedAsFull(sourceId, sentAt) {
      const now = deps.now();
      await deps.update(sourceId, (usage) => ({
        usage: chargeAsFull(usage, sentAt, now, limits),
        result: undefined,
      }));
    },
  };
}
