import { describe, expect, it } from 'vitest';
import { BASE, cmd, harness, type SyncJson } from './harness';

/**
 * Audit of the Todoist emulator against hostile input (spec §2, §3, §6): every refusal is
 * Todoist's error body with `http_code` equal to the HTTP status, a bad command fails alone in
 * `sync_status`, and nothing a client sends makes the emulator answer 500 from a bug of its own.
 */
const BODY_KEYS = ['error', 'error_code', 'error_extra', 'error_tag', 'http_code'];

function expectTodoistError(res: { status: number; json: SyncJson }, status: number, tag: string) {
  expect(res.status).toBe(status);
  expect(Object.keys(res.json)).toEqual(BODY_KEYS);
  expect(res.json.http_code).toBe(status);
  expect(res.json.error_tag).toBe(tag);
}

async function raw(
  h: ReturnType<typeof harness>,
  path: string,
  body: BodyInit | null,
  headers: Record<string, string> = {},
) {
  const res = await h.emu.fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.token}`, ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text) };
}

describe('spec audit: hostile input to the Todoist emulator', () => {
  it('§2 [open] a JSON body sent as text/plain, or with no type, is refused — commands never vanish', async () => {
    const h = harness();
    const body = JSON.stringify({ commands: [cmd('item_add', { content: 'lost?' })] });
    const types: Record<string, string>[] = [
      { 'content-type': 'text/plain' },
      {},
      { 'content-type': 'application/xml' },
    ];
    for (const headers of types) {
      const res = await raw(h, '/api/v1/sync', new Blob([body]), headers);
      expectTodoistError(res, 400, 'BAD_REQUEST');
      expect(res.json.error).toBe('Unsupported Content-Type');
    }
    const quick = await raw(h, '/api/v1/tasks/quick', new Blob(['{"text":"x"}']), {
      'content-type': 'text/plain',
    });
    expectTodoistError(quick, 400, 'BAD_REQUEST');
    expect(h.emu.snapshot().items).toEqual([]);
    // An empty body carries nothing to lose: it is an empty request, whatever its type.
    const empty = await raw(h, '/api/v1/sync', null);
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({ full_sync: true, sync_status: {}, temp_id_mapping: {} });
  });

  it('§2 content types are matched case-insensitively, with parameters', async () => {
    const h = harness();
    const body = JSON.stringify({ sync_token: '*', resource_types: ['projects'] });
    const res = await raw(h, '/api/v1/sync', body, {
      'content-type': 'Application/JSON; charset=UTF-8',
    });
    expect(res.status).toBe(200);
    expect(res.json.projects).toHaveLength(1);
    const form = await raw(h, '/api/v1/sync', 'sync_token=*&resource_types=%5B%22projects%22%5D', {
      'content-type': 'Application/X-WWW-Form-Urlencoded',
    });
    expect(form.json.projects).toHaveLength(1);
  });

  it('§3 command types named like Object members are UNKNOWN_COMMAND, and run nothing', async () => {
    const h = harness();
    const types = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    const commands = types.map((t) => cmd(t, { content: 'x' }, `tmp-${t}`));
    const res = await h.sync({ commands });
    expect(res.status).toBe(200);
    for (const [i, t] of types.entries()) {
      expect(res.json.sync_status[commands[i]!.uuid], t).toEqual({
        error: 'Unknown command',
        error_code: 5,
        error_extra: { command: t },
        error_tag: 'UNKNOWN_COMMAND',
        http_code: 400,
      });
    }
    expect(res.json.temp_id_mapping).toEqual({});
    // A retry of the same uuids fails again: a failed command was never "executed".
    const again = await h.sync({ commands });
    expect(again.json.sync_status[commands[1]!.uuid].error_tag).toBe('UNKNOWN_COMMAND');
  });

  it('§3 a uuid or temp id spelled `__proto__` is an ordinary key in the answer', async () => {
    const h = harness();
    const res = await h.sync({
      commands: [
        { type: 'item_add', uuid: '__proto__', temp_id: '__proto__', args: { content: 'p' } },
      ],
    });
    expect(Object.keys(res.json.sync_status)).toEqual(['__proto__']);
    expect(new Map(Object.entries(res.json.sync_status)).get('__proto__')).toBe('ok');
    const id = new Map(Object.entries(res.json.temp_id_mapping)).get('__proto__');
    expect(Object.keys(res.json.temp_id_mapping)).toEqual(['__proto__']);
    expect(h.emu.snapshot().items.map((t) => t.id)).toEqual([id]);
  });

  it("§3 unknown, unicode, %2F and numeric ids fail per command with the kind's error", async () => {
    const h = harness();
    const ids = ['nope', '😀', '/', '%2F', '../x', '__proto__'];
    const commands = ids.map((id) => cmd('item_update', { id, content: 'x' }));
    const res = await h.sync({ commands });
    for (const [i, id] of ids.entries()) {
      expect(res.json.sync_status[commands[i]!.uuid], id).toEqual({
        error: 'Item not found',
        error_code: 22,
        error_extra: { id },
        error_tag: 'ITEM_NOT_FOUND',
        http_code: 404,
      });
    }
    const numeric = cmd('item_update', { id: 12345, content: 'x' });
    const bad = await h.sync({ commands: [numeric] });
    expect(bad.json.sync_status[numeric.uuid]).toMatchObject({
      error_tag: 'INVALID_ARGUMENT_VALUE',
      error_extra: { argument: 'id' },
    });
    for (const path of ['/api/v1/tasks/%2F', `/api/v1/tasks/${encodeURIComponent('😀')}`]) {
      const get = await h.call(path);
      expectTodoistError(get, 404, 'ITEM_NOT_FOUND');
    }
  });

  it('§3 arrays, scalars and nulls where objects belong → 400 naming the argument, nothing runs', async () => {
    const h = harness();
    const cases: [unknown, string][] = [
      [{ commands: [[]] }, 'commands.0'],
      [{ commands: [null] }, 'commands.0'],
      [{ commands: [{ type: 'item_add', uuid: 'u1', args: [] }] }, 'commands.0.args'],
      [{ commands: [{ type: 'item_add', uuid: 'u2', args: 'content=x' }] }, 'commands.0.args'],
      [{ commands: [{ type: 'item_add', uuid: 5, args: {} }] }, 'commands.0.uuid'],
      [{ commands: {} }, 'commands'],
      [{ resource_types: 'all' }, 'resource_types'],
      [{ resource_types: [1] }, 'resource_types'],
      [{ sync_token: ['*'] }, 'sync_token'],
    ];
    for (const [body, argument] of cases) {
      const res = await h.sync(body as Record<string, unknown>);
      expectTodoistError(res, 400, 'INVALID_ARGUMENT_VALUE');
      expect(res.json.error_extra.argument, JSON.stringify(body)).toBe(argument);
    }
    for (const body of ['[]', 'null', '"x"', '42', '{"a":']) {
      const res = await raw(h, '/api/v1/sync', body, { 'content-type': 'application/json' });
      expectTodoistError(res, 400, 'BAD_REQUEST');
    }
    expect(h.emu.snapshot().items).toEqual([]);
  });

  it('§3 absurd recurrences are invalid dues, not a crash on close', async () => {
    const h = harness();
    const absurd = cmd('item_add', { content: 'x', due: { string: 'every 99999999999 days' } });
    const fine = cmd('item_add', { content: 'y', due: { string: 'every 1000 years' } }, 'y');
    const res = await h.sync({ commands: [absurd, fine] });
    expect(res.json.sync_status[absurd.uuid]).toEqual({
      error: 'Invalid date format',
      error_code: 42,
      error_extra: { argument: 'due' },
      error_tag: 'BAD_REQUEST',
      http_code: 400,
    });
    expect(res.json.sync_status[fine.uuid]).toBe('ok');
    const id = res.json.temp_id_mapping.y;
    const close = cmd('item_close', { id });
    const closed = await h.sync({ commands: [close] });
    expect(closed.status).toBe(200);
    expect(closed.json.sync_status[close.uuid]).toBe('ok');
    expect(h.emu.snapshot().items.find((t) => t.id === id)?.due?.date).toBe('3025-03-05');
    // spec §5 dates have four-digit years: a series due on 9999-12-31 cannot move on, so
    // closing it completes it.
    const last = cmd(
      'item_add',
      { content: 'z', due: { date: '9999-12-31', string: 'every day' } },
      'z',
    );
    const lastId = (await h.sync({ commands: [last] })).json.temp_id_mapping.z;
    const closeLast = cmd('item_close', { id: lastId });
    expect((await h.sync({ commands: [closeLast] })).json.sync_status[closeLast.uuid]).toBe('ok');
    const done = h.emu.snapshot().completedItems.find((t) => t.id === lastId);
    expect(done?.due?.date).toBe('9999-12-31');
    expect(done?.checked).toBe(true);
  });

  it('§6 2 MiB bodies → 413 REQUEST_TOO_LARGE, exactly, on sync and quick add; nothing runs', async () => {
    const h = harness();
    const big = 'x'.repeat(2 * 1024 * 1024);
    for (const path of ['/api/v1/sync', '/api/v1/tasks/quick']) {
      const body =
        path === '/api/v1/sync'
          ? JSON.stringify({ commands: [cmd('item_add', { content: big })] })
          : JSON.stringify({ text: big });
      const res = await raw(h, path, body, { 'content-type': 'application/json' });
      expect(res.status).toBe(413);
      expect(res.json).toEqual({
        error: 'Request body too large',
        error_code: 413,
        error_extra: { max_bytes: 1048576 },
        error_tag: 'REQUEST_TOO_LARGE',
        http_code: 413,
      });
    }
    expect(h.emu.snapshot().items).toEqual([]);
  });

  it('§6 the sync budget window frees a slot at exactly 15 minutes, not 1 ms before', async () => {
    const h = harness({ budgets: { partial: 1000, full: 2 } });
    const full = () => h.sync({ sync_token: '*', resource_types: ['projects'] });
    expect((await full()).status).toBe(200);
    h.clock.advance(1000);
    expect((await full()).status).toBe(200);
    h.clock.advance(15 * 60_000 - 1000 - 1);
    const early = await full();
    expectTodoistError(early, 429, 'LIMITS_REACHED');
    expect(early.json.error_extra).toEqual({ retry_after: 1 });
    h.clock.advance(1);
    expect((await full()).status).toBe(200);
    // The refused request spent nothing: the second slot frees on its own schedule.
    h.clock.advance(999);
    expectTodoistError(await full(), 429, 'LIMITS_REACHED');
    h.clock.advance(1);
    expect((await full()).status).toBe(200);
  });

  it('§2 truncated, lengthened and foreign sync tokens → a full sync that replaces', async () => {
    const h = harness({ seed: 'demo' });
    const first = await h.sync({ sync_token: '*', resource_types: ['items'] });
    const token = first.json.sync_token as string;
    const alexToken = (
      await h.sync({ sync_token: '*', resource_types: ['items'] }, h.emu.issueToken('alex'))
    ).json.sync_token as string;
    for (const bad of [token.slice(0, -1), `${token}x`, alexToken, '😀']) {
      const res = await h.sync({ sync_token: bad, resource_types: ['items'] });
      expect(res.status).toBe(200);
      expect(res.json.full_sync, bad).toBe(true);
      expect(res.json.full_sync_date_utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(res.json.items).toEqual(first.json.items);
    }
  });

  it('§1 §5 REST list parameters are strict; paths are lowercase', async () => {
    const h = harness();
    for (const limit of ['0', '201', '1e2', '0x10', '-1', 'abc', ' 5', '']) {
      expectTodoistError(
        await h.call(`/api/v1/tasks?limit=${encodeURIComponent(limit)}`),
        400,
        'INVALID_ARGUMENT_VALUE',
      );
    }
    expect((await h.call('/api/v1/tasks?limit=200')).status).toBe(200);
    for (const cursor of ['😀', btoa('{"o":-1}'), btoa('{"o":1e999}'), btoa('[]')]) {
      expectTodoistError(
        await h.call(`/api/v1/tasks?cursor=${encodeURIComponent(cursor)}`),
        400,
        'INVALID_ARGUMENT_VALUE',
      );
    }
    const upper = await h.call('/API/V1/SYNC', { method: 'POST' });
    expectTodoistError(upper, 404, 'NOT_FOUND');
  });

  it('§6 a table of hostile requests: never a 500, always the Todoist error body', async () => {
    const h = harness({ seed: 'demo' });
    const requests: [string, BodyInit | null, Record<string, string>][] = [
      ['/api/v1/sync', '\uFEFF{}', { 'content-type': 'application/json' }],
      ['/api/v1/sync', 'commands=%5B', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['/api/v1/sync', '--b\r\nbroken', { 'content-type': 'multipart/form-data; boundary=b' }],
      [
        '/api/v1/sync',
        'sync_token=*&sync_token=x',
        { 'content-type': 'application/x-www-form-urlencoded' },
      ],
      [
        '/api/v1/sync',
        JSON.stringify({
          commands: [
            cmd('item_add', { content: 'x', due: { date: '2025-13-45' } }),
            cmd('item_add', {
              content: 'x',
              due: { date: '2025-03-05T10:00:00Z', timezone: 'Mars/X' },
            }),
            cmd('item_add', { content: 'x', duration: { amount: 1e308, unit: 'minute' } }),
            cmd('item_add', { content: 'x', child_order: 1e308 }),
            cmd('item_add', { content: 'x', priority: '4' }),
            cmd('item_move', { id: 'nope', project_id: 'nope' }),
            cmd('item_add', { content: 'x'.repeat(100_000) }),
          ],
        }),
        { 'content-type': 'application/json' },
      ],
      [
        '/api/v1/tasks/quick',
        JSON.stringify({ text: '@ # / p9 {} //' }),
        { 'content-type': 'application/json' },
      ],
      [
        '/api/v1/tasks/quick',
        JSON.stringify({ text: 'tomorrow '.repeat(5000) }),
        { 'content-type': 'application/json' },
      ],
      [
        '/api/v1/tasks/quick',
        JSON.stringify({ text: 'x', meta: 'yes' }),
        { 'content-type': 'application/json' },
      ],
    ];
    for (const [path, body, headers] of requests) {
      const res = await raw(h, path, body, headers);
      expect(res.status, `${path} ${String(body).slice(0, 60)}`).toBeLessThan(500);
      if (res.status >= 400) {
        expect(Object.keys(res.json)).toEqual(BODY_KEYS);
        expect(res.json.http_code).toBe(res.status);
      }
      for (const status of Object.values(
        (res.json?.sync_status ?? {}) as Record<string, unknown>,
      )) {
        if (status === 'ok') continue;
        expect(Object.keys(status as object)).toEqual(BODY_KEYS);
        expect((status as { http_code: number }).http_code).toBeLessThan(500);
      }
    }
  });
});
