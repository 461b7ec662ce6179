// The relay core in Node over the in-memory ports — what the bench and e2e run in-process — with
// a manual clock, so time-based retention is reachable without waiting.
import { afterEach, describe, expect, it } from 'vitest';
import { createRelayApp } from '../../../relay/app';
import { createMemoryPorts, type MemoryRelayPorts } from '../../../relay/memory-ports';
import {
  RELAY_LOG_MAX_AGE_MS,
  RELAY_ROUTES,
  relayErrorSchema,
} from '../../../shared/relay-protocol';
import { googleHeaders, relayClient, todoistWebhookBody } from '../../relay/support/relay-client';

const SECRETS = { todoistClientSecret: 'client-secret', signingKey: 'signing-key' };

let ports: MemoryRelayPorts | undefined;
afterEach(() => ports?.close());

function setup(opts: { maxEntries?: number } = {}) {
  let now = 1_700_000_000_000;
  ports = createMemoryPorts({ secrets: SECRETS, now: () => now, ...opts });
  const app = createRelayApp(ports);
  const client = relayClient(async (url, init) => app.fetch(new Request(url, init)));
  return {
    client,
    ports,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('relay core over memory ports', () => {
  it('runs the whole push path: link, webhook, stream, resume', async () => {
    const { client } = setup();
    const sub = await client.createSubscriber();
    expect((await client.linkTodoist(sub, '7')).status).toBe(204);
    const token = await client.channelToken(sub, 'chan');
    const hook = await client.postTodoist(todoistWebhookBody({ userId: 7 }), {
      clientSecret: SECRETS.todoistClientSecret,
    });
    expect(hook.status).toBe(200);
    const google = await client.postGoogle(googleHeaders({ channelId: 'chan', token }));
    expect(google.status).toBe(200);
    const { sse } = await client.openEvents(sub, '0');
    expect(JSON.parse((await sse.nextEvent()).data)).toEqual({ latestId: '2' });
    expect(JSON.parse((await sse.nextEvent()).data)).toMatchObject({ provider: 'todoist' });
    expect(JSON.parse((await sse.nextEvent()).data)).toMatchObject({ provider: 'google' });
    await sse.cancel();
  });

  it('resets a client whose position is older than the retention age', async () => {
    const { client, advance } = setup();
    const sub = await client.createSubscriber();
    await client.linkTodoist(sub, '8');
    const post = () =>
      client.postTodoist(todoistWebhookBody({ userId: '8' }), {
        clientSecret: SECRETS.todoistClientSecret,
      });
    await post();
    advance(RELAY_LOG_MAX_AGE_MS - 1);
    await post();
    const fresh = await client.openEvents(sub, '0');
    expect((await fresh.sse.nextEvent()).event).toBe('ready');
    expect((await fresh.sse.nextEvent()).id).toBe('1');
    await fresh.sse.cancel();
    advance(2);
    const stale = await client.openEvents(sub, '0');
    expect((await stale.sse.nextEvent()).event).toBe('ready');
    const reset = await stale.sse.nextEvent();
    expect([reset.event, JSON.parse(reset.data)]).toEqual([
      'reset',
      { reason: 'gap', latestId: '2' },
    ]);
    await stale.sse.cancel();
    // Position 1 is still covered: entry 2 is within the age limit.
    const covered = await client.openEvents(sub, '1');
    await covered.sse.nextEvent();
    expect((await covered.sse.nextEvent()).id).toBe('2');
    await covered.sse.cancel();
  });

  it('closes the oldest stream beyond eight per subscriber', async () => {
    const { client, ports } = setup();
    const sub = await client.createSubscriber();
    const streams = [];
    for (let i = 0; i < 9; i++) streams.push((await client.openEvents(sub)).sse);
    expect(ports.core(sub.subscriberId)?.streamCount).toBe(8);
    expect(await streams[0]!.ended(1_000)).toBe(true);
    for (const s of streams) await s.cancel();
    expect(ports.core(sub.subscriberId)?.streamCount).toBe(0);
  });

  it('answers 503 naming the missing secrets when the relay has none', async () => {
    const bare = createMemoryPorts({ secrets: SECRETS });
    const app = createRelayApp({ ...bare, secrets: { missing: 'TODOIST_CLIENT_SECRET' } });
    const res = await app.fetch(
      new Request(`https://relay.test${RELAY_ROUTES.todoistHook}`, { method: 'POST', body: '{}' }),
    );
    expect(res.status).toBe(503);
    const body = relayErrorSchema.parse(await res.json());
    expect(body).toMatchObject({ error: 'relay_misconfigured' });
    expect(body.message).toContain('TODOIST_CLIENT_SECRET');
  });

  it('gives up on a client that stopped reading, instead of queueing for it forever', async () => {
    const { client, ports } = setup();
    const sub = await client.createSubscriber();
    await client.linkTodoist(sub, '9');
    const stalled = await client.openEvents(sub);
    for (let i = 0; i < 300; i++) {
      await client.postTodoist(todoistWebhookBody({ userId: '9' }), {
        clientSecret: SECRETS.todoistClientSecret,
      });
    }
    expect(ports.core(sub.subscriberId)?.streamCount).toBe(0);
    // It can still resume from where it was: the log kept everything.
    const resumed = await client.openEvents(sub, '0');
    expect(JSON.parse((await resumed.sse.nextEvent()).data)).toEqual({ latestId: '300' });
    expect((await resumed.sse.nextEvent()).id).toBe('1');
    await resumed.sse.cancel();
    await stalled.sse.cancel();
  });

  it('answers every unknown route and method with the JSON error shape', async () => {
    const app = createRelayApp(createMemoryPorts({ secrets: SECRETS }));
    for (const [method, path] of [
      ['GET', '/nope'],
      ['PATCH', RELAY_ROUTES.subscriber('AAAAAAAAAAAAAAAAAAAAAA')],
      ['GET', RELAY_ROUTES.todoistHook],
    ] as const) {
      const res = await app.fetch(new Request(`https://relay.test${path}`, { method }));
      expect(res.status).toBe(404);
      expect(relayErrorSchema.parse(await res.json()).error).toBe('not_found');
    }
  });
});
