import { describe, expect, it } from 'vitest';
import { EVENTS, setup, timed } from './helpers';

/**
 * Audit of push deliveries (spec §4) under the drop / delay / duplicate / reorder controls, the
 * receiver's status codes, and channel expiry at exactly its boundary. Deliveries go to a fake
 * receiver injected as `pushFetch`.
 */
const ADDRESS = 'https://relay.example.com/hook';

interface Delivery {
  state: string;
  number: number;
  channel: string;
}

function receiver(statuses: number[] = []) {
  const got: Delivery[] = [];
  const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    const h = new Headers(init?.headers);
    got.push({
      state: h.get('x-goog-resource-state') ?? '',
      number: Number(h.get('x-goog-message-number')),
      channel: h.get('x-goog-channel-id') ?? '',
    });
    const status = statuses.shift() ?? 200;
    // `new Response` refuses 1xx statuses; a receiver's 102 reaches the sender all the same.
    return status < 200 ? ({ status, body: null } as Response) : new Response(null, { status });
  }) as typeof globalThis.fetch;
  return { got, fetch };
}

async function watch(h: ReturnType<typeof setup>, id = 'ch') {
  const res = await h.api('POST', `${EVENTS}/watch`, { id, type: 'web_hook', address: ADDRESS });
  expect(res.status).toBe(200);
  return res.body as { id: string; resourceId: string; expiration: string };
}

async function change(h: ReturnType<typeof setup>, n: number) {
  for (let i = 0; i < n; i++) {
    const res = await h.api('POST', EVENTS, timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'));
    expect(res.status).toBe(200);
  }
}

describe('spec audit: push deliveries', () => {
  it('§4 message numbers start at 1 with `sync`, then rise (with gaps) on every change', async () => {
    const rx = receiver();
    const h = setup({ pushFetch: rx.fetch, pushRetryDelaysMs: [1] });
    await watch(h);
    await change(h, 5);
    await h.g.push.idle();
    expect(rx.got.map((d) => d.state)).toEqual([
      'sync',
      'exists',
      'exists',
      'exists',
      'exists',
      'exists',
    ]);
    expect(rx.got[0]?.number).toBe(1);
    for (let i = 1; i < rx.got.length; i++) {
      expect(rx.got[i]!.number).toBeGreaterThan(rx.got[i - 1]!.number);
    }
  });

  it('§4 drop: a dropped notification never arrives; later ones still do', async () => {
    const rx = receiver();
    const h = setup({ pushFetch: rx.fetch, pushRetryDelaysMs: [1] });
    await watch(h);
    await h.g.push.idle();
    h.g.push.control({ action: 'drop', count: 1 });
    await change(h, 2);
    await h.g.push.idle();
    expect(rx.got.map((d) => d.state)).toEqual(['sync', 'exists']);
    const history = h.g.push.history();
    expect(history.map((d) => d.outcome)).toEqual(['delivered', 'dropped', 'delivered']);
    // The receiver can see something went missing: the numbers skip the dropped one.
    const dropped = Number(history[1]?.headers['X-Goog-Message-Number']);
    expect(rx.got[1]!.number).toBeGreaterThan(dropped);
  });

  it('§4 duplicate: the same notification (same message number) arrives twice', async () => {
    const rx = receiver();
    const h = setup({ pushFetch: rx.fetch, pushRetryDelaysMs: [1] });
    await watch(h);
    await h.g.push.idle();
    h.g.push.control({ action: 'duplicate', count: 1 });
    await change(h, 1);
    await h.g.push.idle();
    expect(rx.got).toHaveLength(3);
    expect(rx.got[1]).toEqual(rx.got[2]);
    expect(rx.got[1]?.state).toBe('exists');
  });

  it('§4 reorder: held notifications arrive with falling message numbers', async () => {
    const rx = receiver();
    const h = setup({ pushFetch: rx.fetch, pushRetryDelaysMs: [1] });
    await watch(h);
    await h.g.push.idle();
    h.g.push.control({ action: 'reorder', count: 3 });
    await change(h, 3);
    await h.g.push.idle();
    const numbers = rx.got.slice(1).map((d) => d.number);
    expect(numbers).toHaveLength(3);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  });

  it('§4 delay: a delayed notification lands after a later one', async () => {
    const rx = receiver();
    const h = setup({ pushFetch: rx.fetch, pushRetryDelaysMs: [1] });
    await watch(h);
    await h.g.push.idle();
    h.g.push.control({ action: 'delay', count: 1, delayMs: 200 });
    await change(h, 2);
    await h.g.push.idle();
    const [, later, delayed] = rx.got;
    expect(later!.number).toBeGreaterThan(delayed!.number);
  });

  it('§4 the receiver: 2xx and 102 succeed; 500/502/503/504 are retried; others fail at once', async () => {
    for (const [statuses, outcome, attempts] of [
      [[102], 'delivered', 1],
      [[204], 'delivered', 1],
      [[500, 502, 504, 200], 'delivered', 4],
      [[503, 503, 503, 503], 'failed', 4],
      [[404], 'failed', 1],
      [[410], 'failed', 1],
      [[429], 'failed', 1],
      [[301], 'failed', 1],
    ] as [number[], string, number][]) {
      const rx = receiver([...statuses]);
      const h = setup({ pushFetch: rx.fetch, pushRetryDelaysMs: [1, 1, 1] });
      await watch(h);
      await h.g.push.idle();
      const [delivery] = h.g.push.history();
      expect(delivery?.outcome, String(statuses)).toBe(outcome);
      expect(delivery?.attempts, String(statuses)).toHaveLength(attempts);
      // Every retry carries the same message number.
      expect(new Set(rx.got.map((d) => d.number))).toEqual(new Set([1]));
    }
  });

  it('§4 channel expiry at exactly the boundary: 1 ms before delivers, at expiration not', async () => {
    const rx = receiver();
    const h = setup({ pushFetch: rx.fetch, pushRetryDelaysMs: [1] });
    const ch = (
      await h.api('POST', `${EVENTS}/watch`, {
        id: 'short',
        type: 'web_hook',
        address: ADDRESS,
        params: { ttl: '60' },
      })
    ).body;
    expect(ch.expiration).toBe(String(h.clock.now() + 60_000));
    h.clock.advance(60_000 - 1);
    await change(h, 1);
    h.clock.advance(1);
    await change(h, 1);
    await h.g.push.idle();
    expect(rx.got.map((d) => d.state)).toEqual(['sync', 'exists']);
    expect(h.g.channels()).toEqual([]);
  });

  it('§4 channels.stop needs both id and resourceId', async () => {
    const rx = receiver();
    const h = setup({ pushFetch: rx.fetch, pushRetryDelaysMs: [1] });
    const ch = await watch(h, 'stop-me');
    const noResource = await h.api('POST', '/channels/stop', { id: 'stop-me' });
    expect(noResource.status).toBe(400);
    expect(noResource.body.error.errors[0]).toEqual({
      domain: 'global',
      reason: 'required',
      message: 'Required',
      locationType: 'parameter',
      location: 'resourceId',
    });
    expect(h.g.channels().map((c) => c.id)).toEqual(['stop-me']);
    const stop = await h.api('POST', '/channels/stop', {
      id: 'stop-me',
      resourceId: ch.resourceId,
    });
    expect(stop.status).toBe(204);
    await h.g.push.idle();
  });
});
