import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  channelTokenIssuedSchema,
  RELAY_ROUTES,
  relayErrorSchema,
  subscriberCreatedSchema,
} from '../../shared/relay-protocol';
import { todoistWebhookBody } from './support/relay-client';
import { client, newUserId, TODOIST_CLIENT_SECRET } from './support/workerd';

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = relayErrorSchema.parse(await res.json());
  expect(body.error).toBe(code);
  expect(body.message.length).toBeGreaterThan(0);
}

describe('subscribers', () => {
  it('creates a subscriber with a fresh id and secret, never cached', async () => {
    const res = await SELF.fetch(client.url(RELAY_ROUTES.subscribers), { method: 'POST' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const a = subscriberCreatedSchema.parse(await res.json());
    const b = await client.createSubscriber();
    // 128-bit id and 256-bit secret, base64url.
    expect(a.subscriberId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b.subscriberId).not.toBe(a.subscriberId);
    expect(b.secret).not.toBe(a.secret);
  });

  it('refuses a missing or wrong bearer with 401 and an unknown subscriber with 404', async () => {
    const sub = await client.createSubscriber();
    const events = client.url(RELAY_ROUTES.events(sub.subscriberId));
    await expectError(await SELF.fetch(events), 401, 'unauthorized');
    await expectError(
      await SELF.fetch(events, { headers: { Authorization: `Basic ${sub.secret}` } }),
      401,
      'unauthorized',
    );
    const other = await client.createSubscriber();
    await expectError(
      await SELF.fetch(events, { headers: client.bearer(other) }),
      401,
      'unauthorized',
    );
    const unknown = { ...sub, subscriberId: 'AAAAAAAAAAAAAAAAAAAAAA' };
    await expectError(await client.deleteSubscriber(unknown), 404, 'unknown_subscriber');
    const malformed = { ...sub, subscriberId: 'no!' };
    await expectError(await client.linkTodoist(malformed, '1'), 404, 'unknown_subscriber');
  });

  it('deletes a subscriber: its secret stops working and its Todoist links are gone', async () => {
    const sub = await client.createSubscriber();
    const userId = newUserId();
    expect((await client.linkTodoist(sub, userId)).status).toBe(204);
    const del = await client.deleteSubscriber(sub);
    expect(del.status).toBe(204);
    await expectError(await client.deleteSubscriber(sub), 404, 'unknown_subscriber');
    await expectError(
      await SELF.fetch(client.url(RELAY_ROUTES.events(sub.subscriberId)), {
        headers: client.bearer(sub),
      }),
      404,
      'unknown_subscriber',
    );
    // A webhook for the formerly linked user is still accepted (Todoist must not retry).
    const hook = await client.postTodoist(todoistWebhookBody({ userId }), {
      clientSecret: TODOIST_CLIENT_SECRET,
    });
    expect(hook.status).toBe(200);
  });

  it('validates link bodies', async () => {
    const sub = await client.createSubscriber();
    const link = client.url(RELAY_ROUTES.todoistLink(sub.subscriberId));
    const put = (body: string) =>
      SELF.fetch(link, {
        method: 'PUT',
        headers: { ...client.bearer(sub), 'content-type': 'application/json' },
        body,
      });
    await expectError(await put('{not json'), 400, 'invalid_body');
    await expectError(await put(JSON.stringify({ userId: '' })), 400, 'invalid_body');
    await expectError(await put(JSON.stringify({ userId: '1', extra: true })), 400, 'invalid_body');
    expect((await put(JSON.stringify({ userId: '42' }))).status).toBe(204);
    // Linking twice is fine; unlinking is idempotent.
    expect((await put(JSON.stringify({ userId: '42' }))).status).toBe(204);
    expect((await client.linkTodoist(sub, '42', 'DELETE')).status).toBe(204);
    expect((await client.linkTodoist(sub, '42', 'DELETE')).status).toBe(204);
  });

  it('caps how many Todoist users one subscriber follows', async () => {
    const sub = await client.createSubscriber();
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await client.linkTodoist(sub, newUserId())).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(204));
    await expectError(await client.linkTodoist(sub, newUserId()), 409, 'too_many_links');
  });

  it('issues a channel token of at most 256 characters, bound to the channel id', async () => {
    const sub = await client.createSubscriber();
    const res = await SELF.fetch(client.url(RELAY_ROUTES.channelTokens(sub.subscriberId)), {
      method: 'POST',
      headers: { ...client.bearer(sub), 'content-type': 'application/json' },
      body: JSON.stringify({ channelId: 'almanac-cal-1' }),
    });
    expect(res.status).toBe(200);
    const { token } = channelTokenIssuedSchema.parse(await res.json());
    expect(token.length).toBeLessThanOrEqual(256);
    expect(await client.channelToken(sub, 'almanac-cal-2')).not.toBe(token);
    const bad = await SELF.fetch(client.url(RELAY_ROUTES.channelTokens(sub.subscriberId)), {
      method: 'POST',
      headers: { ...client.bearer(sub), 'content-type': 'application/json' },
      body: JSON.stringify({ channelId: 'has spaces' }),
    });
    await expectError(bad, 400, 'invalid_body');
  });

  it('answers CORS preflights from an extension origin', async () => {
    const sub = await client.createSubscriber();
    const res = await SELF.fetch(client.url(RELAY_ROUTES.events(sub.subscriberId)), {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization, last-event-id',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'last-event-id', 'content-type'])
      expect(allowed).toContain(h);
    const created = await SELF.fetch(client.url(RELAY_ROUTES.subscribers), {
      method: 'POST',
      headers: { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
    });
    expect(created.headers.get('access-control-allow-origin')).toBe('*');
    const stream = await SELF.fetch(client.url(RELAY_ROUTES.events(sub.subscriberId)), {
      headers: {
        ...client.bearer(sub),
        Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      },
    });
    expect(stream.headers.get('access-control-allow-origin')).toBe('*');
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await stream.body?.cancel();
  });

  it('limits body sizes with 413', async () => {
    const sub = await client.createSubscriber();
    const res = await client.linkTodoist(sub, 'x'.repeat(20_000));
    await expectError(res, 413, 'payload_too_large');
    const hook = await client.postTodoist(' '.repeat(1024 * 1024 + 1), {
      clientSecret: TODOIST_CLIENT_SECRET,
    });
    await expectError(hook, 413, 'payload_too_large');
  });
});
