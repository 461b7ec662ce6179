import type { AddressInfo } from 'node:net';
import { type HttpBindings, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultInjector } from '../../../emulators/common/faults';
import { type RunningServer, startServer } from '../../../emulators/common/node-server';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function app(faults = new FaultInjector()) {
  const a = new Hono<{ Bindings: HttpBindings }>();
  a.use(faults.middleware());
  a.onError((_err, c) => c.text('onError', 500)); // must not swallow a dropped connection
  a.get('/hello', (c) => c.json({ hello: 'world', remote: c.env.incoming.socket.remoteAddress }));
  return { a, faults };
}

describe('startServer', () => {
  it('serves the app on an ephemeral port on 127.0.0.1', async () => {
    server = await startServer(app().a, { port: 0 });
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const res = await fetch(`${server.url}/hello`);
    expect(await res.json()).toEqual({ hello: 'world', remote: '127.0.0.1' });
  });

  it('a dropConnection fault makes a real fetch reject, then the server carries on', async () => {
    const { a, faults } = app();
    server = await startServer(a, { port: 0 });
    faults.add({ match: { path: '/hello' }, respond: { dropConnection: true }, times: 1 });
    const err = await fetch(`${server.url}/hello`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).message).toBe('fetch failed');
    expect((await fetch(`${server.url}/hello`)).status).toBe(200);
  });

  it('the fault itself cuts the socket when the app is served by plain @hono/node-server', async () => {
    const { a, faults } = app();
    faults.add({ respond: { dropConnection: true }, times: 1 });
    const plain = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: a.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/hello`;
      await expect(fetch(url)).rejects.toThrow(new TypeError('fetch failed'));
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await new Promise((resolve) => {
        plain.close(resolve);
        if ('closeAllConnections' in plain) plain.closeAllConnections();
      });
    }
  });

  it('close() stops listening, even with keep-alive connections open, and is idempotent', async () => {
    const s = await startServer(app().a, { port: 0 });
    expect((await fetch(`${s.url}/hello`)).status).toBe(200); // leaves a keep-alive socket
    const { close } = s; // usable detached
    await close();
    await close();
    await expect(fetch(`${s.url}/hello`)).rejects.toThrow(TypeError);
  });

  it('rejects when the port is taken', async () => {
    server = await startServer(app().a, { port: 0 });
    await expect(startServer(app().a, { port: server.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
