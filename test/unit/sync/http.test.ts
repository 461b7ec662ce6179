import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuthExpired, BadResponse, RateLimited, Transient } from '../../../extension/sync/errors';
import { mapGoogleError } from '../../../extension/sync/google/error-map';
import { createHttp, type RequestMeter } from '../../../extension/sync/http';
import { createFakeFetch, createFakeTime, googleError } from './fake-fetch';

const schema = z.object({ ok: z.boolean() });
const retry = { maxAttempts: 3, baseMs: 100, capMs: 1_000, maxInRunWaitMs: 5_000 };

function setup(random = () => 0.5) {
  const fake = createFakeFetch();
  const time = createFakeTime();
  const samples: { endpoint: string; status: number; bytesOut: number }[] = [];
  const meter: RequestMeter = {
    onRequest: (endpoint, s) => samples.push({ endpoint, status: s.status, bytesOut: s.bytesOut }),
  };
  const http = createHttp({ fetch: fake.fetch, ...time, random, mapError: mapGoogleError, retry });
  const get = () =>
    http.request({
      method: 'GET',
      url: new URL('https://x.test/a?q=1'),
      endpoint: 'a',
      schema,
      meter,
    });
  return { fake, time, samples, get };
}

describe('http layer', () => {
  it('validates a good response and meters it', async () => {
    const { fake, samples, get } = setup();
    fake.push({ body: { ok: true, extra: 'é' } });
    await expect(get()).resolves.toEqual({ ok: true });
    // 23 characters, 'é' is two bytes in UTF-8.
    expect(samples).toEqual([{ endpoint: 'a', status: 200, bytesOut: 24 }]);
    expect(fake.calls[0]?.headers.accept).toBe('application/json');
  });

  it('turns a schema mismatch or a non-JSON body into BadResponse, without retrying', async () => {
    const { fake, get } = setup();
    fake.push({ body: { ok: 'yes' } }, { body: '<html>' });
    await expect(get()).rejects.toBeInstanceOf(BadResponse);
    await expect(get()).rejects.toThrow(/not JSON/);
    expect(fake.calls).toHaveLength(2);
  });

  it('retries 5xx with full-jitter backoff and succeeds', async () => {
    const { fake, time, get } = setup();
    fake.push({ status: 503 }, { status: 500, body: googleError(500, 'backendError', 'x') });
    fake.push({ body: { ok: true } });
    await expect(get()).resolves.toEqual({ ok: true });
    // random 0.5 → half of 100·2^0 and 100·2^1.
    expect(time.sleeps).toEqual([50, 100]);
  });

  it('gives up after maxAttempts with the typed error', async () => {
    const { fake, get } = setup();
    fake.push({ status: 503 }, { status: 503 }, { status: 503 }, { body: { ok: true } });
    const err = await get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Transient);
    expect((err as Transient).status).toBe(503);
    expect(fake.calls).toHaveLength(3);
  });

  it('treats a dropped connection as Transient and meters it as status 0', async () => {
    const { fake, samples, get } = setup();
    fake.push({ network: true }, { body: { ok: true } });
    await expect(get()).resolves.toEqual({ ok: true });
    expect(samples.map((s) => s.status)).toEqual([0, 200]);
  });

  it('honours a short Retry-After in-run', async () => {
    const { fake, time, get } = setup(() => 0);
    fake.push({
      status: 429,
      headers: { 'retry-after': '2' },
      body: googleError(429, 'rateLimitExceeded', 'slow down'),
    });
    fake.push({ body: { ok: true } });
    await expect(get()).resolves.toEqual({ ok: true });
    expect(time.sleeps).toEqual([2_000]);
  });

  it('leaves a long Retry-After to the scheduler', async () => {
    const { fake, time, get } = setup();
    fake.push({
      status: 403,
      headers: { 'retry-after': '120' },
      body: googleError(403, 'userRateLimitExceeded', 'User Rate Limit Exceeded'),
    });
    const err = await get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimited);
    expect((err as RateLimited).retryAfterMs).toBe(120_000);
    expect((err as RateLimited).reason).toBe('userRateLimitExceeded');
    expect(time.sleeps).toEqual([]);
    expect(fake.calls).toHaveLength(1);
  });

  it('does not retry a 401: the client decides', async () => {
    const { fake, get } = setup();
    fake.push({ status: 401, body: googleError(401, 'authError', 'Invalid Credentials') });
    await expect(get()).rejects.toBeInstanceOf(AuthExpired);
    expect(fake.calls).toHaveLength(1);
  });
});
