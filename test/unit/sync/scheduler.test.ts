import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE,
  isDue,
  nextRunAfterFailure,
  nextRunAfterSuccess,
  reconcileDue,
  reconcileOffset,
} from '../../../extension/sync/scheduler';
import { calendarListScope, calendarScope } from '../../../extension/sync/scope';

const MIN = 60_000;
const DAY = 86_400_000;
const policy = DEFAULT_SCHEDULE;

describe('scheduler', () => {
  it('polls calendars every 15 min and the calendar list hourly, from the run start', () => {
    expect(nextRunAfterSuccess(calendarScope('me', 'a'), 1_000, policy)).toBe(1_000 + 15 * MIN);
    expect(nextRunAfterSuccess(calendarListScope('me'), 1_000, policy)).toBe(1_000 + 60 * MIN);
  });

  it('backs off exponentially with full jitter, floored at the alarm minimum', () => {
    const top = () => 0.999_999;
    const delays = [1, 2, 3, 4, 10].map((n) => nextRunAfterFailure(n, undefined, 0, top, policy));
    expect(delays[0]).toBeLessThanOrEqual(MIN);
    expect(delays[1]).toBeGreaterThan(MIN);
    expect(delays[2]).toBeGreaterThan(3 * MIN);
    expect(delays[3]).toBeGreaterThan(7 * MIN);
    expect(delays[4]).toBeLessThanOrEqual(policy.failureBackoff.capMs);
    expect(nextRunAfterFailure(5, undefined, 0, () => 0, policy)).toBe(policy.minRetryDelayMs);
  });

  it('never retries sooner than Retry-After', () => {
    expect(nextRunAfterFailure(1, 10 * MIN, 5, () => 0, policy)).toBe(5 + 10 * MIN);
  });

  it('knows what is due; needs-sign-in never is', () => {
    expect(isDue(undefined, 0)).toBe(true);
    const base = { scope: 's', status: 'ok' as const, consecutiveFailures: 0 };
    expect(isDue({ ...base, nextRunAt: 10 }, 10)).toBe(true);
    expect(isDue({ ...base, nextRunAt: 11 }, 10)).toBe(false);
    expect(isDue({ ...base, status: 'needs-sign-in', nextRunAt: null }, 1e15)).toBe(false);
  });

  it('staggers the weekly reconcile by a stable hash of the scope id', () => {
    const ids = Array.from({ length: 50 }, (_, i) => calendarScope('me', `cal${i}`).id);
    const offsets = ids.map((id) => reconcileOffset(id, policy));
    for (const o of offsets) expect(Math.abs(o)).toBeLessThanOrEqual(DAY / 2);
    expect(new Set(offsets).size).toBe(50);
    expect(reconcileOffset(ids[0] ?? '', policy)).toBe(offsets[0]);
    const id = ids[0] ?? '';
    const due = 7 * DAY + reconcileOffset(id, policy);
    expect(reconcileDue(id, 0, due - 1, policy)).toBe(false);
    expect(reconcileDue(id, 0, due, policy)).toBe(true);
  });
});
