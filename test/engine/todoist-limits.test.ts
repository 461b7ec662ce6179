import { afterEach, describe, expect, it } from 'vitest';
import { todoistOutbox, todoistTasks } from '../../extension/store/todoist/queries';
import {
  createTodoistHarness,
  TODOIST_SOURCE,
  type TodoistHarness,
} from './helpers/todoist-harness';

const MIN = 60_000;
let h: TodoistHarness;
afterEach(() => h?.store.close());

const limitsReached = {
  status: 429,
  body: {
    error: 'Too many requests. Limits reached. Try again later',
    error_code: 35,
    error_extra: { retry_after: 66 },
    error_tag: 'LIMITS_REACHED',
    http_code: 429,
  },
};

describe('todoist: rate limits and budgets', () => {
  it('429 LIMITS_REACHED: the run stops, honours retry_after, keeps cursor and queue', async () => {
    h = await createTodoistHarness();
    await h.run();
    const before = (await h.store.db.sources.get(TODOIST_SOURCE))?.todoistCursor;
    h.clock.advance(10 * MIN);
    h.todoist.faults.add({ match: { path: '/api/v1/sync' }, respond: limitsReached, times: 1 });
    const task = (await todoistTasks(h.store.db))[0];
    const done = await h.actions.completeTask(h.scope.sourceId, task?.id ?? '');
    const result = await done.pushed;
    const failedAt = h.clock.now();
    // 66 s is beyond the in-run retry wait: one request, then the scheduler takes over.
    expect(result).toMatchObject({ outcome: 'error', requests: 1 });
    expect(result?.state.lastError).toMatchObject({
      name: 'RateLimited',
      status: 429,
      reason: 'LIMITS_REACHED',
      retryAfterMs: 66_000,
    });
    expect(result?.state.nextRunAt).toBeGreaterThanOrEqual(failedAt + 66_000);
    expect((await h.store.db.sources.get(TODOIST_SOURCE))?.todoistCursor).toEqual(before);
    expect(await todoistOutbox(h.store.db, h.scope.sourceId)).toMatchObject([
      { status: 'pending', attempts: 1, lastError: { name: 'RateLimited' } },
    ]);
    expect(await h.engine.dueScopes(failedAt + 65_000)).toEqual([]);
    h.clock.set(result?.state.nextRunAt ?? 0);
    expect(await h.engine.runDue('alarm')).toMatchObject([{ outcome: 'ok' }]);
    expect(await h.row(task?.id ?? '')).toMatchObject({ checked: true, pending: [] });
  });

  it('client-side budgets stop before the server would, and survive a restart', async () => {
    // The server's real limits are 1,000 / 100 (spec §6); scaled down here, with the client's
    // headroom below them.
    h = await createTodoistHarness({
      budgets: { partial: 6, full: 3 },
      todoist: { budget: { partial: 4, full: 2, windowMs: 15 * MIN } },
    });
    expect(await h.run()).toMatchObject({ outcome: 'ok', mode: 'full' });
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      h.clock.advance(MIN);
      const r = await h.run();
      outcomes.push(r.outcome);
    }
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'error']);
    const refused = await h.engine.sync(h.scope, 'test');
    expect(refused).toMatchObject({ outcome: 'error', requests: 0 });
    expect(refused.state.lastError).toMatchObject({ name: 'RateLimited', reason: 'client-budget' });
    // The oldest partial sync frees its slot 15 min after it was sent (1 min after the start).
    const frees = h.clock.now() - 4 * MIN + 15 * MIN;
    expect(refused.state.lastError?.retryAfterMs).toBe(frees - h.clock.now());
    expect(refused.state.nextRunAt).toBeGreaterThanOrEqual(frees);
    expect(h.todoist.log.entries().filter((e) => e.status === 429)).toEqual([]);

    // A service-worker restart: new engine, same database — the budget is not handed out anew.
    const restarted = await createTodoistHarness({
      store: h.store,
      emulator: h.todoist,
      clock: h.clock,
      todoist: { budget: { partial: 4, full: 2, windowMs: 15 * MIN } },
    });
    expect(await restarted.run()).toMatchObject({ outcome: 'error', requests: 0 });
    h.clock.set(frees);
    expect(await restarted.run()).toMatchObject({ outcome: 'ok', requests: 1 });
    expect(h.todoist.log.entries().filter((e) => e.status === 429)).toEqual([]);
  });

  it('a full answer to an incremental request is charged to the full budget', async () => {
    h = await createTodoistHarness({
      todoist: { budget: { partial: 50, full: 2, windowMs: 15 * MIN } },
    });
    await h.run();
    h.todoist.forceFullSync({ user: 'demo', mode: 'full' });
    h.clock.advance(MIN);
    expect(await h.run()).toMatchObject({ outcome: 'ok', mode: 'full', fullResync: true });
    // Two full syncs spent: the next full one (a reset) is refused before sending.
    await h.engine.clearCursor(h.scope);
    h.clock.advance(MIN);
    const refused = await h.run();
    expect(refused).toMatchObject({ outcome: 'error', requests: 0 });
    expect(refused.state.lastError).toMatchObject({ reason: 'client-budget' });
  });
});

describe('todoist: auth', () => {
  it('401 AUTH_INVALID_TOKEN: needs sign-in after one request; resumes after sign-in', async () => {
    h = await createTodoistHarness();
    await h.run();
    h.tokens.override = 'revoked-token';
    h.clock.advance(10 * MIN);
    const result = await h.run();
    // A personal token does not renew itself: invalidating yields the same one, not re-sent.
    expect(result).toMatchObject({ outcome: 'error', requests: 1 });
    expect(result.state).toMatchObject({ status: 'needs-sign-in', nextRunAt: null });
    expect(result.state.lastError).toMatchObject({
      name: 'AuthExpired',
      status: 401,
      reason: 'AUTH_INVALID_TOKEN',
    });
    expect(h.tokens.invalidated).toEqual(['revoked-token']);
    h.clock.advance(60 * MIN);
    expect(await h.engine.dueScopes()).toEqual([]);

    h.tokens.override = undefined;
    await h.engine.resumeSource(TODOIST_SOURCE);
    expect((await h.engine.dueScopes()).map((s) => s.id)).toEqual([h.scope.id]);
    expect(await h.run('signed-in')).toMatchObject({ outcome: 'ok', mode: 'incremental' });
  });

  it('403 AUTH_INVALID_TOKEN is the same path; no token at all sends nothing', async () => {
    h = await createTodoistHarness();
    await h.run();
    h.todoist.faults.add({
      match: { path: '/api/v1/sync' },
      respond: {
        status: 403,
        body: { error: 'Invalid token', error_tag: 'AUTH_INVALID_TOKEN', http_code: 403 },
      },
      times: 1,
    });
    h.clock.advance(10 * MIN);
    expect((await h.run()).state.status).toBe('needs-sign-in');

    h.tokens.override = '';
    const before = h.sent.length;
    await h.engine.resumeSource(TODOIST_SOURCE);
    const result = await h.run();
    expect(result.state).toMatchObject({ status: 'needs-sign-in' });
    expect(h.sent.length).toBe(before);
  });
});

describe('todoist: quick add', () => {
  it('creates the task online, returns it with its web link, and shows it at once', async () => {
    h = await createTodoistHarness();
    await h.run();
    h.clock.advance(MIN);
    const { task, link } = await h.actions.quickAdd(h.scope.sourceId, 'Call mum tomorrow 5pm p1');
    expect(task).toMatchObject({ content: 'Call mum', priority: 4 });
    expect(task.due?.date).toMatch(/^\d{4}-\d{2}-\d{2}T17:00:00$/);
    expect(link).toBe(`https://app.todoist.com/app/task/${task.id}`);
    expect(h.sent.at(-1)?.path).toBe('/api/v1/tasks/quick');
    expect(await h.row(task.id)).toMatchObject({ content: 'Call mum', pending: [] });
    // The next sync brings the same version: nothing to rewrite for it.
    h.clock.advance(10 * MIN);
    h.store.writes.reset();
    await h.run();
    expect(h.store.writes.byTable().tasks).toBeUndefined();
    await h.expectConverged();
  });
});
