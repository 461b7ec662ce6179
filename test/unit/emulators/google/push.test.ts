import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../emulators/common/node-server';
import { EVENTS, setup, timed } from './helpers';

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A real HTTP receiver on an ephemeral port; answers with `statuses` in turn, then 200. */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const app = new Hono();
  app.post('/hook', async (c) => {
    received.push({ headers: Object.fromEntries(c.req.raw.headers), body: await c.req.text() });
    return c.body(null, (statuses.shift() ?? 200) as 200);
  });
  const server = await startServer(app, { port: 0 });
  servers.push(server);
  return { url: `${server.url}/hook`, received };
}

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('push notifications (spec §4)', () => {
  it('§4 watch → api#channel, then `sync` #1 and `exists` on changes with exact headers', async () => {
    const h = setup({ pushRetryDelaysMs: [5] });
    const rx = await receiver();
    const res = await h.api('POST', `${EVENTS}/watch`, {
      id: 'chan-1',
      type: 'web_hook',
      address: rx.url,
      token: 'target=demo&sig=abc',
    });
    expect(res.status).toBe(200);
    const expiration = h.clock.now() + 7 * 86_400_000;
    expect(res.body).toEqual({
      kind: 'api#channel',
      id: 'chan-1',
      resourceId: expect.stringMatching(/^[a-z0-9_-]{20,}$/),
      resourceUri: 'https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json',
      token: 'target=demo&sig=abc',
      expiration: String(expiration),
    });
    await h.g.push.idle();
    await h.api('POST', EVENTS, timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'));
    await h.api('POST', EVENTS, timed('2025-03-07T10:00:00', '2025-03-07T11:00:00'));
    await h.g.push.idle();
    expect(rx.received).toHaveLength(3);
    const [sync, e1, e2] = rx.received;
    expect(sync?.headers).toMatchObject({
      'x-goog-channel-id': 'chan-1',
      'x-goog-channel-token': 'target=demo&sig=abc',
      'x-goog-channel-expiration': new Date(expiration).toUTCString(),
      'x-goog-message-number': '1',
      'x-goog-resource-id': res.body.resourceId,
      'x-goog-resource-uri': res.body.resourceUri,
      'x-goog-resource-state': 'sync',
    });
    expect(sync?.headers['x-goog-channel-expiration']).toMatch(
      /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
    );
    expect(sync?.body).toBe('');
    expect(e1?.headers['x-goog-resource-state']).toBe('exists');
    expect(e2?.headers['x-goog-resource-state']).toBe('exists');
    const numbers = rx.received.map((r) => Number(r.headers['x-goog-message-number']));
    expect(numbers[1]).toBeGreaterThan(numbers[0]!);
    expect(numbers[2]).toBeGreaterThan(numbers[1]!);
  });

  it('§4 no channel token → no X-Goog-Channel-Token header; other calendars do not notify', async () => {
    const h = setup({ pushRetryDelaysMs: [5] });
    const rx = await receiver();
    await h.api('POST', `${EVENTS}/watch`, { id: 'c2', type: 'web_hook', address: rx.url });
    await h.api(
      'POST',
      `/calendars/${encodeURIComponent(h.g.calendarIds.personal)}/events`,
      timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'),
    );
    await h.g.push.idle();
    expect(rx.received).toHaveLength(1);
    expect(rx.received[0]?.headers['x-goog-channel-token']).toBeUndefined();
  });

  it('§4 a 503 from the receiver is retried until it succeeds', async () => {
    const h = setup({ pushRetryDelaysMs: [5, 5, 5] });
    const rx = await receiver([503, 503]);
    await h.api('POST', `${EVENTS}/watch`, { id: 'retry', type: 'web_hook', address: rx.url });
    await h.g.push.idle();
    expect(rx.received).toHaveLength(3);
    expect(rx.received.every((r) => r.headers['x-goog-message-number'] === '1')).toBe(true);
    const [delivery] = h.g.push.history();
    expect(delivery?.outcome).toBe('delivered');
    expect(delivery?.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
  });

  it('§4 reusing a channel id → 400 channelIdNotUnique', async () => {
    const h = setup({ pushRetryDelaysMs: [5] });
    const rx = await receiver();
    const body = { id: 'dup', type: 'web_hook', address: rx.url };
    expect((await h.api('POST', `${EVENTS}/watch`, body)).status).toBe(200);
    const again = await h.api('POST', `${EVENTS}/watch`, body);
    expect(again.status).toBe(400);
    expect(again.body.error.errors[0].reason).toBe('channelIdNotUnique');
    await h.g.push.idle();
  });

  it('§4 validation: id ≤ 64, token ≤ 256, type web_hook, https (or local http) address', async () => {
    const h = setup();
    const ok = { id: 'v1', type: 'web_hook', address: 'https://relay.example.com/hook' };
    for (const bad of [
      { ...ok, id: 'x'.repeat(65) },
      { ...ok, token: 't'.repeat(257) },
      { ...ok, type: 'email' },
      { ...ok, address: 'not a url' },
    ]) {
      expect((await h.api('POST', `${EVENTS}/watch`, bad)).status).toBe(400);
    }
    const plain = await h.api('POST', `${EVENTS}/watch`, {
      ...ok,
      address: 'http://relay.example.com/hook',
    });
    expect(plain.status).toBe(400);
    expect(plain.body.error.errors[0].reason).toBe('push.webhookUrlNotHttps');
    h.g.push.control({ action: 'drop', count: 1 });
    expect((await h.api('POST', `${EVENTS}/watch`, ok)).status).toBe(200);
  });

  it('§4 [open] requested TTLs beyond 7 days are capped; shorter ones honoured', async () => {
    const h = setup();
    h.g.push.control({ action: 'drop', count: 2 });
    const long = await h.api('POST', `${EVENTS}/watch`, {
      id: 'long',
      type: 'web_hook',
      address: 'https://relay.example.com/h',
      params: { ttl: String(30 * 86_400) },
    });
    expect(long.body.expiration).toBe(String(h.clock.now() + 7 * 86_400_000));
    const short = await h.api('POST', `${EVENTS}/watch`, {
      id: 'short',
      type: 'web_hook',
      address: 'https://relay.example.com/h',
      expiration: String(h.clock.now() + 3_600_000),
    });
    expect(short.body.expiration).toBe(String(h.clock.now() + 3_600_000));
  });

  it('§4 an expired channel stops delivering', async () => {
    const h = setup({ pushRetryDelaysMs: [5], accessTokenTtlMs: 30 * 86_400_000 });
    const rx = await receiver();
    await h.api('POST', `${EVENTS}/watch`, {
      id: 'exp',
      type: 'web_hook',
      address: rx.url,
      params: { ttl: '60' },
    });
    h.clock.advance(61_000);
    await h.api('POST', EVENTS, timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'));
    await h.g.push.idle();
    expect(rx.received.map((r) => r.headers['x-goog-resource-state'])).toEqual(['sync']);
    expect(h.g.channels()).toEqual([]);
  });

  it('§4 channels.stop → 204 and no more deliveries; unknown or foreign → 404', async () => {
    const h = setup({ pushRetryDelaysMs: [5] });
    const rx = await receiver();
    const ch = (
      await h.api('POST', `${EVENTS}/watch`, { id: 'stopme', type: 'web_hook', address: rx.url })
    ).body;
    const foreign = await h.as('alex')('POST', '/channels/stop', {
      id: 'stopme',
      resourceId: ch.resourceId,
    });
    expect(foreign.status).toBe(404);
    const wrongResource = await h.api('POST', '/channels/stop', {
      id: 'stopme',
      resourceId: 'other',
    });
    expect(wrongResource.status).toBe(404);
    const stop = await h.api('POST', '/channels/stop', { id: 'stopme', resourceId: ch.resourceId });
    expect(stop.status).toBe(204);
    expect(stop.text).toBe('');
    expect(
      (await h.api('POST', '/channels/stop', { id: 'stopme', resourceId: ch.resourceId })).status,
    ).toBe(404);
    await h.api('POST', EVENTS, timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'));
    await h.g.push.idle();
    expect(rx.received).toHaveLength(1);
  });

  it('§4 overlapping channels on one calendar both deliver (renewal by overlap)', async () => {
    const h = setup({ pushRetryDelaysMs: [5] });
    const rx = await receiver();
    const a = (
      await h.api('POST', `${EVENTS}/watch`, { id: 'old', type: 'web_hook', address: rx.url })
    ).body;
    const b = (
      await h.api('POST', `${EVENTS}/watch`, { id: 'new', type: 'web_hook', address: rx.url })
    ).body;
    expect(a.resourceId).toBe(b.resourceId);
    await h.api('POST', EVENTS, timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'));
    await h.g.push.idle();
    const ids = rx.received
      .filter((r) => r.headers['x-goog-resource-state'] === 'exists')
      .map((r) => r.headers['x-goog-channel-id']);
    expect(ids.sort()).toEqual(['new', 'old']);
  });

  it('§4 calendarList.watch notifies on calendar list changes', async () => {
    const h = setup({ pushRetryDelaysMs: [5] });
    const rx = await receiver();
    const res = await h.api('POST', '/users/me/calendarList/watch', {
      id: 'cl',
      type: 'web_hook',
      address: rx.url,
    });
    expect(res.status).toBe(200);
    await h.api('PATCH', `/users/me/calendarList/${encodeURIComponent(h.g.calendarIds.personal)}`, {
      hidden: true,
    });
    await h.g.push.idle();
    expect(rx.received.map((r) => r.headers['x-goog-resource-state'])).toEqual(['sync', 'exists']);
  });
});
