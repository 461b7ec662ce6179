import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/common/clock';
import { inProcessFetch } from '../../../emulators/common/in-process';
import { oauthRoutes, s256, TokenIssuer } from '../../../emulators/common/oauth';

const REDIRECT = 'https://abcdefgh.chromiumapp.org/cb';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'; // RFC 7636 appendix B

function google(opts: { clientSecret?: string } = {}) {
  const clock = new ManualClock();
  const issuer = new TokenIssuer({ clock, accessTokenTtlMs: 3_600_000, prefix: 'ya29.' });
  const app = new Hono();
  app.route(
    '/',
    oauthRoutes(issuer, {
      authorizePath: '/o/oauth2/v2/auth',
      tokenPath: '/token',
      revokePath: '/revoke',
      defaultUser: 'demo',
      knownUsers: () => ['demo', 'alice'],
      style: 'google',
      ...opts,
    }),
  );
  const f = inProcessFetch(app);
  const authorize = async (params: Record<string, string>) => {
    const qs = new URLSearchParams({ client_id: 'cid', redirect_uri: REDIRECT, ...params });
    return f(`https://accounts.google.com/o/oauth2/v2/auth?${qs}`, { redirect: 'manual' });
  };
  const code = async (params: Record<string, string> = {}) => {
    const res = await authorize({ response_type: 'code', state: 's1', ...params });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location')!);
    expect(loc.searchParams.get('state')).toBe('s1');
    return loc.searchParams.get('code')!;
  };
  const token = (params: Record<string, string>) =>
    f('https://oauth2.googleapis.com/token', { method: 'POST', body: new URLSearchParams(params) });
  return { clock, issuer, f, authorize, code, token };
}

describe('TokenIssuer', () => {
  it('issues tokens that expire on the injected clock', () => {
    const clock = new ManualClock();
    const issuer = new TokenIssuer({ clock, accessTokenTtlMs: 60_000, prefix: 'ya29.' });
    const grant = issuer.issue('demo');
    expect(grant.access_token.startsWith('ya29.')).toBe(true);
    expect(grant.expires_in).toBe(60);
    expect(issuer.verify(grant.access_token)).toEqual({ ok: true, user: 'demo' });
    clock.advance(59_999);
    expect(issuer.verify(grant.access_token).ok).toBe(true);
    clock.advance(1);
    expect(issuer.verify(grant.access_token)).toEqual({ ok: false, reason: 'expired' });
    expect(issuer.verify('ya29.nope')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refresh mints a new access token; revoke kills the whole grant', () => {
    const clock = new ManualClock();
    const issuer = new TokenIssuer({ clock, accessTokenTtlMs: 1000, prefix: 'p.' });
    const grant = issuer.issue('alice', { ttlMs: 10 });
    clock.advance(10);
    const fresh = issuer.refresh(grant.refresh_token)!;
    expect(fresh.access_token).not.toBe(grant.access_token);
    expect(issuer.verify(fresh.access_token)).toEqual({ ok: true, user: 'alice' });
    expect(issuer.revoke(fresh.access_token)).toBe(true);
    expect(issuer.verify(fresh.access_token)).toEqual({ ok: false, reason: 'invalid' });
    expect(issuer.refresh(grant.refresh_token)).toBeNull();
    expect(issuer.revoke(fresh.access_token)).toBe(false);
  });

  it('null TTL never expires (Todoist); expire() and clear() end tokens on demand', () => {
    const clock = new ManualClock();
    const issuer = new TokenIssuer({ clock, accessTokenTtlMs: null, prefix: 'todoist-' });
    const a = issuer.issue('demo');
    const b = issuer.issue('demo');
    expect(a).not.toHaveProperty('expires_in');
    clock.advance(10 * 365 * 86_400_000);
    expect(issuer.verify(a.access_token).ok).toBe(true);
    expect(issuer.expire(a.access_token)).toBe(true);
    expect(issuer.verify(a.access_token)).toEqual({ ok: false, reason: 'expired' });
    issuer.clear();
    expect(issuer.verify(b.access_token)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('oauthRoutes (google style)', () => {
  it('code flow with PKCE S256: token exchange succeeds and the token verifies', async () => {
    const { code, token, issuer } = google();
    expect(await s256(VERIFIER)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'); // RFC 7636 B
    const c = await code({
      code_challenge: await s256(VERIFIER),
      code_challenge_method: 'S256',
      scope: 'cal',
    });
    const res = await token({
      grant_type: 'authorization_code',
      code: c,
      client_id: 'cid',
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'cal' });
    expect(issuer.verify(body.access_token as string)).toEqual({ ok: true, user: 'demo' });
  });

  it('a wrong verifier is invalid_grant, and the code is spent by the attempt', async () => {
    const { code, token } = google();
    const c = await code({ code_challenge: await s256(VERIFIER), code_challenge_method: 'S256' });
    const base = {
      grant_type: 'authorization_code',
      code: c,
      client_id: 'cid',
      redirect_uri: REDIRECT,
    };
    const bad = await token({ ...base, code_verifier: `${VERIFIER.slice(0, -1)}x` });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_grant' });
    const retry = await token({ ...base, code_verifier: VERIFIER });
    expect(await retry.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('PKCE plain, and a missing verifier is refused', async () => {
    const { code, token } = google();
    const base = { grant_type: 'authorization_code', client_id: 'cid', redirect_uri: REDIRECT };
    const c1 = await code({ code_challenge: VERIFIER });
    expect((await token({ ...base, code: c1, code_verifier: VERIFIER })).status).toBe(200);
    const c2 = await code({ code_challenge: VERIFIER });
    expect(await (await token({ ...base, code: c2 })).json()).toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('code reuse is rejected and revokes the tokens the first exchange issued', async () => {
    const { code, token, issuer } = google();
    const c = await code();
    const params = {
      grant_type: 'authorization_code',
      code: c,
      client_id: 'cid',
      redirect_uri: REDIRECT,
    };
    const first = (await (await token(params)).json()) as { access_token: string };
    expect(issuer.verify(first.access_token).ok).toBe(true);
    const again = await token(params);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    expect(issuer.verify(first.access_token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('codes are short-lived, bound to redirect_uri and client_id', async () => {
    const { code, token, clock } = google();
    const base = { grant_type: 'authorization_code', client_id: 'cid', redirect_uri: REDIRECT };
    const late = await code();
    clock.advance(10 * 60_000);
    expect(await (await token({ ...base, code: late })).json()).toMatchObject({
      error: 'invalid_grant',
    });
    const wrongUri = await code();
    const r1 = await token({ ...base, code: wrongUri, redirect_uri: 'https://evil.example/cb' });
    expect(await r1.json()).toMatchObject({ error: 'invalid_grant' });
    const noUri = await code();
    const r2 = await token({ grant_type: 'authorization_code', client_id: 'cid', code: noUri });
    expect(await r2.json()).toMatchObject({ error: 'invalid_grant' });
    const wrongClient = await code();
    expect(
      await (await token({ ...base, code: wrongClient, client_id: 'other' })).json(),
    ).toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('refresh_token grant: new access token after expiry; revoked refresh → invalid_grant', async () => {
    const { code, token, issuer, clock, f } = google();
    const c = await code({ login_hint: 'alice' });
    const grant = (await (
      await token({
        grant_type: 'authorization_code',
        code: c,
        client_id: 'cid',
        redirect_uri: REDIRECT,
      })
    ).json()) as { access_token: string; refresh_token: string };
    clock.advance(3_600_000);
    expect(issuer.verify(grant.access_token)).toEqual({ ok: false, reason: 'expired' });
    const res = await token({
      grant_type: 'refresh_token',
      refresh_token: grant.refresh_token,
      client_id: 'cid',
    });
    const fresh = (await res.json()) as Record<string, unknown>;
    expect(fresh).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(fresh).not.toHaveProperty('refresh_token');
    expect(issuer.verify(fresh.access_token as string)).toEqual({ ok: true, user: 'alice' });
    const rev = await f(`https://oauth2.googleapis.com/revoke?token=${grant.refresh_token}`, {
      method: 'POST',
    });
    expect(rev.status).toBe(200);
    const after = await token({ grant_type: 'refresh_token', refresh_token: grant.refresh_token });
    expect([after.status, await after.json()]).toEqual([
      400,
      { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    ]);
  });

  it('accepts a JSON token request; rejects unknown grant types and missing grant_type', async () => {
    const { code, f, token } = google();
    const c = await code();
    const json = await f('https://oauth2.googleapis.com/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'authorization_code',
        code: c,
        client_id: 'cid',
        redirect_uri: REDIRECT,
      }),
    });
    expect(json.status).toBe(200);
    expect(await (await token({ grant_type: 'password' })).json()).toMatchObject({
      error: 'unsupported_grant_type',
    });
    expect(await (await token({ code: 'x' })).json()).toMatchObject({ error: 'invalid_request' });
  });

  it('implicit flow puts the token in the fragment', async () => {
    const { authorize, issuer } = google();
    const res = await authorize({ response_type: 'token', state: 'st', login_hint: 'alice' });
    const frag = new URLSearchParams(new URL(res.headers.get('location')!).hash.slice(1));
    expect(frag.get('token_type')).toBe('Bearer');
    expect(frag.get('expires_in')).toBe('3600');
    expect(frag.get('state')).toBe('st');
    expect(issuer.verify(frag.get('access_token')!)).toEqual({ ok: true, user: 'alice' });
  });

  it('validates the authorize request', async () => {
    const { authorize } = google();
    const relative = await authorize({ response_type: 'code', redirect_uri: '/cb' });
    expect([relative.status, await relative.json()]).toMatchObject([
      400,
      { error: 'invalid_request' },
    ]);
    const missing = await authorize({ response_type: 'code', redirect_uri: '' });
    expect(missing.status).toBe(400);
    const errorOf = async (params: Record<string, string>) => {
      const res = await authorize(params);
      expect(res.status).toBe(302);
      return new URL(res.headers.get('location')!).searchParams.get('error');
    };
    expect(await errorOf({ response_type: 'id_token' })).toBe('unsupported_response_type');
    expect(await errorOf({})).toBe('unsupported_response_type');
    expect(await errorOf({ response_type: 'code', login_hint: 'mallory' })).toBe('access_denied');
    expect(
      await errorOf({
        response_type: 'code',
        code_challenge: VERIFIER,
        code_challenge_method: 'S512',
      }),
    ).toBe('invalid_request');
  });

  it('requires the client secret when configured', async () => {
    const { code, token } = google({ clientSecret: 'sekret' });
    const c = await code();
    const base = {
      grant_type: 'authorization_code',
      code: c,
      client_id: 'cid',
      redirect_uri: REDIRECT,
    };
    const res = await token(base);
    expect([res.status, await res.json()]).toMatchObject([401, { error: 'invalid_client' }]);
    expect((await token({ ...base, client_secret: 'sekret' })).status).toBe(200);
  });
});

describe('oauthRoutes (todoist style)', () => {
  function todoist() {
    const issuer = new TokenIssuer({
      clock: new ManualClock(),
      accessTokenTtlMs: null,
      prefix: 'td-',
    });
    const app = new Hono();
    app.route(
      '/',
      oauthRoutes(issuer, {
        authorizePath: '/oauth/authorize',
        tokenPath: '/oauth/access_token',
        defaultUser: 'demo',
        knownUsers: () => ['demo'],
        style: 'todoist',
        clientSecret: 'tsecret',
      }),
    );
    return { issuer, f: inProcessFetch(app) };
  }

  it('authorize → code → {access_token, token_type} that never expires', async () => {
    const { f, issuer } = todoist();
    const qs = new URLSearchParams({
      client_id: 'cid',
      scope: 'data:read_write',
      state: 'xyz',
      redirect_uri: REDIRECT,
    });
    const auth = await f(`https://todoist.com/oauth/authorize?${qs}`, { redirect: 'manual' });
    const loc = new URL(auth.headers.get('location')!);
    expect(loc.searchParams.get('state')).toBe('xyz');
    const res = await f('https://todoist.com/oauth/access_token', {
      method: 'POST',
      body: new URLSearchParams({
        client_id: 'cid',
        client_secret: 'tsecret',
        code: loc.searchParams.get('code')!,
      }),
    });
    const body = (await res.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'token_type']);
    expect(body.token_type).toBe('Bearer');
    expect(issuer.verify(body.access_token!)).toEqual({ ok: true, user: 'demo' });
  });

  it('requires state and scope, offers no implicit flow and no refresh grant', async () => {
    const { f } = todoist();
    const err = async (params: Record<string, string>) => {
      const qs = new URLSearchParams({ client_id: 'cid', redirect_uri: REDIRECT, ...params });
      const res = await f(`https://todoist.com/oauth/authorize?${qs}`, { redirect: 'manual' });
      return new URL(res.headers.get('location')!).searchParams.get('error');
    };
    expect(await err({ scope: 'data:read' })).toBe('invalid_request');
    expect(await err({ scope: 'data:read', state: 's', response_type: 'token' })).toBe(
      'unsupported_response_type',
    );
    const res = await f('https://todoist.com/oauth/access_token', {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'x',
        client_secret: 'tsecret',
      }),
    });
    expect(await res.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});
