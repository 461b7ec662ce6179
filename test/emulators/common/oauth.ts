import { type Context, Hono } from 'hono';
import { base64url, type CodeRecord, type TokenIssuer } from './token-issuer';

export {
  type CodeRecord,
  type RefreshedToken,
  type TokenGrant,
  TokenIssuer,
  type TokenIssuerOptions,
  type VerifyResult,
} from './token-issuer';

export interface OAuthRoutesOptions {
  authorizePath: string;
  tokenPath: string;
  /** Optional revoke endpoint (Google: `/revoke`, `token` as query or form parameter). */
  revokePath?: string;
  /** Who consents when the request carries no `login_hint`. */
  defaultUser: string;
  /** A `login_hint` outside this list is refused with `access_denied`. */
  knownUsers(): readonly string[];
  /**
   * google: `response_type` code or token, `grant_type` required, refresh tokens, expiring tokens.
   * todoist: authorize → `code` only, token answers `{access_token, token_type}`, no refresh.
   */
  style: 'google' | 'todoist';
  /** When set, the token endpoint requires this `client_secret` (form field or HTTP Basic). */
  clientSecret?: string;
}

type Params = Record<string, string>;

/** RFC 7636 §4.1: 43–128 unreserved characters (verifier; also an S256/plain challenge). */
const PKCE_STRING = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * The authorize and token endpoints of an OAuth 2.0 provider (RFC 6749, PKCE per RFC 7636).
 * Consent is automatic: the emulator has no UI. Mount with `app.route('/', oauthRoutes(...))`.
 */
export function oauthRoutes(issuer: TokenIssuer, opts: OAuthRoutesOptions): Hono {
  const app = new Hono();
  const google = opts.style === 'google';

  app.get(opts.authorizePath, (c) => {
    const q = c.req.query();
    // RFC 6749 §4.1.2.1: without a trustworthy client and redirect_uri, never redirect.
    if (!q.client_id)
      return oauthError(c, 400, 'invalid_request', 'Missing required parameter: client_id');
    const redirectUri = absoluteUrl(q.redirect_uri);
    if (redirectUri === null) {
      return oauthError(
        c,
        400,
        'invalid_request',
        'redirect_uri is required and must be an absolute URL',
      );
    }
    const fail = (error: string, description: string) =>
      redirectTo(c, redirectUri, 'query', { error, error_description: description, ...state(q) });

    const responseType = q.response_type ?? (google ? '' : 'code');
    if (responseType !== 'code' && !(google && responseType === 'token')) {
      return fail(
        'unsupported_response_type',
        `response_type ${responseType || '(missing)'} is not supported`,
      );
    }
    if (!google && (!q.scope || !q.state)) {
      // Todoist documents client_id, scope and state as required.
      return fail('invalid_request', 'scope and state are required');
    }
    const user = q.login_hint ?? opts.defaultUser;
    if (!opts.knownUsers().includes(user)) return fail('access_denied', `unknown user ${user}`);

    if (responseType === 'token') {
      const grant = issuer.issue(user, q.scope ? { scope: q.scope } : {});
      return redirectTo(c, redirectUri, 'fragment', {
        access_token: grant.access_token,
        token_type: 'Bearer',
        ...(grant.expires_in !== undefined ? { expires_in: String(grant.expires_in) } : {}),
        ...(q.scope ? { scope: q.scope } : {}),
        ...state(q),
      });
    }

    const challenge = q.code_challenge;
    let pkce: Pick<CodeRecord, 'codeChallenge' | 'codeChallengeMethod'> = {};
    if (challenge !== undefined) {
      const method = q.code_challenge_method ?? 'plain'; // RFC 7636 §4.3: plain when omitted
      if (method !== 'S256' && method !== 'plain') {
        return fail('invalid_request', 'code_challenge_method must be S256 or plain');
      }
      if (!PKCE_STRING.test(challenge))
        return fail('invalid_request', 'code_challenge is malformed');
      pkce = { codeChallenge: challenge, codeChallengeMethod: method };
    }
    const code = issuer.createCode({
      user,
      clientId: q.client_id,
      redirectUri: q.redirect_uri!,
      ...(q.scope ? { scope: q.scope } : {}),
      ...pkce,
    });
    return redirectTo(c, redirectUri, 'query', {
      code,
      ...state(q),
      ...(google && q.scope ? { scope: q.scope } : {}),
    });
  });

  app.post(opts.tokenPath, async (c) => {
    c.header('cache-control', 'no-store'); // RFC 6749 §5.1
    const p = await readParams(c);
    if (p === null)
      return oauthError(c, 400, 'invalid_request', 'Body must be form-encoded or JSON');
    const client = clientCredentials(c, p);
    if (opts.clientSecret !== undefined && client.secret !== opts.clientSecret) {
      return oauthError(c, 401, 'invalid_client', 'Unauthorized');
    }
    const grantType = p.grant_type ?? (google ? undefined : 'authorization_code');
    if (grantType === 'authorization_code') return exchangeCode(c, p, client.id);
    if (grantType === 'refresh_token' && google) {
      if (!p.refresh_token) return oauthError(c, 400, 'invalid_request', 'Missing refresh_token');
      const grant = issuer.grantOf(p.refresh_token);
      const token = issuer.refresh(p.refresh_token);
      if (token === null) return invalidGrant(c, 'Token has been expired or revoked.');
      return c.json({
        ...token,
        token_type: 'Bearer',
        ...(grant?.scope ? { scope: grant.scope } : {}),
      });
    }
    if (grantType === undefined) return oauthError(c, 400, 'invalid_request', 'Missing grant_type');
    return oauthError(c, 400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
  });

  const exchangeCode = async (c: Context, p: Params, clientId: string | undefined) => {
    if (!p.code) return oauthError(c, 400, 'invalid_request', 'Missing code');
    const redeemed = issuer.redeemCode(p.code);
    if (!redeemed.ok) {
      const why = {
        invalid: 'Malformed auth code.',
        expired: 'Auth code expired.',
        used: 'Auth code already used.',
      };
      return invalidGrant(c, why[redeemed.reason]);
    }
    const code = redeemed.code;
    if (clientId !== undefined && clientId !== code.clientId)
      return invalidGrant(c, 'client_id mismatch');
    // RFC 6749 §4.1.3: redirect_uri must match when it was part of the authorize request. Google
    // always requires it; Todoist omits it, so there it is checked only when sent.
    if ((google || p.redirect_uri !== undefined) && p.redirect_uri !== code.redirectUri) {
      return invalidGrant(c, 'redirect_uri mismatch');
    }
    if (code.codeChallenge !== undefined) {
      const verifier = p.code_verifier;
      if (verifier === undefined || !PKCE_STRING.test(verifier)) {
        return invalidGrant(c, 'Missing or malformed code verifier.');
      }
      const expected = code.codeChallengeMethod === 'S256' ? await s256(verifier) : verifier;
      if (expected !== code.codeChallenge) return invalidGrant(c, 'Invalid code verifier.');
    }
    const grant = issuer.issue(code.user, code.scope ? { scope: code.scope } : {});
    issuer.attachGrant(p.code, grant.refresh_token);
    if (!google) return c.json({ access_token: grant.access_token, token_type: 'Bearer' });
    return c.json({ ...grant, token_type: 'Bearer', ...(code.scope ? { scope: code.scope } : {}) });
  };

  if (opts.revokePath !== undefined) {
    app.on(['GET', 'POST'], opts.revokePath, async (c) => {
      const p = c.req.method === 'POST' ? await readParams(c) : {};
      const token = c.req.query('token') ?? p?.token;
      if (!token || !issuer.revoke(token))
        return oauthError(c, 400, 'invalid_token', 'Token expired or revoked');
      return c.json({});
    });
  }

  return app;
}

/** base64url(SHA-256(verifier)) — the S256 code challenge (RFC 7636 §4.2). */
export async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function oauthError(c: Context, status: 400 | 401, error: string, description: string) {
  return c.json({ error, error_description: description }, status);
}

function invalidGrant(c: Context, description: string) {
  return oauthError(c, 400, 'invalid_grant', description);
}

function state(q: Params): Params {
  return q.state !== undefined ? { state: q.state } : {};
}

function absoluteUrl(raw: string | undefined): URL | null {
  if (!raw) return null;
  try {
    return new URL(raw); // throws on relative URLs
  } catch {
    return null;
  }
}

function redirectTo(c: Context, base: URL, where: 'query' | 'fragment', params: Params) {
  const url = new URL(base);
  if (where === 'query') {
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  } else {
    url.hash = new URLSearchParams(params).toString();
  }
  return c.redirect(url.toString(), 302);
}

async function readParams(c: Context): Promise<Params | null> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      const body: unknown = await c.req.json();
      if (typeof body !== 'object' || body === null) return null;
      return Object.fromEntries(
        Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
    }
    if (type.includes('application/x-www-form-urlencoded')) {
      return Object.fromEntries(new URLSearchParams(await c.req.text()));
    }
  } catch {
    return null;
  }
  return null;
}

/** client_id / client_secret from the body or HTTP Basic (RFC 6749 §2.3.1). */
function clientCredentials(c: Context, p: Params): { id?: string; secret?: string } {
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Basic ')) {
    const [id, secret] = atob(auth.slice(6)).split(':').map(decodeURIComponent);
    return { ...(id ? { id } : {}), ...(secret !== undefined ? { secret } : {}) };
  }
  return {
    ...(p.client_id !== undefined ? { id: p.client_id } : {}),
    ...(p.client_secret !== undefined ? { secret: p.client_secret } : {}),
  };
}
