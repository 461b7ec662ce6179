import { describe, expect, it } from 'vitest';
import { signChannelToken } from '../../relay/channel-token';
import { googleNotificationSchema, relayErrorSchema } from '../../shared/relay-protocol';
import { googleHeaders } from './support/relay-client';
import { client } from './support/workerd';

async function watched(channelId = `chan-${crypto.randomUUID()}`) {
  const sub = await client.createSubscriber();
  const token = await client.channelToken(sub, channelId);
  const { sse } = await client.openEvents(sub);
  expect((await sse.nextEvent()).event).toBe('ready');
  return { sub, channelId, token, sse };
}

async function expectRefused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(relayErrorSchema.parse(await res.json()).error).toBe(code);
}

describe('POST /hooks/google', () => {
  it('delivers a message with a valid channel token: ids and state only', async () => {
    const { channelId, token, sse } = await watched();
    const sync = await client.postGoogle(googleHeaders({ channelId, token, state: 'sync' }));
    expect(sync.status).toBe(200);
    const res = await client.postGoogle(googleHeaders({ channelId, token, messageNumber: 4 }));
    expect(res.status).toBe(200);
    const first = await sse.nextEvent();
    const second = await sse.nextEvent();
    expect(first.id).toBe('1');
    expect(JSON.parse(first.data)).toMatchObject({ resourceState: 'sync', messageNumber: 1 });
    expect(second.id).toBe('2');
    expect(googleNotificationSchema.parse(JSON.parse(second.data))).toEqual({
      provider: 'google',
      channelId,
      resourceId: 'ret08u3rv24htgh289g',
      resourceState: 'exists',
      messageNumber: 4,
      channelExpiration: 'Fri, 08 May 2026 10:00:00 GMT',
      receivedAt: expect.any(Number),
    });
    // The resource URI names the calendar (an e-mail address): it is not forwarded.
    expect(second.data).not.toContain('example.com');
    await sse.cancel();
  });

  it('logs a retried message (same channel and message number) once', async () => {
    const { channelId, token, sse } = await watched();
    for (let i = 0; i < 2; i++) {
      expect((await client.postGoogle(googleHeaders({ channelId, token }))).status).toBe(200);
    }
    const next = googleHeaders({ channelId, token, messageNumber: 2 });
    expect((await client.postGoogle(next)).status).toBe(200);
    expect((await sse.nextEvent()).id).toBe('1');
    const second = await sse.nextEvent();
    expect([second.id, JSON.parse(second.data).messageNumber]).toEqual(['2', 2]);
    await sse.cancel();
  });

  it('refuses forged tokens and tokens issued for another channel, delivering nothing', async () => {
    const { sub, channelId, token, sse } = await watched();
    const otherChannelToken = await client.channelToken(sub, 'another-channel');
    const wrongKey = await signChannelToken('not-the-signing-key', sub.subscriberId, channelId);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [otherChannelToken, wrongKey, tampered, 'garbage']) {
      const res = await client.postGoogle(googleHeaders({ channelId, token: bad }));
      await expectRefused(res, 401, 'bad_channel_token');
    }
    const missing = await client.postGoogle(googleHeaders({ channelId }));
    await expectRefused(missing, 401, 'bad_channel_token');
    // The first notification the stream sees is the genuine one, numbered 1.
    const genuine = googleHeaders({ channelId, token, messageNumber: 7 });
    expect((await client.postGoogle(genuine)).status).toBe(200);
    const event = await sse.nextEvent();
    expect([event.id, JSON.parse(event.data).messageNumber]).toEqual(['1', 7]);
    await sse.cancel();
  });

  it('answers 400 when the headers are missing or malformed', async () => {
    const { channelId, token, sse } = await watched();
    const full = googleHeaders({ channelId, token });
    const without = (name: string) =>
      Object.fromEntries(Object.entries(full).filter(([k]) => k !== name));
    for (const name of [
      'X-Goog-Channel-ID',
      'X-Goog-Message-Number',
      'X-Goog-Resource-ID',
      'X-Goog-Resource-State',
    ]) {
      await expectRefused(await client.postGoogle(without(name)), 400, 'invalid_push_headers');
    }
    for (const [name, value] of [
      ['X-Goog-Resource-State', 'changed'],
      ['X-Goog-Message-Number', 'one'],
    ] as const) {
      const res = await client.postGoogle({ ...full, [name]: value });
      await expectRefused(res, 400, 'invalid_push_headers');
    }
    await expectRefused(await client.postGoogle({}), 400, 'invalid_push_headers');
    await sse.cancel();
  });

  it('answers 404 for a valid token of a deleted subscriber', async () => {
    const { sub, channelId, token, sse } = await watched();
    expect((await client.deleteSubscriber(sub)).status).toBe(204);
    const res = await client.postGoogle(googleHeaders({ channelId, token }));
    await expectRefused(res, 404, 'unknown_subscriber');
    await sse.cancel();
  });
});
