import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/common/clock';
import { controlRoutes, type Seed } from '../../../emulators/common/control-routes';
import { FaultInjector } from '../../../emulators/common/faults';
import { inProcessFetch } from '../../../emulators/common/in-process';
import { PushDeliverer } from '../../../emulators/common/push-delivery';
import { RequestLog, requestLogger } from '../../../emulators/common/request-log';
import { TokenIssuer } from '../../../emulators/common/token-issuer';

function emulator() {
  const clock = new ManualClock();
  const log = new RequestLog();
  const faults = new FaultInjector();
  const delivered: string[] = [];
  const push = new PushDeliverer({
    fetch: async (input) => {
      delivered.push(String(input));
      return new Response(null, { status: 200 });
    },
  });
  const tokens = new TokenIssuer({ clock, accessTokenTtlMs: 3_600_000, prefix: 'ya29.' });
  const resets: Seed[] = [];
  const app = new Hono();
  app.use(requestLogger(log, clock));
  app.use(faults.middleware());
  const control = controlRoutes({
    service: 'google',
    reset: (seed) => {
      resets.push(seed);
      tokens.clear();
    },
    issueToken: (user) => tokens.issue(user),
    faults,
    log,
    push,
  });
  control.post('/sync-tokens/expire', (c) => c.json({ ok: true })); // emulators add their own
  app.route('/__emulator', control);
  app.get('/api/thing', (c) => c.json({ thing: true }));
  const f = inProcessFetch(app);
  const post = (path: string, body?: unknown) =>
    f(`http://e/__emulator/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  return { f, post, log, faults, push, tokens, resets, delivered };
}

describe('controlRoutes', () => {
  it('health names the service; service routes can be added', async () => {
    const { f, post } = emulator();
    expect(await (await f('http://e/__emulator/health')).json()).toEqual({
      ok: true,
      service: 'google',
    });
    expect((await post('sync-tokens/expire', {})).status).toBe(200);
  });

  it('token: a new token per call, default user demo', async () => {
    const { post, tokens } = emulator();
    const a = (await (await post('token')).json()) as Record<string, unknown>;
    const b = (await (await post('token', { user: 'alice' })).json()) as Record<string, unknown>;
    expect(a).toMatchObject({ user: 'demo', expires_in: 3600 });
    expect(b).toMatchObject({ user: 'alice' });
    expect(a.access_token).not.toBe(b.access_token);
    expect(tokens.verify(b.access_token as string)).toEqual({ ok: true, user: 'alice' });
  });

  it('faults: add (validated), list, clear — and they hit API routes only', async () => {
    const { f, post } = emulator();
    const bad = await post('faults', { match: { path: '/api/thing' }, respond: { status: 'x' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: 'invalid_request',
      message: expect.stringContaining('respond'),
    });
    const added = await post('faults', {
      match: { path: '/api/*' },
      respond: { status: 503 },
      times: 2,
    });
    expect(added.status).toBe(201);
    const rule = (await added.json()) as { id: string };
    expect(rule.id).toMatch(/\S/);
    expect((await f('http://e/api/thing')).status).toBe(503);
    const listed = (await (await f('http://e/__emulator/faults')).json()) as { faults: unknown[] };
    expect(listed.faults).toEqual([
      { id: rule.id, match: { path: '/api/*' }, respond: { status: 503 }, times: 1 },
    ]);
    expect((await f('http://e/__emulator/faults', { method: 'DELETE' })).status).toBe(200);
    expect((await f('http://e/api/thing')).status).toBe(200);
  });

  it('requests: entries and summary, since filter, clear; control calls are not logged', async () => {
    const { f } = emulator();
    await f('http://e/api/thing');
    await f('http://e/api/thing?x=1');
    const all = (await (await f('http://e/__emulator/requests')).json()) as {
      entries: Array<{ seq: number }>;
      summary: { total: number };
    };
    expect(all.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(all.summary.total).toBe(2);
    const since = (await (await f('http://e/__emulator/requests?since=1')).json()) as typeof all;
    expect(since.entries.map((e) => e.seq)).toEqual([2]);
    expect(since.summary.total).toBe(1);
    expect((await f('http://e/__emulator/requests?since=-3')).status).toBe(400);
    await f('http://e/__emulator/requests', { method: 'DELETE' });
    const after = (await (await f('http://e/__emulator/requests')).json()) as typeof all;
    expect(after.entries).toEqual([]);
  });

  it('push: POST a control, GET the history', async () => {
    const { post, f, push } = emulator();
    expect((await post('push', { action: 'drop', count: 1 })).status).toBe(200);
    expect((await post('push', { action: 'delay', count: 1 })).status).toBe(400);
    expect((await post('push', { action: 'shuffle', count: 1 })).status).toBe(400);
    push.enqueue({ url: 'https://relay/a', headers: { 'x-goog-channel-id': 'c1' } });
    push.enqueue({ url: 'https://relay/b', headers: {} });
    await push.idle();
    const h = (await (await f('http://e/__emulator/push')).json()) as {
      deliveries: Array<{ url: string; outcome: string; headers: Record<string, string> }>;
    };
    expect(h.deliveries.map((d) => [d.url, d.outcome])).toEqual([
      ['https://relay/a', 'dropped'],
      ['https://relay/b', 'delivered'],
    ]);
    expect(h.deliveries[0]?.headers).toEqual({ 'x-goog-channel-id': 'c1' });
  });

  it('reset: validates the seed, then clears faults, log, push and calls the emulator', async () => {
    const { post, f, faults, log, push, tokens, resets } = emulator();
    const token = tokens.issue('demo').access_token;
    faults.add({ respond: { status: 500 } });
    await f('http://e/api/thing');
    push.control({ action: 'drop', count: 3 });
    for (const body of [undefined, 'not json', {}, { seed: 'full' }, { seed: 'demo', extra: 1 }]) {
      const res = await post('reset', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    }
    expect(resets).toEqual([]);
    const ok = await post('reset', { seed: 'empty' });
    expect(await ok.json()).toEqual({ ok: true });
    expect(resets).toEqual(['empty']);
    expect(faults.list()).toEqual([]);
    expect(log.entries()).toEqual([]);
    expect(tokens.verify(token).ok).toBe(false);
    push.enqueue({ url: 'https://relay/a', headers: {} });
    await push.idle();
    expect(push.history()[0]?.outcome).toBe('delivered'); // the drop control is gone
  });
});
