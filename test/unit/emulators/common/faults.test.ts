import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { FaultInjector, pathMatches } from '../../../emulators/common/faults';
import { inProcessFetch } from '../../../emulators/common/in-process';

function setup(faults = new FaultInjector()) {
  const app = new Hono();
  app.use(faults.middleware());
  app.all('*', (c) => c.text(`ok ${c.req.method} ${c.req.path}`));
  return { faults, fetch: inProcessFetch(app) };
}

describe('pathMatches', () => {
  it.each([
    ['/a/b', '/a/b', true],
    ['/a/b', '/a/b/', false],
    ['/calendar/v3/calendars/*/events', '/calendar/v3/calendars/primary/events', true],
    ['/calendar/v3/calendars/*/events', '/calendar/v3/calendars/a/b/events', false],
    ['/calendar/v3/calendars/*/events', '/calendar/v3/calendars//events', false],
    ['/calendar/v3/calendars/*/events', '/calendar/v3/calendars/primary/events/x', false],
    ['/calendar/v3/**', '/calendar/v3/users/me/calendarList', true],
    ['/calendar/v3/**', '/calendar/v3', true],
    ['/calendar/v3/**', '/calendar/v4/x', false],
    ['/api/v1/*', '/api/v1/sync', true],
    ['/api/v1/*', '/api/v1/tasks/1', false],
  ])('%s vs %s → %s', (pattern, path, want) => {
    expect(pathMatches(pattern, path)).toBe(want);
  });
});

describe('FaultInjector', () => {
  it('a fault with times:2 hits twice, then the request passes', async () => {
    const { faults, fetch } = setup();
    faults.add({ match: { path: '/x' }, respond: { status: 503 }, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch('http://h/x')).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(faults.list()).toEqual([]);
  });

  it('without times it applies until cleared; list shows what is left', async () => {
    const { faults, fetch } = setup();
    const forever = faults.add({ respond: { status: 500 } });
    const twice = faults.add({ match: { path: '/y' }, respond: { status: 429 }, times: 2 });
    expect(forever.id).not.toBe(twice.id);
    for (let i = 0; i < 3; i++) expect((await fetch('http://h/y')).status).toBe(500);
    expect(faults.list().map((r) => r.times)).toEqual([undefined, 2]); // the first match wins
    faults.remove(forever.id);
    expect((await fetch('http://h/y')).status).toBe(429);
    expect(faults.list()).toMatchObject([{ id: twice.id, times: 1 }]);
    faults.clear();
    expect((await fetch('http://h/y')).status).toBe(200);
  });

  it('matches method case-insensitively and path by glob', async () => {
    const { faults, fetch } = setup();
    faults.add({
      match: { method: 'post', path: '/calendar/v3/calendars/*/events' },
      respond: { status: 409 },
    });
    expect(
      (await fetch('http://h/calendar/v3/calendars/a/events', { method: 'POST' })).status,
    ).toBe(409);
    expect((await fetch('http://h/calendar/v3/calendars/a/events')).status).toBe(200);
    expect(
      (await fetch('http://h/calendar/v3/calendars/a/events/b', { method: 'POST' })).status,
    ).toBe(200);
  });

  it('answers with the scripted body (JSON-encoded unless a string) and headers', async () => {
    const { faults, fetch } = setup();
    const err = { error: { code: 403, errors: [{ reason: 'rateLimitExceeded' }] } };
    faults.add({
      match: { path: '/j' },
      respond: { status: 403, body: err, headers: { 'retry-after': '7' } },
    });
    faults.add({
      match: { path: '/s' },
      respond: { status: 502, body: '<html>bad gateway</html>' },
    });
    faults.add({ match: { path: '/n' }, respond: { status: 204, body: 'ignored' } });
    const j = await fetch('http://h/j');
    expect(j.status).toBe(403);
    expect(j.headers.get('retry-after')).toBe('7');
    expect(j.headers.get('content-type')).toContain('application/json');
    expect(await j.json()).toEqual(err);
    const s = await fetch('http://h/s');
    expect([s.status, await s.text()]).toEqual([502, '<html>bad gateway</html>']);
    const n = await fetch('http://h/n');
    expect([n.status, await n.text()]).toEqual([204, '']);
  });

  it('delayMs waits (through the injected sleep) and then continues normally', async () => {
    const slept: number[] = [];
    const { faults, fetch } = setup(
      new FaultInjector({
        sleep: async (ms) => {
          slept.push(ms);
        },
      }),
    );
    faults.add({ match: { path: '/d' }, respond: { delayMs: 250 }, times: 1 });
    const res = await fetch('http://h/d');
    expect([res.status, await res.text()]).toEqual([200, 'ok GET /d']);
    expect(slept).toEqual([250]);
  });

  it('delayMs really waits with the default sleep', async () => {
    const { faults, fetch } = setup();
    faults.add({ respond: { delayMs: 30 }, times: 1 });
    let done = false;
    const pending = fetch('http://h/z').then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    expect((await pending).status).toBe(200);
  });

  it('dropConnection makes in-process fetch reject like undici', async () => {
    const { faults, fetch } = setup();
    faults.add({ match: { path: '/drop' }, respond: { dropConnection: true }, times: 1 });
    await expect(fetch('http://h/drop')).rejects.toThrow(new TypeError('fetch failed'));
    expect((await fetch('http://h/drop')).status).toBe(200);
  });

  it('never applies to /__emulator/', async () => {
    const { faults, fetch } = setup();
    faults.add({ respond: { status: 500 } });
    expect((await fetch('http://h/__emulator/health')).status).toBe(200);
    expect((await fetch('http://h/__emulator')).status).toBe(200);
    expect((await fetch('http://h/__emulatorx')).status).toBe(500);
  });

  it('rejects malformed rules', () => {
    const faults = new FaultInjector();
    expect(() => faults.add({ respond: { status: 99 } })).toThrow();
    expect(() => faults.add({ respond: { dropConnection: false as true } })).toThrow();
    expect(() => faults.add({ respond: { status: 500, delayMs: 5 } as never })).toThrow();
    expect(() => faults.add({ match: { path: 'no-slash' }, respond: { status: 500 } })).toThrow();
    expect(() => faults.add({ respond: { status: 500 }, times: 0 })).toThrow();
    expect(faults.list()).toEqual([]);
  });
});
