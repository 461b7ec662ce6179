import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  RELAY_ROUTES,
  readyEventSchema,
  relayNotificationSchema,
  resetEventSchema,
  type SubscriberCreated,
} from '../../shared/relay-protocol';
import { todoistWebhookBody } from './support/relay-client';
import { SseReader } from './support/sse-reader';
import {
  client,
  expectOpenStreams,
  LOG_MAX_ENTRIES,
  newUserId,
  TODOIST_CLIENT_SECRET,
} from './support/workerd';

/** A subscriber linked to a fresh Todoist user, and a way to make that user's tasks change. */
async function linkedSubscriber() {
  const sub = await client.createSubscriber();
  const userId = newUserId();
  expect((await client.linkTodoist(sub, userId)).status).toBe(204);
  let n = 0;
  const change = async () => {
    n += 1;
    const res = await client.postTodoist(todoistWebhookBody({ userId, objectId: `task-${n}` }), {
      clientSecret: TODOIST_CLIENT_SECRET,
    });
    expect(res.status).toBe(200);
  };
  return { sub, userId, change };
}

async function expectReady(sse: SseReader, latestId: string) {
  const ready = await sse.nextEvent();
  expect(ready.event).toBe('ready');
  expect(ready.id).toBeUndefined();
  expect(readyEventSchema.parse(JSON.parse(ready.data))).toEqual({ latestId });
}

async function expectNotification(sse: SseReader, id: string, objectId?: string) {
  const event = await sse.nextEvent();
  expect(event.event).toBe('notification');
  expect(event.id).toBe(id);
  const n = relayNotificationSchema.parse(JSON.parse(event.data));
  if (objectId !== undefined) expect(n).toMatchObject({ objectId });
  return n;
}

async function open(sub: SubscriberCreated, lastEventId?: string) {
  return (await client.openEvents(sub, lastEventId)).sse;
}

describe('events stream', () => {
  it('answers text/event-stream, uncached, and starts with ready', async () => {
    const { sub } = await linkedSubscriber();
    const { res, sse } = await client.openEvents(sub);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    await expectReady(sse, '0');
    await sse.cancel();
  });

  it('delivers notifications live, with the log sequence as id', async () => {
    const { sub, change } = await linkedSubscriber();
    const sse = await open(sub);
    await expectReady(sse, '0');
    await change();
    await expectNotification(sse, '1', 'task-1');
    await change();
    await expectNotification(sse, '2', 'task-2');
    await sse.cancel();
  });

  it('resumes after Last-Event-ID with only the newer notifications', async () => {
    const { sub, change } = await linkedSubscriber();
    await change();
    await change();
    await change();
    const sse = await open(sub, '1');
    await expectReady(sse, '3');
    await expectNotification(sse, '2', 'task-2');
    await expectNotification(sse, '3', 'task-3');
    await change();
    await expectNotification(sse, '4', 'task-4');
    await sse.cancel();

    // Up to date: nothing replayed, the next live one follows ready.
    const again = await open(sub, '4');
    await expectReady(again, '4');
    await change();
    await expectNotification(again, '5', 'task-5');
    await again.cancel();
  });

  it('also accepts the resume point as ?lastEventId=', async () => {
    const { sub, change } = await linkedSubscriber();
    await change();
    await change();
    const res = await SELF.fetch(
      `${client.url(RELAY_ROUTES.events(sub.subscriberId))}?lastEventId=1`,
      { headers: client.bearer(sub) },
    );
    const sse = new SseReader(res.body);
    await expectReady(sse, '2');
    await expectNotification(sse, '2', 'task-2');
    await sse.cancel();
  });

  it('sends reset (gap) when the resume point fell out of the bounded log', async () => {
    const { sub, change } = await linkedSubscriber();
    for (let i = 0; i < LOG_MAX_ENTRIES + 2; i++) await change();
    const latest = String(LOG_MAX_ENTRIES + 2);
    const sse = await open(sub, '1');
    await expectReady(sse, latest);
    const reset = await sse.nextEvent();
    expect(reset.event).toBe('reset');
    expect(reset.id).toBeUndefined();
    expect(resetEventSchema.parse(JSON.parse(reset.data))).toEqual({
      reason: 'gap',
      latestId: latest,
    });
    // Nothing from the stale position is replayed; live delivery continues.
    await change();
    await expectNotification(sse, String(LOG_MAX_ENTRIES + 3));
    await sse.cancel();

    // The oldest still-retained position replays normally.
    const retained = await open(sub, '3');
    await expectReady(retained, String(LOG_MAX_ENTRIES + 3));
    await expectNotification(retained, '4');
    await retained.cancel();
  });

  it('sends reset (unknown-id) for an id this log never issued', async () => {
    const { sub, change } = await linkedSubscriber();
    await change();
    for (const bad of ['99', 'abc', '-1']) {
      const sse = await open(sub, bad);
      await expectReady(sse, '1');
      const reset = await sse.nextEvent();
      expect(reset.event).toBe('reset');
      expect(JSON.parse(reset.data)).toEqual({ reason: 'unknown-id', latestId: '1' });
      await sse.cancel();
    }
  });

  it('fans out to every open stream of the subscriber, and only to its own', async () => {
    const a = await linkedSubscriber();
    const b = await linkedSubscriber();
    const first = await open(a.sub);
    const second = await open(a.sub);
    const other = await open(b.sub);
    for (const sse of [first, second, other]) await expectReady(sse, '0');
    await expectOpenStreams(a.sub.subscriberId, 2);
    await a.change();
    await expectNotification(first, '1', 'task-1');
    await expectNotification(second, '1', 'task-1');
    await b.change();
    await a.change();
    // Each log numbers its own notifications: a's never reached b's stream, nor b's a's.
    expect(await expectNotification(other, '1')).toMatchObject({ userId: b.userId });
    expect(await expectNotification(first, '2', 'task-2')).toMatchObject({ userId: a.userId });
    expect(await expectNotification(second, '2', 'task-2')).toMatchObject({ userId: a.userId });
    for (const sse of [first, second, other]) await sse.cancel();
  });

  it('writes ping comments on an idle stream', async () => {
    const { sub } = await linkedSubscriber();
    const sse = await open(sub);
    await expectReady(sse, '0');
    const frame = await sse.next();
    expect(frame).toEqual({ kind: 'comment', text: 'ping' });
    await sse.cancel();
  });

  it('forgets a stream when its client goes away', async () => {
    const { sub, change } = await linkedSubscriber();
    const leaving = await open(sub);
    const staying = await open(sub);
    await expectOpenStreams(sub.subscriberId, 2);
    await leaving.cancel();
    await expectOpenStreams(sub.subscriberId, 1);
    await change();
    await expectReady(staying, '0');
    await expectNotification(staying, '1');
    await staying.cancel();
    await expectOpenStreams(sub.subscriberId, 0);
  });

  it('ends open streams when the subscriber is deleted', async () => {
    const { sub } = await linkedSubscriber();
    const sse = await open(sub);
    await expectReady(sse, '0');
    expect((await client.deleteSubscriber(sub)).status).toBe(204);
    expect(await sse.ended()).toBe(true);
  });
});
