// A calendar's safety poll while push covers it (sync/scheduler.ts calendarPushedIntervalMs).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, intervalFor, withRegularInterval } from '../../extension/sync/scheduler';
import { calendarListScope, calendarScope } from '../../extension/sync/scope';

const MIN = 60_000;
const work = calendarScope('src', 'work@example.com');
const pushed = { ...DEFAULT_SCHEDULE, pushedScopes: new Set([work.id]) };

describe('pushed calendars poll hourly', () => {
  it('a covered calendar every hour, the others every 15 minutes, the list hourly as ever', () => {
    expect(intervalFor(work, pushed)).toBe(60 * MIN);
    expect(intervalFor(calendarScope('src', 'other'), pushed)).toBe(15 * MIN);
    expect(intervalFor(work, DEFAULT_SCHEDULE)).toBe(15 * MIN);
    expect(intervalFor(calendarListScope('src'), pushed)).toBe(60 * MIN);
  });

  it('never faster than the user’s own (slower) poll', () => {
    expect(intervalFor(work, { ...pushed, calendarIntervalMs: 120 * MIN })).toBe(120 * MIN);
  });

  it('when push stops covering it, an hourly next run comes back to 15 minutes', () => {
    const state = {
      scope: work.id,
      status: 'ok' as const,
      lastSyncAt: 0,
      consecutiveFailures: 0,
      nextRunAt: 60 * MIN,
    };
    expect(withRegularInterval(state, work, 5 * MIN, DEFAULT_SCHEDULE).nextRunAt).toBe(15 * MIN);
  });
});
