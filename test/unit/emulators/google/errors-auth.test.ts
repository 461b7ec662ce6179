import { describe, expect, it, vi } from 'vitest';
import { AUTH_ERROR_BODY } from '../../../support/google-bodies';
import { BASE, EVENTS, setup, timed } from './helpers';

async function raw(h: ReturnType<typeof setup>, path: string, init: RequestInit = {}) {
  const res = await h.g.fetch(`${BASE}${path}`, init);
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
}

describe('auth and errors (spec §6)', () => {
  it('§6 missing, malformed or unknown bearer token → 401 authError', async () => {
    const h = setup();
    const variants: Record<string, string>[] = [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer ya29.forged' },
    ];
    for (const headers of variants) {
      const res = await raw(h, EVENTS, { headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(AUTH_ERROR_BODY);
    }
  });

  it('§6 access tokens expire after an hour (default) → 401', async () => {
    const h = setup();
    expect((await h.api('GET', EVENTS)).status).toBe(200);
    h.clock.advance(3_600_000 - 1);
    expect((await h.api('GET', EVENTS)).status).toBe(200);
    h.clock.advance(1);
    const res = await h.api('GET', EVENTS);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(AUTH_ERROR_BODY);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('§6 accessTokenTtlMs is configurable; the OAuth token endpoint refreshes', async () => {
    const h = setup({ accessTokenTtlMs: 1000 });
    const grant = h.g.tokens.issue('demo');
    expect(grant.expires_in).toBe(1);
    h.clock.advance(1000);
    const expired = await raw(h, EVENTS, {
      headers: { authorization: `Bearer ${grant.access_token}` },
    });
    expect(expired.status).toBe(401);
    const refreshed = await h.g.fetch('https://oauth2.googleapis.com/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: grant.refresh_token,
      }),
    });
    expect(refreshed.status).toBe(200);
    const { access_token } = (await refreshed.json()) as { access_token: string };
    expect(
      (await raw(h, EVENTS, { headers: { authorization: `Bearer ${access_token}` } })).status,
    ).toBe(200);
  });

  it('§6 the access_token query parameter also authenticates', async () => {
    const h = setup();
    expect((await raw(h, `${EVENTS}?access_token=${h.token}`)).status).toBe(200);
  });

  it('§6 malformed JSON → 400 global/parseError "Parse Error"', async () => {
    const h = setup();
    const res = await h.api('POST', EVENTS, '{"summary": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        errors: [{ domain: 'global', reason: 'parseError', message: 'Parse Error' }],
        code: 400,
        message: 'Parse Error',
      },
    });
    const array = await h.api('POST', EVENTS, '[]', { 'content-type': 'application/json' });
    expect(array.status).toBe(400);
  });

  it('§6 form-encoded or other non-JSON bodies → 400 parseError', async () => {
    const h = setup();
    const form = await h.api('POST', EVENTS, 'summary=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(400);
    expect(form.body.error.errors[0]).toEqual({
      domain: 'global',
      reason: 'parseError',
      message: 'This API does not support parsing form-encoded input.',
    });
    const text = await h.api(
      'POST',
      EVENTS,
      JSON.stringify(timed('2025-03-06T10:00:00', '2025-03-06T11:00:00')),
      {
        'content-type': 'text/plain',
      },
    );
    expect(text.status).toBe(400);
    expect(text.body.error.errors[0].reason).toBe('parseError');
  });

  it('§6 [open] a body over 1 MiB → 413 uploadTooLarge in the Google envelope', async () => {
    const h = setup();
    const big = {
      ...timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'),
      description: 'x'.repeat(1024 * 1024),
    };
    const res = await h.api('POST', EVENTS, big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe(413);
    expect(res.body.error.errors[0].reason).toBe('uploadTooLarge');
  });

  it('§6 wrongly typed fields → 400 invalid naming the field', async () => {
    const h = setup();
    const res = await h.api('POST', EVENTS, {
      ...timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'),
      summary: 42,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.errors[0]).toMatchObject({ reason: 'invalid', location: 'summary' });
  });

  it('§6 unknown routes → 404 in the Google envelope', async () => {
    const h = setup();
    const res = await h.api('GET', '/nothing/here');
    expect(res.status).toBe(404);
    expect(res.body.error.errors[0]).toMatchObject({ domain: 'global', reason: 'notFound' });
    const outside = await h.api('GET', 'https://www.googleapis.com/other');
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe(404);
  });

  it('§6 per-minute rate limit → 403 usageLimits/userRateLimitExceeded, per user, sliding', async () => {
    const h = setup({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await h.api('GET', EVENTS)).status).toBe(200);
    const limited = await h.api('GET', EVENTS);
    expect(limited.status).toBe(403);
    expect(limited.body.error.errors[0]).toEqual({
      domain: 'usageLimits',
      reason: 'userRateLimitExceeded',
      message: 'Rate Limit Exceeded',
    });
    expect((await h.as('alex')('GET', EVENTS)).status).toBe(200);
    h.clock.advance(60_000);
    expect((await h.api('GET', EVENTS)).status).toBe(200);
  });

  it('§6 faults answer before auth and routes; the log counts them per endpoint', async () => {
    const h = setup();
    h.g.faults.add({
      match: { method: 'GET', path: '/calendar/v3/calendars/*/events' },
      respond: { status: 503 },
      times: 1,
    });
    expect((await h.api('GET', EVENTS)).status).toBe(503);
    expect((await h.api('GET', EVENTS)).status).toBe(200);
    const summary = h.g.log.summary();
    expect(summary.byEndpoint['events.list']?.count).toBe(1);
    expect(summary.total).toBe(2);
    expect(h.g.log.entries().map((e) => e.user)).toEqual([undefined, 'demo']);
  });

  it('§6 a dropConnection fault reaches the transport (fetch rejects), never a 500', async () => {
    const h = setup();
    h.g.faults.add({
      match: { path: '/calendar/v3/calendars/*/events' },
      respond: { dropConnection: true },
      times: 1,
    });
    await expect(h.api('GET', EVENTS)).rejects.toThrow(TypeError);
    expect((await h.api('GET', EVENTS)).status).toBe(200);
  });

  it('§6 only a genuinely unexpected throw becomes 500 backendError', async () => {
    const h = setup();
    h.g.app.get('/calendar/v3/boom', () => {
      throw new Error('bug');
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await h.api('GET', '/boom');
    const logged = spy.mock.calls.length;
    spy.mockRestore();
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: {
        errors: [{ domain: 'global', reason: 'backendError', message: 'Backend Error' }],
        code: 500,
        message: 'Backend Error',
      },
    });
    expect(logged).toBe(1);
  });

  it('§6 control API: health, token, reset', async () => {
    const h = setup({ seed: 'demo' });
    const health = await h.g.fetch('http://x/__emulator/health');
    expect(await health.json()).toEqual({ ok: true, service: 'google' });
    const tok = await h.g.fetch('http://x/__emulator/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'alex' }),
    });
    const grant = (await tok.json()) as { access_token: string; expires_in: number; user: string };
    expect(grant).toMatchObject({ user: 'alex', expires_in: 3600 });
    const asAlex = await raw(h, '/users/me/calendarList', {
      headers: { authorization: `Bearer ${grant.access_token}` },
    });
    expect(asAlex.status).toBe(200);
    const reset = await h.g.fetch('http://x/__emulator/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 'empty' }),
    });
    expect(reset.status).toBe(200);
    // reset clears tokens too
    expect(
      (await raw(h, EVENTS, { headers: { authorization: `Bearer ${grant.access_token}` } })).status,
    ).toBe(401);
    const fresh = h.g.issueToken();
    const list = await raw(h, `${EVENTS}?singleEvents=true`, {
      headers: { authorization: `Bearer ${fresh}` },
    });
    expect(list.body.items).toEqual([]);
  });
});
