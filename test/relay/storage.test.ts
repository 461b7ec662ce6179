import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { type DurableObjectState, env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { todoistWebhookBody } from './support/relay-client';
import { client, newUserId, TODOIST_CLIENT_SECRET } from './support/workerd';

function tables(state: DurableObjectState): string[] {
  return state.storage.sql
    .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .toArray()
    .map((r) => r.name)
    .filter((name) => !name.startsWith('_cf_') && !name.startsWith('sqlite_'));
}

describe('Durable Object storage', () => {
  it('stores only the hash of the secret', async () => {
    const sub = await client.createSubscriber();
    const stub = env.SUBSCRIBER_HUB.getByName(sub.subscriberId);
    const stored = await runInDurableObject(stub, (_, state: DurableObjectState) =>
      state.storage.sql.exec<{ secret_hash: string }>('SELECT secret_hash FROM subscriber').one(),
    );
    expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.secret_hash).not.toContain(sub.secret);
  });

  it('creates nothing for an unknown id and drops everything on delete', async () => {
    const sub = await client.createSubscriber();
    const stranger = { ...sub, subscriberId: 'ZZZZZZZZZZZZZZZZZZZZZZ' };
    expect((await client.deleteSubscriber(stranger)).status).toBe(404);
    const strangerStub = env.SUBSCRIBER_HUB.getByName(stranger.subscriberId);
    expect(await runInDurableObject(strangerStub, (_, state) => tables(state))).toEqual([]);

    const userId = newUserId();
    expect((await client.linkTodoist(sub, userId)).status).toBe(204);
    const hub = env.SUBSCRIBER_HUB.getByName(sub.subscriberId);
    const directory = env.TODOIST_DIRECTORY.getByName(userId);
    expect(await runInDurableObject(hub, (_, state) => tables(state))).toEqual([
      'log',
      'subscriber',
      'todoist_links',
    ]);
    expect(await runInDurableObject(directory, (_, state) => tables(state))).toEqual(['links']);
    expect((await client.deleteSubscriber(sub)).status).toBe(204);
    expect(await runInDurableObject(hub, (_, state) => tables(state))).toEqual([]);
    expect(await runInDurableObject(directory, (_, state) => tables(state))).toEqual([]);
  });

  it('prunes notifications past their age with an alarm', async () => {
    const sub = await client.createSubscriber();
    const userId = newUserId();
    expect((await client.linkTodoist(sub, userId)).status).toBe(204);
    const body = todoistWebhookBody({ userId });
    const hook = await client.postTodoist(body, { clientSecret: TODOIST_CLIENT_SECRET });
    expect(hook.status).toBe(200);
    const hub = env.SUBSCRIBER_HUB.getByName(sub.subscriberId);
    const alarm = await runInDurableObject(hub, (_, state) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
    // Age the entry past retention (RELAY_LOG_MAX_AGE_MS) and let the alarm run.
    await runInDurableObject(hub, (_, state: DurableObjectState) => {
      state.storage.sql.exec('UPDATE log SET received_at = 0');
    });
    expect(await runDurableObjectAlarm(hub)).toBe(true);
    const left = await runInDurableObject(hub, (_, state: DurableObjectState) =>
      state.storage.sql.exec('SELECT seq FROM log').toArray(),
    );
    expect(left).toEqual([]);
    // The client that last saw nothing (0) must now be told it missed something.
    const { sse } = await client.openEvents(sub, '0');
    expect((await sse.nextEvent()).event).toBe('ready');
    expect(JSON.parse((await sse.nextEvent()).data)).toEqual({ reason: 'gap', latestId: '1' });
    await sse.cancel();
  });
});
