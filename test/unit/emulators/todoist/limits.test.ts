import { describe, expect, it } from 'vitest';
import { BASE, cmd, harness } from './harness';

const LIMITS_BODY = (retryAfter: number) => ({
  error: 'Too many requests. Limits reached. Try again later',
  error_code: 35,
  error_extra: { retry_after: retryAfter },
  error_tag: 'LIMITS_REACHED',
  http_code: 429,
});

describe('limits and errors', () => {
  it('§6 the 101st full sync in 15 minutes is a 429 with exactly the documented body', async () => {
    const h = harness({ budgets: { partial: 1000, full: 100 } });
    let token = '*';
    for (let i = 0; i < 100; i++) {
      const ok = await h.sync({ sync_token: '*', resource_types: ['projects'] });
      expect(ok.status).toBe(200);
      token = ok.json.sync_token;
      h.clock.advance(1000); // one full sync a second: the window's oldest is at +0 s
    }
    const refused = await h.sync({ sync_token: '*', resource_types: ['projects'] });
    expect(refused.status).toBe(429);
    // The first slot was spent at +0 s; now is +100 s; it frees at +900 s.
    expect(refused.json).toEqual(LIMITS_BODY(800));
    // Partial syncs have their own budget and still work.
    const inc = await h.sync({ sync_token: token, resource_types: ['projects'] });
    expect(inc.status).toBe(200);

    // The window slides: when the oldest slot frees, one more full sync fits.
    h.clock.advance(800 * 1000);
    expect((await h.sync({ sync_token: '*', resource_types: ['projects'] })).status).toBe(200);
    const again = await h.sync({ sync_token: '*', resource_types: ['projects'] });
    expect(again.json).toEqual(LIMITS_BODY(1));
  });

  it('§6 partial syncs (incremental reads, writes, quick add) share the partial budget; a refused batch does not run', async () => {
    const h = harness({ budgets: { partial: 3, full: 100 } });
    const full = await h.sync({ sync_token: '*', resource_types: ['items'] });
    await h.sync({ sync_token: full.json.sync_token, resource_types: ['items'] });
    await h.sync({ commands: [cmd('item_add', { content: 'a' })] });
    await h.call('/api/v1/tasks/quick', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'b' }),
    });
    const refused = await h.sync({ commands: [cmd('item_add', { content: 'c' })] });
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual(LIMITS_BODY(900));
    expect(h.emu.snapshot().items.map((t) => t.content)).toEqual(['a', 'b']);
    // Budgets are per user.
    const alex = h.emu.issueToken('alex');
    expect((await h.sync({ sync_token: '*', resource_types: [] }, alex)).status).toBe(200);
  });

  it('§6 budgets: false switches the limits off', async () => {
    const h = harness({ budgets: false });
    for (let i = 0; i < 120; i++) {
      expect((await h.sync({ sync_token: '*', resource_types: ['projects'] })).status).toBe(200);
    }
  });

  it('§6 a body over 1 MiB is refused', async () => {
    const h = harness();
    const big = 'x'.repeat(1024 * 1024);
    const res = await h.sync({ commands: [cmd('item_add', { content: big })] });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ error_tag: 'REQUEST_TOO_LARGE', http_code: 413 });
    expect(h.emu.snapshot().items).toEqual([]);
  });

  it('§6 malformed JSON, bad form fields and bad commands are 400s with Todoist bodies, never 500s', async () => {
    const h = harness();
    const post = (body: string, type: string) =>
      h.call('/api/v1/sync', { method: 'POST', headers: { 'content-type': type }, body });
    const cases = [
      post('{"sync_token": ', 'application/json'),
      post('[1,2]', 'application/json'),
      post('commands=not-json', 'application/x-www-form-urlencoded'),
      post('resource_types=%7B%7D', 'application/x-www-form-urlencoded'),
      post(JSON.stringify({ commands: [{ type: 'item_add' }] }), 'application/json'),
      post(JSON.stringify({ commands: 'nope' }), 'application/json'),
      post(JSON.stringify({ sync_token: 5 }), 'application/json'),
      post(
        JSON.stringify({ commands: [{ type: 'item_add', uuid: 'u', args: [] }] }),
        'application/json',
      ),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(400);
      expect(Object.keys(res.json).sort()).toEqual([
        'error',
        'error_code',
        'error_extra',
        'error_tag',
        'http_code',
      ]);
      expect(res.json.http_code).toBe(400);
    }
  });

  it('§6 a missing or unknown bearer token is a 401 AUTH_INVALID_TOKEN', async () => {
    const h = harness();
    const body = JSON.stringify({ sync_token: '*', resource_types: ['all'] });
    const none = await h.emu.fetch(`${BASE}/api/v1/sync`, { method: 'POST', body });
    const wrong = await h.emu.fetch(`${BASE}/api/v1/sync`, {
      method: 'POST',
      headers: { authorization: 'Bearer todoist-made-up' },
      body,
    });
    for (const res of [none, wrong]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: 'Invalid token',
        error_code: 401,
        error_extra: {},
        error_tag: 'AUTH_INVALID_TOKEN',
        http_code: 401,
      });
    }
    // A revoked token stops working too.
    h.emu.tokens.revoke(h.token);
    expect((await h.sync({ sync_token: '*' })).status).toBe(401);
  });

  it('§1 Sync v9 and REST v2 answer 410 Gone', async () => {
    const h = harness();
    for (const path of [
      '/sync/v9/sync',
      '/sync/v9/quick/add',
      '/rest/v2/tasks',
      '/rest/v2/projects/1',
    ]) {
      const res = await h.call(path, { method: path.includes('sync') ? 'POST' : 'GET' });
      expect(res.status).toBe(410);
      expect(res.json).toMatchObject({ error_tag: 'GONE', http_code: 410 });
    }
  });

  it("§1 unknown /api/v1 paths are 404s in Todoist's error shape", async () => {
    const h = harness();
    const res = await h.call('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error_tag: 'NOT_FOUND', http_code: 404 });
  });

  it('faults and the request log wrap the API (common middleware order)', async () => {
    const h = harness();
    h.emu.faults.add({
      match: { method: 'POST', path: '/api/v1/sync' },
      respond: { status: 503 },
      times: 1,
    });
    expect((await h.sync({ sync_token: '*' })).status).toBe(503);
    expect((await h.sync({ sync_token: '*' })).status).toBe(200);
    h.emu.faults.add({
      match: { path: '/api/v1/sync' },
      respond: { dropConnection: true },
      times: 1,
    });
    await expect(h.sync({ sync_token: '*' })).rejects.toThrow('fetch failed');
    const summary = h.emu.log.summary();
    expect(summary.byEndpoint.sync?.count ?? 0).toBeGreaterThanOrEqual(1);
    expect(summary.total).toBe(3);
  });
});
