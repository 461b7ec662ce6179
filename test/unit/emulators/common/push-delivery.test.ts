import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/common/clock';
import { type RunningServer, startServer } from '../../../emulators/common/node-server';
import { PushDeliverer } from '../../../emulators/common/push-delivery';

/**
 * A real HTTP receiver: answers `/hook` with `script`'s statuses, any other path with
 * `scripts[path]`'s (then 200), and records what arrived.
 */
async function receiver() {
  const got: Array<{ n: string | undefined; body: string; path: string }> = [];
  const script: number[] = [];
  const scripts: Record<string, number[]> = { '/hook': script };
  const app = new Hono();
  app.post('*', async (c) => {
    got.push({
      n: c.req.header('x-goog-message-number'),
      body: await c.req.text(),
      path: c.req.path,
    });
    return c.body(null, (scripts[c.req.path]?.shift() ?? 200) as 200);
  });
  const server = await startServer(app, { port: 0 });
  servers.push(server);
  return {
    got,
    script,
    scripts,
    base: server.url,
    url: `${server.url}/hook`,
    numbers: () => got.map((g) => g.n),
  };
}

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const msg = (url: string, n: number) => ({ url, headers: { 'x-goog-message-number': String(n) } });

describe('PushDeliverer', () => {
  it('delivers in enqueue order with headers and body', async () => {
    const r = await receiver();
    const push = new PushDeliverer({ retryDelaysMs: [1] });
    for (let n = 1; n <= 5; n++) push.enqueue(msg(r.url, n));
    push.enqueue({
      url: r.url,
      headers: { 'x-goog-message-number': '6' },
      body: '{"event_name":"item:added"}',
    });
    await push.idle();
    expect(r.numbers()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(r.got[5]?.body).toBe('{"event_name":"item:added"}');
    expect(push.history().map((d) => d.outcome)).toEqual(Array(6).fill('delivered'));
  });

  it('retries a 503 with backoff, then succeeds; history keeps every attempt', async () => {
    const r = await receiver();
    r.script.push(503, 503);
    const clock = new ManualClock(1000);
    const push = new PushDeliverer({ retryDelaysMs: [1, 1, 1], clock });
    push.enqueue(msg(r.url, 1));
    await push.idle();
    expect(r.numbers()).toEqual(['1', '1', '1']);
    const [d] = push.history();
    expect(d).toMatchObject({ url: r.url, outcome: 'delivered', enqueuedAt: 1000 });
    expect(d?.attempts).toEqual([
      { at: 1000, status: 503 },
      { at: 1000, status: 503 },
      { at: 1000, status: 200 },
    ]);
  });

  it('gives up after the last retry delay, and never retries a non-retryable status', async () => {
    const r = await receiver();
    r.scripts['/down'] = [500, 500, 500, 500];
    r.scripts['/gone'] = [404];
    const push = new PushDeliverer({ retryDelaysMs: [1, 1] });
    push.enqueue(msg(`${r.base}/down`, 1));
    push.enqueue(msg(`${r.base}/gone`, 2));
    await push.idle();
    const [a, b] = push.history();
    expect(a?.attempts.map((x) => x.status)).toEqual([500, 500, 500]);
    expect(a?.outcome).toBe('failed');
    expect(b?.attempts.map((x) => x.status)).toEqual([404]);
    expect(b?.outcome).toBe('failed');
    expect(r.got.filter((g) => g.path === '/down')).toHaveLength(3);
  });

  it('a retry is out of band: later deliveries to the same URL are not held up', async () => {
    const r = await receiver();
    r.script.push(503);
    const push = new PushDeliverer({ retryDelaysMs: [100] });
    push.enqueue(msg(r.url, 1));
    push.enqueue(msg(r.url, 2));
    await push.idle();
    expect(r.numbers()).toEqual(['1', '2', '1']);
    expect(push.history().map((d) => d.outcome)).toEqual(['delivered', 'delivered']);
  });

  it('retries network errors like 5xx', async () => {
    const r = await receiver();
    const dead = await startServer(new Hono(), { port: 0 });
    await dead.close(); // nothing listens there any more
    const push = new PushDeliverer({ retryDelaysMs: [1, 1] });
    push.enqueue({ url: `${dead.url}/hook`, headers: {} });
    push.enqueue(msg(r.url, 1));
    await push.idle();
    const [d, ok] = push.history();
    expect(d?.attempts).toHaveLength(3);
    expect(d?.attempts.every((a) => a.error !== undefined && a.status === undefined)).toBe(true);
    expect(d?.outcome).toBe('failed');
    expect(ok?.outcome).toBe('delivered');
  });

  it('drop: the next N are never sent', async () => {
    const r = await receiver();
    const push = new PushDeliverer();
    push.control({ action: 'drop', count: 2 });
    for (let n = 1; n <= 3; n++) push.enqueue(msg(r.url, n));
    await push.idle();
    expect(r.numbers()).toEqual(['3']);
    expect(push.history().map((d) => [d.outcome, d.control])).toEqual([
      ['dropped', 'drop'],
      ['dropped', 'drop'],
      ['delivered', undefined],
    ]);
  });

  it('duplicate: the next N arrive twice, back to back', async () => {
    const r = await receiver();
    const push = new PushDeliverer();
    push.control({ action: 'duplicate', count: 1 });
    for (let n = 1; n <= 2; n++) push.enqueue(msg(r.url, n));
    await push.idle();
    expect(r.numbers()).toEqual(['1', '1', '2']);
    const h = push.history();
    expect(h[1]).toMatchObject({
      duplicateOf: h[0]?.id,
      outcome: 'delivered',
      control: 'duplicate',
    });
  });

  it('reorder: the next N are held and sent in reverse once N are held', async () => {
    const r = await receiver();
    const push = new PushDeliverer();
    push.control({ action: 'reorder', count: 3 });
    for (let n = 1; n <= 4; n++) push.enqueue(msg(r.url, n));
    await push.idle();
    expect(r.numbers()).toEqual(['3', '2', '1', '4']);
  });

  it('reorder: idle() flushes a partial hold (reversed) and ends that control', async () => {
    const r = await receiver();
    const push = new PushDeliverer();
    push.control({ action: 'reorder', count: 5 });
    push.enqueue(msg(r.url, 1));
    push.enqueue(msg(r.url, 2));
    await push.idle();
    expect(r.numbers()).toEqual(['2', '1']);
    push.enqueue(msg(r.url, 3));
    await push.idle();
    expect(r.numbers()).toEqual(['2', '1', '3']);
  });

  it('delay: the delayed delivery arrives after later ones', async () => {
    const r = await receiver();
    const push = new PushDeliverer();
    push.control({ action: 'delay', count: 1, delayMs: 100 });
    push.enqueue(msg(r.url, 1));
    push.enqueue(msg(r.url, 2));
    push.enqueue(msg(r.url, 3));
    await push.idle();
    expect(r.numbers()).toEqual(['2', '3', '1']);
    expect(push.history()[0]).toMatchObject({ control: 'delay', outcome: 'delivered' });
  });

  it('controls queue up first-in first-out', async () => {
    const r = await receiver();
    const push = new PushDeliverer();
    push.control({ action: 'drop', count: 1 });
    push.control({ action: 'duplicate', count: 1 });
    for (let n = 1; n <= 3; n++) push.enqueue(msg(r.url, n));
    await push.idle();
    expect(r.numbers()).toEqual(['2', '2', '3']);
  });

  it('reset() forgets history and controls and cancels pending retries', async () => {
    const r = await receiver();
    r.script.push(503);
    const push = new PushDeliverer({ retryDelaysMs: [60_000] });
    push.control({ action: 'drop', count: 5 });
    push.reset();
    push.enqueue(msg(r.url, 1));
    while (r.got.length === 0) await new Promise((res) => setTimeout(res, 1));
    push.reset(); // the 60 s retry must not keep idle() waiting
    await push.idle();
    expect(push.history()).toEqual([]);
    expect(r.numbers()).toEqual(['1']);
  });

  it('uses the injected fetch and rejects bad controls', async () => {
    const seen: string[] = [];
    const push = new PushDeliverer({
      fetch: async (input) => {
        seen.push(String(input));
        return new Response(null, { status: 204 });
      },
    });
    push.enqueue({ url: 'https://relay.example/google', headers: {} });
    await push.idle();
    expect(seen).toEqual(['https://relay.example/google']);
    expect(push.history()[0]?.outcome).toBe('delivered');
    expect(() => push.control({ action: 'drop', count: 0 })).toThrow();
    expect(() => push.control({ action: 'delay', count: 1 } as never)).toThrow();
  });
});
