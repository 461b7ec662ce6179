import { describe, expect, it } from 'vitest';
import {
  type BudgetUsage,
  chargeAsFull,
  createBudgetGate,
  EMPTY_USAGE,
  TODOIST_BUDGET,
  takeSlot,
} from '../../../extension/sync/todoist/budget';

const MIN = 60_000;
const limits = { partial: 3, full: 1, windowMs: 15 * MIN };

describe('todoist budget (sliding window)', () => {
  it('keeps 10% headroom under the published 1,000 / 100 per 15 min', () => {
    expect(TODOIST_BUDGET).toEqual({ partial: 900, full: 90, windowMs: 15 * MIN });
  });

  it('refuses the slot over the limit until the oldest one leaves the window', () => {
    let usage: BudgetUsage = EMPTY_USAGE;
    for (const t of [0, MIN, 2 * MIN]) {
      const v = takeSlot(usage, 'partial', t, limits);
      expect(v.retryAfterMs).toBeUndefined();
      usage = v.usage;
    }
    const refused = takeSlot(usage, 'partial', 3 * MIN, limits);
    expect(refused.retryAfterMs).toBe(12 * MIN);
    // A refused request spends nothing.
    expect(refused.usage.partial).toEqual([0, MIN, 2 * MIN]);
    // Full and partial are separate budgets.
    expect(takeSlot(usage, 'full', 3 * MIN, limits).retryAfterMs).toBeUndefined();
    const later = takeSlot(usage, 'partial', 15 * MIN + 1, limits);
    expect(later.retryAfterMs).toBeUndefined();
    expect(later.usage.partial).toEqual([MIN, 2 * MIN, 15 * MIN + 1]);
  });

  it('moves a partial slot to the full budget when the answer was a full sync', () => {
    const usage = { partial: [MIN, 2 * MIN], full: [] };
    expect(chargeAsFull(usage, 2 * MIN, 3 * MIN, limits)).toEqual({
      partial: [MIN],
      full: [2 * MIN],
    });
  });

  it('the gate throws RateLimited (client-budget) and persists through its store', async () => {
    let stored: BudgetUsage = EMPTY_USAGE;
    let now = 0;
    const gate = createBudgetGate({
      now: () => now,
      limits,
      update: async (_source, fn) => {
        const { usage, result } = fn(stored);
        stored = usage;
        return result;
      },
    });
    await gate.take('s', 'full');
    now = MIN;
    await expect(gate.take('s', 'full')).rejects.toMatchObject({
      name: 'RateLimited',
      reason: 'client-budget',
      retryAfterMs: 14 * MIN,
    });
    expect(stored.full).toEqual([0]);
  });
});
