import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE,
  intervalFor,
  nextRunAfterSuccess,
} from '../../../extension/sync/scheduler';
import {
  calendarScope,
  parseScope,
  providerKey,
  todoistScope,
} from '../../../extension/sync/scope';

const MIN = 60_000;

describe('todoist scope and schedule', () => {
  it('round-trips a Todoist account scope', () => {
    const scope = todoistScope('todoist.123');
    expect(scope.id).toBe('todoist:account:todoist.123');
    expect(parseScope(scope.id)).toEqual(scope);
    expect(providerKey(scope)).toBe('todoist:account');
    expect(() => todoistScope('a:b')).toThrow(/invalid source id/);
    expect(() => parseScope('todoist:account:')).toThrow(/unknown scope/);
  });

  it('polls Todoist every 10 minutes, calendars on their own interval', () => {
    expect(intervalFor(todoistScope('t'), DEFAULT_SCHEDULE)).toBe(10 * MIN);
    expect(intervalFor(calendarScope('g', 'primary'), DEFAULT_SCHEDULE)).toBe(15 * MIN);
  });

  it('a run may ask to wake sooner, never below the alarm minimum', () => {
    const scope = todoistScope('t');
    expect(nextRunAfterSuccess(scope, 0, DEFAULT_SCHEDULE)).toBe(10 * MIN);
    expect(nextRunAfterSuccess(scope, 0, DEFAULT_SCHEDULE, 2 * MIN)).toBe(2 * MIN);
    expect(nextRunAfterSuccess(scope, 0, DEFAULT_SCHEDULE, 0)).toBe(30_000);
    expect(nextRunAfterSuccess(scope, 0, DEFAULT_SCHEDULE, 60 * MIN)).toBe(10 * MIN);
  });
});
