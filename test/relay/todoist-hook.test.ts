import { describe, expect, it } from 'vitest';
import { relayErrorSchema, todoistNotificationSchema } from '../../shared/relay-protocol';
import { newDeliveryId, todoistSignature, todoistWebhookBody } from './support/relay-client';
import { client, newUserId, TODOIST_CLIENT_SECRET } from './support/workerd';

async function linked() {
  const sub = await client.createSubscriber();
  const userId = newUserId();
  expect((await client.linkTodoist(sub, userId)).status).toBe(204);
  const { sse } = await client.openEvents(sub);
  expect((await sse.nextEvent()).event).toBe('ready');
  return { sub, userId, sse };
}

const post = (body: string, opts: { deliveryId?: string; signature?: string | null } = {}) =>
  client.postTodoist(body, { clientSecret: TODOIST_CLIENT_SECRET, ...opts });

describe('POST /hooks/todoist', () => {
  it('delivers a correctly signed webhook, reduced to ids and versions', async () => {
    const { userId, sse } = await linked();
    const deliveryId = newDeliveryId();
    const body = todoistWebhookBody({
      userId,
      eventName: 'item:completed',
      objectId: 'task-a',
      content: 'Call the dentist',
      updatedAt: '2026-05-01T09:30:00.000000Z',
    });
    const res = await post(body, { deliveryId });
    expect(res.status).toBe(200);
    const event = await sse.nextEvent();
    expect(event).toMatchObject({ event: 'notification', id: '1' });
    const n = todoistNotificationSchema.parse(JSON.parse(event.data));
    expect(n).toEqual({
      provider: 'todoist',
      userId,
      event: 'item:completed',
      objectId: 'task-a',
      updatedAt: '2026-05-01T09:30:00.000000Z',
      deliveryId,
      triggeredAt: '2026-05-01T10:00:00.000000Z',
      receivedAt: expect.any(Number),
    });
    // No content, description, e-mail or name reaches the stream.
    for (const secret of ['Call the dentist', 'secret plans', 'someone@example.com', 'Someone']) {
      expect(event.data).not.toContain(secret);
    }
    await sse.cancel();
  });

  it('refuses a bad or missing signature with 401 and logs nothing', async () => {
    const { userId, sse } = await linked();
    const body = todoistWebhookBody({ userId, objectId: 'forged' });
    const wrongKey = await todoistSignature(body, 'not-the-client-secret');
    const otherBody = await todoistSignature(todoistWebhookBody({ userId }), TODOIST_CLIENT_SECRET);
    for (const signature of [wrongKey, otherBody, 'bm90IGEgbWFj', '!!!', null]) {
      const res = await post(body, { signature });
      expect(res.status).toBe(401);
      expect(relayErrorSchema.parse(await res.json()).error).toBe('bad_signature');
    }
    // The first notification the stream sees is the genuine one, numbered 1.
    expect((await post(todoistWebhookBody({ userId, objectId: 'genuine' }))).status).toBe(200);
    const event = await sse.nextEvent();
    expect(event.id).toBe('1');
    expect(JSON.parse(event.data)).toMatchObject({ objectId: 'genuine' });
    await sse.cancel();
  });

  it('logs a redelivery (same delivery id) once', async () => {
    const { userId, sse } = await linked();
    const deliveryId = newDeliveryId();
    const body = todoistWebhookBody({ userId, objectId: 'once' });
    expect((await post(body, { deliveryId })).status).toBe(200);
    expect((await post(body, { deliveryId })).status).toBe(200);
    expect((await post(todoistWebhookBody({ userId, objectId: 'next' }))).status).toBe(200);
    const first = await sse.nextEvent();
    const second = await sse.nextEvent();
    expect([first.id, JSON.parse(first.data).objectId]).toEqual(['1', 'once']);
    expect([second.id, JSON.parse(second.data).objectId]).toEqual(['2', 'next']);
    await sse.cancel();
  });

  it('answers 200 for a user nobody follows, and delivers nothing', async () => {
    const { userId, sse } = await linked();
    const stranger = newUserId();
    expect((await post(todoistWebhookBody({ userId: stranger }))).status).toBe(200);
    expect((await post(todoistWebhookBody({ userId, objectId: 'mine' }))).status).toBe(200);
    const event = await sse.nextEvent();
    expect(event.id).toBe('1');
    expect(JSON.parse(event.data)).toMatchObject({ userId, objectId: 'mine' });
    await sse.cancel();
  });

  it('stops delivering once the user is unlinked', async () => {
    const { sub, userId, sse } = await linked();
    expect((await client.linkTodoist(sub, userId, 'DELETE')).status).toBe(204);
    expect((await post(todoistWebhookBody({ userId, objectId: 'after-unlink' }))).status).toBe(200);
    expect((await client.linkTodoist(sub, userId)).status).toBe(204);
    expect((await post(todoistWebhookBody({ userId, objectId: 'relinked' }))).status).toBe(200);
    const event = await sse.nextEvent();
    expect([event.id, JSON.parse(event.data).objectId]).toEqual(['1', 'relinked']);
    await sse.cancel();
  });

  it('accepts a numeric user_id and delivers to every subscriber of that user', async () => {
    const userId = newUserId();
    const a = await client.createSubscriber();
    const b = await client.createSubscriber();
    for (const sub of [a, b]) expect((await client.linkTodoist(sub, userId)).status).toBe(204);
    const streams = await Promise.all([a, b].map(async (s) => (await client.openEvents(s)).sse));
    expect((await post(todoistWebhookBody({ userId: Number(userId) }))).status).toBe(200);
    for (const sse of streams) {
      expect((await sse.nextEvent()).event).toBe('ready');
      const event = await sse.nextEvent();
      expect(JSON.parse(event.data)).toMatchObject({ provider: 'todoist', userId });
      await sse.cancel();
    }
  });

  it('refuses a signed body that is not a Todoist webhook with 400', async () => {
    for (const body of ['not json', '{}', JSON.stringify({ event_name: 'item:added' })]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(relayErrorSchema.parse(await res.json()).error).toBe('invalid_webhook');
    }
  });
});
