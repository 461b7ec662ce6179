// The push router with the real engine against the in-process Todoist emulator, whose webhooks
// (spec §7) are captured and reduced as the relay reduces them. The router's debounce waits on
// virtual time (test/support/virtual-timers.ts); the engine's own sleeps advance the clock.
import { afterEach, describe, expect, it } from 'vitest';
import { createPushLookup } from '../../extension/platform/relay-lookup';
import { silentLog } from '../../extension/sync/ports';
import { createPushRouter, type PushRouter } from '../../extension/sync/push/push-router';
import type { TodoistNotification } from '../../shared/relay-protocol';
import { ManualClock } from '../emulators/common/clock';
import { createTodoistEmulator } from '../emulators/todoist/index';
import { notificationFromWebhook, todoistNotification } from '../support/fake-relay';
import { createVirtualTimers, type VirtualTimers } from '../support/virtual-timers';
import {
  createTodoistHarness,
  TODOIST_SOURCE,
  TODOIST_START,
  type TodoistHarness,
} from './helpers/todoist-harness';

interface World {
  h: TodoistHarness;
  timers: VirtualTimers;
  router: PushRouter;
  userId: string;
  /** Webhooks delivered since the last call, reduced to notifications. */
  webhooks(): Promise<TodoistNotification[]>;
  /** Hands every new webhook to the router (not awaited: the router resolves after its run). */
  deliver(): Promise<TodoistNotification[]>;
  /** Runs of the Todoist scope so far, by reason. */
  runs(): Promise<string[]>;
}

let w: World | undefined;
afterEach(() => {
  w?.h.store.close();
  w = undefined;
});

async function world(): Promise<World> {
  const clock = new ManualClock(TODOIST_START);
  const delivered: TodoistNotification[] = [];
  const todoist = createTodoistEmulator({
    clock,
    seed: 'demo',
    pushFetch: async (_url, init) => {
      const id = new Headers(init?.headers).get('x-todoist-delivery-id') ?? 'none';
      delivered.push(notificationFromWebhook(String(init?.body), id, clock.now()));
      return new Response('ok');
    },
  });
  todoist.setWebhook({ url: 'https://relay.test/hooks/todoist', clientSecret: 'secret' });
  const h = await createTodoistHarness({ emulator: todoist, clock });
  const timers = createVirtualTimers(clock);
  const router = createPushRouter({
    now: () => clock.now(),
    sleep: timers.sleep,
    log: silentLog,
    lookup: createPushLookup(h.store.db),
    sync: (scope, reason) => h.engine.sync(scope, reason),
    scopes: () => h.engine.knownScopes(),
  });
  await h.run('first');
  // Later changes get a later `updated_at` than the seed's (the clock only moves when told to).
  clock.advance(60_000);
  let taken = 0;
  const webhooks = async () => {
    await todoist.push.idle();
    const fresh = delivered.slice(taken);
    taken = delivered.length;
    return fresh;
  };
  return {
    h,
    timers,
    router,
    userId: todoist.user().account.id,
    webhooks,
    async deliver() {
      const fresh = await webhooks();
      for (const n of fresh) void router.handle(n);
      return fresh;
    },
    runs: async () =>
      (await h.store.db.runs.where('scope').equals(h.scope.id).sortBy('seq')).map((r) => r.reason),
  };
}

/** Every handed-over notification looked up (scheduled or dropped), due runs finished. */
async function looked(router: PushRouter, scopes: string[]) {
  await router.settled();
  expect(router.pending()).toEqual(scopes);
}

describe('push router (real engine, Todoist emulator)', () => {
  it('the first sync records the Todoist user id the relay links', async () => {
    w = await world();
    const source = await w.h.store.db.sources.get(TODOIST_SOURCE);
    expect(source?.userId).toBe(w.userId);
    // A quiet run does not rewrite it.
    w.h.store.writes.reset();
    await w.h.run('quiet');
    expect(w.h.store.writes.data()).toBe(0);
  });

  it('a remote change: one sync, after 1.5 s of quiet', async () => {
    w = await world();
    const [task] = await w.h.rows();
    if (!task) throw new Error('demo seed has tasks');
    await w.h.remote.update(task.id, { content: 'Changed on the phone' });
    const notes = await w.deliver();
    expect(notes.map((n) => n.event)).toEqual(['item:updated']);
    await looked(w.router, [w.h.scope.id]);
    const before = w.h.sent.length;
    await w.timers.advance(1_499);
    expect(w.h.sent).toHaveLength(before); // still quiet
    await w.timers.advance(1);
    await w.router.idle();
    expect(w.h.sent).toHaveLength(before + 1);
    expect(await w.runs()).toEqual(['first', 'push']);
    expect((await w.h.row(task.id))?.content).toBe('Changed on the phone');
    await w.h.expectConverged();
  });

  it('a burst of 5 changes within the quiet period: one sync', async () => {
    w = await world();
    const tasks = await w.h.rows();
    for (let i = 0; i < 5; i++) {
      const task = tasks[i];
      if (!task) throw new Error('demo seed has 5 tasks');
      await w.h.remote.update(task.id, { content: `Edit ${i}` });
      await w.deliver();
      await looked(w.router, [w.h.scope.id]);
      await w.timers.advance(400);
    }
    await w.timers.advance(1_500);
    await w.router.idle();
    expect(await w.runs()).toEqual(['first', 'push']);
    await w.h.expectConverged();
  });

  it('a steady trickle still syncs by the 10 s maximum wait', async () => {
    w = await world();
    const [task] = await w.h.rows();
    if (!task) throw new Error('demo seed has tasks');
    for (let i = 0; i < 12; i++) {
      await w.h.remote.update(task.id, { content: `Tick ${i}` });
      await w.deliver();
      await looked(w.router, [w.h.scope.id]);
      await w.timers.advance(1_000);
      if (i === 9) {
        // 10 s after the first notification: the run happened despite the trickle.
        await w.router.settled();
        expect(await w.runs()).toEqual(['first', 'push']);
      }
    }
    await w.timers.advance(1_500);
    await w.router.idle();
    expect(await w.runs()).toEqual(['first', 'push', 'push']);
    await w.h.expectConverged();
  });

  it('our own completion echoing back: no sync', async () => {
    w = await world();
    const [task] = await w.h.rows();
    if (!task) throw new Error('demo seed has tasks');
    await (await w.h.actions.completeTask(TODOIST_SOURCE, task.id)).pushed;
    const sent = w.h.sent.length;
    const notes = await w.webhooks();
    expect(notes.map((n) => n.event)).toEqual(['item:completed']);
    const [echo] = notes;
    if (!echo) throw new Error('webhook');
    // It carries the version our own sync already brought back.
    expect(echo.updatedAt).toBe((await w.h.row(task.id))?.raw?.updated_at);
    await w.router.handle(echo);
    expect(w.router.pending()).toEqual([]);
    await w.timers.advance(60_000);
    await w.router.idle();
    expect(w.h.sent).toHaveLength(sent);
    expect(await w.runs()).toEqual(['first', 'outbox']);
  });

  it('a remote completion of a task we hold as open syncs, even at the same updated_at', async () => {
    w = await world();
    const [task] = await w.h.rows();
    if (!task) throw new Error('demo seed has tasks');
    const updatedAt = String(task.raw?.updated_at);
    const n = todoistNotification(w.userId, 'item:completed', { objectId: task.id, updatedAt });
    void w.router.handle(n);
    await looked(w.router, [w.h.scope.id]);
  });

  it('ignored: an unknown user, a deletion of a task we do not hold, a comment', async () => {
    w = await world();
    const [task] = await w.h.rows();
    if (!task) throw new Error('demo seed has tasks');
    const ignored = [
      todoistNotification('someone-else', 'item:updated', { objectId: task.id }),
      todoistNotification(w.userId, 'item:deleted', { objectId: 'never-seen' }),
      todoistNotification(w.userId, 'note:added', { objectId: 'n1' }),
      todoistNotification(w.userId, 'item:updated', {
        objectId: task.id,
        updatedAt: String(task.raw?.updated_at),
      }),
    ];
    await Promise.all(ignored.map((n) => w?.router.handle(n)));
    expect(w.router.pending()).toEqual([]);
    await w.router.idle();
    expect(await w.runs()).toEqual(['first']);
    // The same shapes that do concern us are scheduled.
    void w.router.handle(todoistNotification(w.userId, 'item:deleted', { objectId: task.id }));
    await looked(w.router, [w.h.scope.id]);
  });

  it('resync: every scope runs once', async () => {
    w = await world();
    await w.router.resyncAll('push-reset');
    expect(await w.runs()).toEqual(['first', 'push-reset']);
  });
});
