import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DroppedConnection, inProcessFetch } from '../../../emulators/common/in-process';

function app() {
  const a = new Hono();
  a.all('/echo', async (c) =>
    c.json({
      method: c.req.method,
      host: new URL(c.req.url).host,
      query: c.req.query(),
      body: await c.req.text(),
      auth: c.req.header('authorization') ?? null,
    }),
  );
  a.get('/drop', () => {
    throw new DroppedConnection();
  });
  a.get('/boom', () => {
    throw new Error('boom');
  });
  // Even a catch-all onError never sees a DroppedConnection (it is not an Error).
  a.onError((_err, c) => c.text('handled', 500));
  a.all('/to-echo/:status', (c) =>
    c.redirect('https://other.example/echo?via=redirect', Number(c.req.param('status')) as 302),
  );
  return a;
}

describe('inProcessFetch', () => {
  it('routes any absolute URL, whatever the host, into the app', async () => {
    const f = inProcessFetch(app());
    for (const host of ['www.googleapis.com', 'api.todoist.com', '127.0.0.1:9']) {
      const res = await f(`https://${host}/echo?x=1`, { headers: { authorization: 'Bearer t' } });
      expect(res.status).toBe(200);
      expect(res.url).toBe(`https://${host}/echo?x=1`);
      expect(await res.json()).toMatchObject({
        method: 'GET',
        host,
        query: { x: '1' },
        auth: 'Bearer t',
      });
    }
  });

  it('accepts a Request and a URL object, and passes the body', async () => {
    const f = inProcessFetch(app());
    const res = await f(new Request('http://x/echo', { method: 'POST', body: 'hello' }));
    expect(await res.json()).toMatchObject({ method: 'POST', body: 'hello' });
    const res2 = await f(new URL('http://y/echo'), { method: 'PUT', body: 'put' });
    expect(await res2.json()).toMatchObject({ method: 'PUT', host: 'y', body: 'put' });
  });

  it('rejects a relative URL like fetch does', async () => {
    await expect(inProcessFetch(app())('/echo')).rejects.toThrow(TypeError);
  });

  it('rejects a dropped connection with TypeError("fetch failed")', async () => {
    const err = await inProcessFetch(app())('http://x/drop').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).message).toBe('fetch failed');
    expect((err as TypeError).cause).toBeInstanceOf(DroppedConnection);
  });

  it('leaves ordinary handler errors to Hono (500), unlike a dropped connection', async () => {
    const res = await inProcessFetch(app())('http://x/boom');
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('handled');
  });

  it('rejects at once with an already-aborted signal', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(
      inProcessFetch(app())('http://x/echo', { signal: ac.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('rejects mid-flight when the signal aborts, without waiting for the handler', async () => {
    const a = new Hono();
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => {
      a.get('/slow', async (c) => {
        resolve();
        await new Promise<void>((r) => {
          release = r;
        });
        return c.text('late');
      });
    });
    const ac = new AbortController();
    const pending = inProcessFetch(a)('http://x/slow', { signal: ac.signal });
    await arrived;
    ac.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    release();
  });

  it('follows redirects back into the app by default; POST + 302/303 becomes GET', async () => {
    const f = inProcessFetch(app());
    const res = await f('http://x/to-echo/303', { method: 'POST', body: 'data' });
    expect(res.url).toBe('https://other.example/echo?via=redirect');
    expect(await res.json()).toMatchObject({ method: 'GET', body: '', query: { via: 'redirect' } });
  });

  it('keeps method and body across a 307', async () => {
    const res = await inProcessFetch(app())('http://x/to-echo/307', {
      method: 'POST',
      body: 'data',
    });
    expect(await res.json()).toMatchObject({ method: 'POST', body: 'data' });
  });

  it("returns the redirect itself with redirect:'manual' and rejects with 'error'", async () => {
    const f = inProcessFetch(app());
    const res = await f('http://x/to-echo/302', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://other.example/echo?via=redirect');
    await expect(f('http://x/to-echo/302', { redirect: 'error' })).rejects.toThrow(TypeError);
  });
});
