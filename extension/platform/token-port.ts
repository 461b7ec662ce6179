// The engine's TokenPort (sync/ports.ts) over the secret vault. Never interactive: a background
// sync never opens a window; without a usable token the engine marks the scope "needs sign-in".
// Google OAuth: the stored access token until a minute before it expires, then a refresh (one per
// account at a time). On a 401 the engine calls invalidate() and asks once more (spec §6), which
// forces a refresh. Chrome sign-in: Chrome's cache, removeCachedAuthToken on 401.
import type { TokenPort } from '../sync/ports';
import type { IdentityApi } from './browser-api';
import { chromeAuthToken } from './google-sign-in';
import { GrantRejected, postTokenRequest } from './oauth-token-client';
import type { SecretVault } from './secret-vault';

export interface TokenRefreshConfig {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes: string;
}

export interface TokenPortDeps {
  readonly vault: SecretVault;
  readonly identity: IdentityApi;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly google: () => TokenRefreshConfig;
}

/** Renew this long before the stated expiry, so a token never expires in flight. */
export const EXPIRY_MARGIN_MS = 60_000;

export function createTokenPort(deps: TokenPortDeps): TokenPort {
  const refreshing = new Map<string, Promise<string | undefined>>();

  async function refresh(sourceId: string): Promise<string | undefined> {
    const secret = await deps.vault.get(sourceId);
    if (secret?.kind !== 'google-oauth' || !secret.refreshToken) return undefined;
    const config = deps.google();
    const startedAt = deps.now();
    try {
      const token = await postTokenRequest(deps.fetch, config.tokenUrl, {
        grant_type: 'refresh_token',
        refresh_token: secret.refreshToken,
        client_id: config.clientId,
        ...(config.clientSecret ? { client_secret: config.clientSecret } : {}),
      });
      await deps.vault.put(sourceId, {
        ...secret,
        accessToken: token.access_token,
        ...(token.expires_in === undefined
          ? { expiresAt: undefined }
          : { expiresAt: startedAt + token.expires_in * 1000 }),
        // Google may rotate the refresh token; otherwise the old one stays valid.
        ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
      });
      return token.access_token;
    } catch (err) {
      // The grant is gone (revoked, expired): keep nothing that cannot work; sign-in needed.
      if (err instanceof GrantRejected) {
        const { accessToken: _a, refreshToken: _r, expiresAt: _e, ...rest } = secret;
        await deps.vault.put(sourceId, rest);
        return undefined;
      }
      throw err; // Transient: the engine backs off and keeps the cursor.
    }
  }

  return {
    async getAccessToken(sourceId) {
      const secret = await deps.vault.get(sourceId);
      if (!secret) return undefined;
      if (secret.kind === 'todoist') return secret.accessToken;
      if (secret.kind === 'google-chrome') {
        return chromeAuthToken(deps.identity, false, deps.google().scopes);
      }
      const fresh =
        secret.accessToken !== undefined &&
        (secret.expiresAt === undefined || secret.expiresAt - deps.now() > EXPIRY_MARGIN_MS);
      if (fresh) return secret.accessToken;
      let pending = refreshing.get(sourceId);
      if (!pending) {
        pending = refresh(sourceId).finally(() => refreshing.delete(sourceId));
        refreshing.set(sourceId, pending);
      }
      return pending;
    },
    async invalidate(sourceId, token) {
      const secret = await deps.vault.get(sourceId);
      if (secret?.kind === 'google-chrome') {
        await deps.identity.removeCachedAuthToken?.({ token });
        return;
      }
      // Only the rejected token is dropped; a newer one another run already obtained survives.
      if (secret?.kind === 'google-oauth' && secret.accessToken === token) {
        const { accessToken: _drop, expiresAt: _e, ...rest } = secret;
        await deps.vault.put(sourceId, rest);
      }
    },
  };
}
