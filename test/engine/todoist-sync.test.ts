import { afterEach, describe, expect, it } from 'vitest';
import { todoistTasks } from '../../extension/store/todoist/queries';
import { createSyncEngine } from '../../extension/sync/engine';
import { createProviderRegistry } from '../../extension/sync/provider';
import {
  createTodoistHarness,
  TODOIST_SOURCE,
  TODOIST_START,
  type TodoistHarness,
} from './helpers/todoist-harness';

const MIN = 60_000;
let h: TodoistHarness;
afterEach(() => h?.store.close());

async function source() {
  return h.store.db.sources.get(TODOIST_SOURCE);
}

describe('todoist: full sync, then incremental', () => {
  it('first run: one full sync of items, projects, sections, labels and user', async () => {
    h = await createTodoistHarness();
    const result = await h.run();
    expect(result).toMatchObject({ outcome: 'ok', mode: 'full', requests: 1, pages: 1 });
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]?.path).toBe('/api/v1/sync');
    expect(h.sent[0]?.body).toEqual({
      sync_token: '*',
      resource_types: ['items', 'projects', 'sections', 'labels', 'user'],
    });
    await h.expectConverged();
    expect((await h.rows()).length).toBeGreaterThan(5);
    const src = await source();
    // spec §2 `user`: the zone floating due dates are read in, and the Inbox.
    expect(src?.timeZone).toBe('America/New_York');
    expect(src?.inboxProjectId).toBe(h.todoist.user().account.inboxProjectId);
    expect(src?.todoistCursor).toMatchObject({ fullSyncedAt: TODOIST_START });
    // A floating due date is placed in the user's zone.
    const timed = (await h.rows()).find((t) => t.due?.date?.includes('T'));
    expect(timed?.dueMs).toBe(Date.parse(`${timed?.due?.date}-05:00`));
    expect(result.state).toMatchObject({ status: 'ok', nextRunAt: TODOIST_START + 10 * MIN });
  });

  it('a second run with no remote change: exactly one request and zero data writes', async () => {
    h = await createTodoistHarness();
    await h.run();
    const token = (await source())?.todoistCursor?.token;
    h.clock.advance(10 * MIN);
    h.store.writes.reset();
    const result = await h.run();
    expect(result).toMatchObject({ outcome: 'ok', mode: 'incremental', requests: 1, changes: 0 });
    expect(h.sent).toHaveLength(2);
    expect(h.sent[1]?.body).toEqual({
      sync_token: token,
      resource_types: ['items', 'projects', 'sections', 'labels', 'user'],
    });
    expect(h.store.writes.data()).toBe(0);
    // Audit only: scheduling, the run row, metrics, and the budget's send times.
    expect(Object.keys(h.store.writes.byTable()).sort()).toEqual([
      'meta',
      'metrics',
      'runs',
      'scopes',
    ]);
  });

  it('merges remote adds, edits, completions and deletions; completed tasks are kept as done', async () => {
    h = await createTodoistHarness();
    await h.run();
    const [a, b, c] = (await todoistTasks(h.store.db)).map((t) => t.id);
    if (!a || !b || !c) throw new Error('demo seed has tasks');
    const added = await h.remote.addTask('Buy stamps', { priority: 3 });
    await h.remote.update(a, { content: 'Renamed remotely' });
    await h.remote.complete(b);
    await h.remote.remove(c);

    h.clock.advance(10 * MIN);
    const result = await h.run();
    expect(result).toMatchObject({ outcome: 'ok', mode: 'incremental', requests: 1 });
    await h.expectConverged();
    expect((await h.row(added))?.priority).toBe(3);
    expect((await h.row(a))?.content).toBe('Renamed remotely');
    expect(await h.row(c)).toBeUndefined();
    // spec §2 [open]: `checked` is done, never gone.
    const done = await h.row(b);
    expect(done).toMatchObject({ checked: true, pending: [] });
    expect(done?.completedAt).toBeDefined();
    const open = (await todoistTasks(h.store.db)).map((t) => t.id);
    const all = (await todoistTasks(h.store.db, { includeCompleted: true })).map((t) => t.id);
    expect(open).not.toContain(b);
    expect(all).toContain(b);
  });

  it('full_sync: true on an incremental request replaces the account, never merges', async () => {
    h = await createTodoistHarness();
    await h.run();
    const [victim] = (await todoistTasks(h.store.db)).map((t) => t.id);
    if (!victim) throw new Error('demo seed has tasks');
    await h.remote.remove(victim);
    // The server answers the next incremental request with a full sync: it holds no tombstone
    // for the deleted task (spec §2), so only a replace can drop it.
    h.todoist.forceFullSync({ user: 'demo', mode: 'full' });
    h.clock.advance(10 * MIN);
    const result = await h.run();
    expect(result).toMatchObject({ outcome: 'ok', mode: 'full', fullResync: true, requests: 1 });
    expect(await h.row(victim)).toBeUndefined();
    await h.expectConverged();
    expect((await source())?.todoistCursor?.fullSyncedAt).toBe(TODOIST_START + 10 * MIN);
  });

  it('an unknown sync token is answered with a full sync, applied as a replace', async () => {
    h = await createTodoistHarness();
    await h.run();
    const src = await source();
    const cursor = src?.todoistCursor;
    if (!src || !cursor) throw new Error('synced');
    await h.store.db.sources.put({ ...src, todoistCursor: { ...cursor, token: 'not-a-token' } });
    await h.store.db.tasks.put({
      sourceId: TODOIST_SOURCE,
      id: 'stale',
      localId: 'stale',
      content: 'left over',
      description: '',
      priority: 1,
      labels: [],
      childOrder: 0,
      checked: false,
      pending: [],
      raw: { id: 'stale', project_id: 'x', content: 'left over' },
    });
    h.clock.advance(10 * MIN);
    const result = await h.run();
    expect(result).toMatchObject({ outcome: 'ok', mode: 'full', fullResync: true });
    expect(await h.row('stale')).toBeUndefined();
    await h.expectConverged();
  });

  it('a delayed full sync is followed at once by an incremental sync, applied together', async () => {
    h = await createTodoistHarness();
    const early = await h.remote.addTask('Made before the lag');
    h.clock.advance(30_000);
    const late = await h.remote.addTask('Made inside the lag');
    h.clock.advance(30_000);
    // Full-sync answers now show the account as it was 60 s ago (spec §2 delayed full sync).
    h.todoist.forceFullSync({ user: 'demo', mode: 'delayed', delayMs: 45_000 });
    h.store.writes.reset();
    const result = await h.run();
    expect(result).toMatchObject({ outcome: 'ok', mode: 'full', requests: 2, pages: 2 });
    const first = h.sent[0]?.body;
    const second = h.sent[1]?.body;
    expect(first?.sync_token).toBe('*');
    expect(second?.sync_token).not.toBe('*');
    expect(await h.row(early)).toBeDefined();
    expect(await h.row(late)).toBeDefined();
    await h.expectConverged();
    // One transaction, one cursor: the token stored is the follow-up's.
    expect((await source())?.todoistCursor?.token).not.toBe(first?.sync_token);
    expect(h.store.writes.byTable().sources).toBe(1);
  });

  it('the engine knows the Todoist scope and schedules it on its own interval', async () => {
    h = await createTodoistHarness();
    expect((await h.engine.knownScopes()).map((s) => s.id)).toEqual([h.scope.id]);
    const [first] = await h.engine.runDue('alarm');
    expect(first).toMatchObject({ scope: h.scope.id, outcome: 'ok', mode: 'full' });
    expect(await h.engine.dueScopes()).toEqual([]);
    h.clock.advance(10 * MIN);
    expect((await h.engine.dueScopes()).map((s) => s.id)).toEqual([h.scope.id]);
    // Reset and resync works for every kind of scope.
    await h.engine.clearCursor(h.scope);
    expect((await source())?.todoistCursor).toBeUndefined();
    expect(await h.run()).toMatchObject({ mode: 'full', fullResync: false });
    await h.expectConverged();
  });

  it('an engine without the Todoist provider does not count Todoist sources as its scopes', async () => {
    h = await createTodoistHarness();
    const googleOnly = createSyncEngine({ ports: h.ports, providers: createProviderRegistry([]) });
    expect(await googleOnly.knownScopes()).toEqual([]);
    expect(await googleOnly.runDue()).toEqual([]);
    expect(h.sent).toEqual([]);
  });

  it('a source removed meanwhile is skipped without a request', async () => {
    h = await createTodoistHarness();
    await h.store.db.sources.delete(TODOIST_SOURCE);
    const result = await h.run();
    expect(result).toMatchObject({ outcome: 'skipped', requests: 0 });
    expect(h.sent).toEqual([]);
  });
});
