// Which Todoist notifications can change what we hold (push-router.ts todoistVerdict), and the
// pushed safety-poll interval (scheduler.ts).
import { describe, expect, it } from 'vitest';
import { todoistVerdict } from '../../../extension/sync/push/push-router';
import {
  DEFAULT_SCHEDULE,
  intervalFor,
  nextRunAfterSuccess,
  withRegularInterval,
} from '../../../extension/sync/scheduler';
import { calendarScope, todoistScope } from '../../../extension/sync/scope';
import { todoistNotification } from '../../support/fake-relay';

const AT = '2025-01-06T17:00:00.000000Z';
const LATER = '2025-01-06T17:05:00.000000Z';
const open = { updatedAt: AT, checked: false };
const done = { updatedAt: AT, checked: true };
const n = (event: string, fields: { objectId?: string; updatedAt?: string } = {}) =>
  todoistNotification('u1', event, { objectId: 't1', ...fields });

describe('todoistVerdict', () => {
  it('skips the version we already hold (our own write echoing back)', () => {
    expect(todoistVerdict(n('item:updated', { updatedAt: AT }), open)).toMatchObject({
      sync: false,
    });
    expect(todoistVerdict(n('item:completed', { updatedAt: AT }), done).sync).toBe(false);
    expect(todoistVerdict(n('item:uncompleted', { updatedAt: AT }), open).sync).toBe(false);
    expect(todoistVerdict(n('item:added', { updatedAt: AT }), open).sync).toBe(false);
  });

  it('syncs a newer version, an unknown version, or a task we do not hold', () => {
    expect(todoistVerdict(n('item:updated', { updatedAt: LATER }), open).sync).toBe(true);
    expect(todoistVerdict(n('item:updated'), open).sync).toBe(true);
    expect(todoistVerdict(n('item:added', { updatedAt: AT }), undefined).sync).toBe(true);
    expect(todoistVerdict(todoistNotification('u1', 'item:updated'), open).sync).toBe(true);
  });

  it('a (un)completion that disagrees with what we hold syncs even at the same version', () => {
    expect(todoistVerdict(n('item:completed', { updatedAt: AT }), open).sync).toBe(true);
    expect(todoistVerdict(n('item:uncompleted', { updatedAt: AT }), done).sync).toBe(true);
  });

  it('a deletion syncs only when we hold the task', () => {
    expect(todoistVerdict(n('item:deleted', { updatedAt: AT }), open).sync).toBe(true);
    expect(todoistVerdict(n('item:deleted'), undefined)).toEqual({
      sync: false,
      why: 'deleted a task we do not hold',
    });
  });

  it('comments change nothing we hold; projects, sections and labels always sync', () => {
    expect(todoistVerdict(n('note:added'), undefined).sync).toBe(false);
    for (const event of ['project:updated', 'section:added', 'label:deleted']) {
      expect(todoistVerdict(n(event, { updatedAt: AT }), open).sync, event).toBe(true);
    }
  });
});

describe('scheduler: the pushed safety poll', () => {
  const scope = todoistScope('todoist-a');
  const pushed = { ...DEFAULT_SCHEDULE, pushedScopes: new Set([scope.id]) };

  it('a Todoist account push covers polls hourly; others keep 10 minutes', () => {
    expect(intervalFor(scope, DEFAULT_SCHEDULE)).toBe(10 * 60_000);
    expect(intervalFor(scope, pushed)).toBe(60 * 60_000);
    expect(intervalFor(todoistScope('todoist-b'), pushed)).toBe(10 * 60_000);
    expect(intervalFor(calendarScope('g', 'c'), pushed)).toBe(15 * 60_000);
    expect(nextRunAfterSuccess(scope, 0, pushed)).toBe(60 * 60_000);
  });

  it('when push stops covering it, an hourly schedule comes back to the regular interval', () => {
    const state = {
      scope: scope.id,
      status: 'ok' as const,
      lastSyncAt: 1_000,
      consecutiveFailures: 0,
      nextRunAt: 1_000 + 60 * 60_000,
    };
    expect(withRegularInterval(state, scope, 2_000, DEFAULT_SCHEDULE).nextRunAt).toBe(
      1_000 + 10 * 60_000,
    );
    // Long overdue: now.
    expect(withRegularInterval(state, scope, 30 * 60_000, DEFAULT_SCHEDULE).nextRunAt).toBe(
      30 * 60_000,
    );
    // Already sooner, failing or parked: untouched.
    const soon = { ...state, nextRunAt: 5_000 };
    expect(withRegularInterval(soon, scope, 2_000, DEFAULT_SCHEDULE)).toBe(soon);
    const failing = { ...state, status: 'retrying' as const };
    expect(withRegularInterval(failing, scope, 2_000, DEFAULT_SCHEDULE)).toBe(failing);
  });
});
