import type { Clock } from './clock';

export interface TokenIssuerOptions {
  clock: Clock;
  /** Access-token lifetime; `null` = never expires (Todoist). Google: 1 h. */
  accessTokenTtlMs: number | null;
  /** Prepended to every token so a token's origin is obvious in logs (`ya29.`, `todoist-`). */
  prefix: string;
  /** Authorization-code lifetime; RFC 6749 §4.1.2 recommends at most 10 minutes. */
  codeTtlMs?: number;
}

export interface TokenGrant {
  access_token: string;
  /** Seconds, as in an OAuth token response; absent when the token never expires. */
  expires_in?: number;
  refresh_token: string;
}

export type RefreshedToken = Omit<TokenGrant, 'refresh_token'>;

export type VerifyResult =
  | { ok: true; user: string }
  | { ok: false; reason: 'expired' | 'invalid' };

/** What an authorization code stands for until it is exchanged. */
export interface CodeRecord {
  user: string;
  clientId: string;
  redirectUri: string;
  scope?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
}

export type RedeemResult =
  | { ok: true; code: CodeRecord }
  | { ok: false; reason: 'invalid' | 'expired' | 'used' };

interface Grant {
  user: string;
  scope?: string;
  ttlMs: number | null;
  accessTokens: Set<string>;
}

interface AccessRecord {
  grant: Grant;
  expiresAt: number | null;
}

/**
 * Opaque bearer tokens with real lifetimes. Each `issue` starts a GRANT (one refresh token and
 * the access tokens minted from it). Revoking any token of a grant revokes the whole grant, as
 * Google's revoke endpoint does. Expired tokens are remembered so `verify` can tell 'expired'
 * from 'invalid' (unknown or revoked).
 */
export class TokenIssuer {
  readonly #clock: Clock;
  readonly #ttlMs: number | null;
  readonly #prefix: string;
  readonly #codeTtlMs: number;
  #access = new Map<string, AccessRecord>();
  #refresh = new Map<string, Grant>();
  #codes = new Map<
    string,
    { record: CodeRecord; expiresAt: number; spent: boolean; grant?: string }
  >();

  constructor(opts: TokenIssuerOptions) {
    this.#clock = opts.clock;
    this.#ttlMs = opts.accessTokenTtlMs;
    this.#prefix = opts.prefix;
    this.#codeTtlMs = opts.codeTtlMs ?? 10 * 60_000;
  }

  /** A new grant for `user`. `ttlMs` overrides the access-token lifetime for this grant. */
  issue(user: string, opts: { ttlMs?: number | null; scope?: string } = {}): TokenGrant {
    const grant: Grant = {
      user,
      ttlMs: opts.ttlMs === undefined ? this.#ttlMs : opts.ttlMs,
      accessTokens: new Set(),
      ...(opts.scope !== undefined ? { scope: opts.scope } : {}),
    };
    const refresh_token = `${this.#prefix}refresh.${randomToken()}`;
    this.#refresh.set(refresh_token, grant);
    return { ...this.#mint(grant), refresh_token };
  }

  verify(token: string): VerifyResult {
    const rec = this.#access.get(token);
    if (rec === undefined) return { ok: false, reason: 'invalid' };
    if (rec.expiresAt !== null && this.#clock.now() >= rec.expiresAt) {
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, user: rec.grant.user };
  }

  /** A fresh access token for a live refresh token; `null` when unknown or revoked. */
  refresh(refreshToken: string): RefreshedToken | null {
    const grant = this.#refresh.get(refreshToken);
    return grant === undefined ? null : this.#mint(grant);
  }

  /** The user and scope behind a refresh token, if it is live. */
  grantOf(refreshToken: string): { user: string; scope?: string } | undefined {
    const g = this.#refresh.get(refreshToken);
    if (g === undefined) return undefined;
    return { user: g.user, ...(g.scope !== undefined ? { scope: g.scope } : {}) };
  }

  /** Revokes the grant `token` (access or refresh) belongs to. False when it was unknown. */
  revoke(token: string): boolean {
    const grant = this.#refresh.get(token) ?? this.#access.get(token)?.grant;
    if (grant === undefined) return false;
    for (const t of grant.accessTokens) this.#access.delete(t);
    for (const [t, g] of this.#refresh) if (g === grant) this.#refresh.delete(t);
    return true;
  }

  /** Makes one access token expire now (tests: provoke a 401 without moving the clock). */
  expire(accessToken: string): boolean {
    const rec = this.#access.get(accessToken);
    if (rec === undefined) return false;
    rec.expiresAt = this.#clock.now();
    return true;
  }

  createCode(record: CodeRecord): string {
    const code = `${this.#prefix}code.${randomToken()}`;
    const expiresAt = this.#clock.now() + this.#codeTtlMs;
    this.#codes.set(code, { record: { ...record }, expiresAt, spent: false });
    return code;
  }

  /**
   * Spends an authorization code. Codes are single-use: a second redemption fails AND revokes
   * the grant the first one produced (RFC 6749 §4.1.2), which `attachGrant` records.
   */
  redeemCode(code: string): RedeemResult {
    const entry = this.#codes.get(code);
    if (entry === undefined) return { ok: false, reason: 'invalid' };
    if (entry.spent) {
      if (entry.grant !== undefined) this.revoke(entry.grant);
      return { ok: false, reason: 'used' };
    }
    // Spent by any attempt, even one that later fails its redirect_uri or PKCE check.
    entry.spent = true;
    if (this.#clock.now() >= entry.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, code: { ...entry.record } };
  }

  /** Remembers which grant a code produced, so a replay can revoke it. */
  attachGrant(code: string, refreshToken: string): void {
    const entry = this.#codes.get(code);
    if (entry !== undefined) entry.grant = refreshToken;
  }

  clear(): void {
    this.#access.clear();
    this.#refresh.clear();
    this.#codes.clear();
  }

  #mint(grant: Grant): RefreshedToken {
    const access_token = `${this.#prefix}${randomToken()}`;
    const expiresAt = grant.ttlMs === null ? null : this.#clock.now() + grant.ttlMs;
    this.#access.set(access_token, { grant, expiresAt });
    grant.accessTokens.add(access_token);
    return grant.ttlMs === null
      ? { access_token }
      : { access_token, expires_in: Math.floor(grant.ttlMs / 1000) };
  }
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return base64url(bytes);
}

export function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
