import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/common/clock';
import type { EmulatorEnv } from '../../../emulators/common/env';
import { FaultInjector } from '../../../emulators/common/faults';
import { inProcessFetch } from '../../../emulators/common/in-process';
import {
  RequestLog,
  type RequestLoggerOptions,
  requestLogger,
} from '../../../emulators/common/request-log';

function setup(opts: RequestLoggerOptions = {}) {
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  const log = new RequestLog();
  const faults = new FaultInjector();
  const app = new Hono<EmulatorEnv>();
  app.use(requestLogger(log, clock, opts));
  app.use(faults.middleware());
  app.use(async (c, next) => {
    const auth = c.req.header('authorization');
    if (auth === 'Bearer alice') c.set('user', 'alice');
    await next();
  });
  app.get('/calendar/v3/calendars/:id/events', (c) => {
    c.set('endpoint', 'events.list');
    return c.json({ items: ['é'] }); // 2-byte character: bytes, not chars
  });
  app.post('/upload', async (c) => c.text(`got ${(await c.req.text()).length}`));
  app.get('/__emulator/health', (c) => c.json({ ok: true }));
  return { clock, log, faults, fetch: inProcessFetch(app) };
}

describe('RequestLog + requestLogger', () => {
  it('records method, path, query, endpoint, user, status and byte counts', async () => {
    const { log, fetch, clock } = setup();
    const res = await fetch('https://g/calendar/v3/calendars/primary/events?maxResults=5', {
      headers: { authorization: 'Bearer alice' },
    });
    const body = await res.text();
    expect(body).toBe('{"items":["é"]}');
    const [entry] = log.entries();
    expect(entry).toEqual({
      seq: 1,
      at: clock.now(),
      method: 'GET',
      path: '/calendar/v3/calendars/primary/events',
      query: 'maxResults=5',
      endpoint: 'events.list',
      user: 'alice',
      status: 200,
      bytesIn: 0,
      bytesOut: new TextEncoder().encode(body).byteLength,
    });
    expect(entry?.bytesOut).toBe(body.length + 1);
  });

  it('counts request bytes and falls back to "METHOD path" without an endpoint name', async () => {
    const { log, fetch } = setup();
    const res = await fetch('https://t/upload', { method: 'POST', body: 'ünïcode' });
    expect(await res.text()).toBe('got 7'); // the handler still reads the whole body
    const [entry] = log.entries();
    expect(entry).toMatchObject({ endpoint: 'POST /upload', bytesIn: 9, bytesOut: 5, status: 200 });
    expect(entry).not.toHaveProperty('user');
  });

  it('logs a faulted request under METHOD path when nothing names it', async () => {
    const { log, fetch, faults } = setup();
    faults.add({ match: { path: '/calendar/v3/calendars/*/events' }, respond: { status: 503 } });
    await fetch('https://g/calendar/v3/calendars/primary/events');
    expect(log.entries()[0]?.endpoint).toBe('GET /calendar/v3/calendars/primary/events');
  });

  it('does not log the control API', async () => {
    const { log, fetch } = setup();
    await fetch('https://g/__emulator/health');
    expect(log.entries()).toEqual([]);
  });

  it('logs faulted and dropped requests (status 0) with the fault id', async () => {
    const { log, fetch, faults } = setup();
    const f503 = faults.add({ match: { path: '/upload' }, respond: { status: 503 }, times: 1 });
    const drop = faults.add({
      match: { path: '/upload' },
      respond: { dropConnection: true },
      times: 1,
    });
    await fetch('https://t/upload', { method: 'POST', body: 'x' });
    await expect(fetch('https://t/upload', { method: 'POST', body: 'x' })).rejects.toThrow(
      'fetch failed',
    );
    expect(log.entries().map((e) => [e.status, e.fault, e.bytesOut])).toEqual([
      [503, f503.id, 0],
      [0, drop.id, 0],
    ]);
  });

  it('summarises per endpoint with status counts, and filters with since', async () => {
    // endpointOf names the faulted request, whose handler never ran.
    const { log, fetch, faults } = setup({
      endpointOf: (method, path) =>
        method === 'GET' && path.endsWith('/events') ? 'events.list' : undefined,
    });
    const url = 'https://g/calendar/v3/calendars/primary/events';
    await fetch(url);
    const mark = log.lastSeq;
    faults.add({ match: { path: url.slice(8 + 1) }, respond: { status: 500 }, times: 1 });
    await fetch(url);
    await fetch('https://t/upload', { method: 'POST', body: 'abc' });
    await fetch(url);
    const all = log.summary();
    expect(all.total).toBe(4);
    expect(all.byEndpoint['events.list']).toMatchObject({
      count: 3,
      statuses: { '200': 2, '500': 1 },
    });
    expect(all.byEndpoint['POST /upload']).toEqual({
      count: 1,
      bytesIn: 3,
      bytesOut: 5,
      statuses: { '200': 1 },
    });
    expect(all.bytesIn).toBe(3);
    expect(all.bytesOut).toBe(2 * 16 + 5);
    expect(log.entries({ since: mark }).map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(log.summary({ since: mark }).total).toBe(3);
  });

  it('clear() empties the log but never reuses sequence numbers', async () => {
    const { log, fetch } = setup();
    await fetch('https://t/upload', { method: 'POST' });
    log.clear();
    expect(log.entries()).toEqual([]);
    expect(log.summary()).toEqual({ total: 0, bytesIn: 0, bytesOut: 0, byEndpoint: {} });
    await fetch('https://t/upload', { method: 'POST' });
    expect(log.entries().map((e) => e.seq)).toEqual([2]);
  });
});
