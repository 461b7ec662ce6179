// Interactive Google sign-in (spec §6). Chrome with a manifest oauth2 client: Chrome's own account
// via identity.getAuthToken (it caches and refreshes tokens itself). Everywhere else (Edge, Brave,
// Chromium, the emulator): identity.launchWebAuthFlow against the authorize endpoint with PKCE
// (S256) and the code exchanged at the token endpoint for an access + refresh token.
import type { IdentityApi } from './browser-api';
import { postTokenRequest } from './oauth-token-client';
import { base64url, createVerifier, s256Challenge } from './pkce';
import type { Secret } from './secret-vault';

export interface GoogleOAuthConfig {
  readonly authUrl: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes: string;
  /** Manifest oauth2 client id; empty = launchWebAuthFlow. */
  readonly chromeClientId: string;
}

export interface SignInDeps {
  readonly identity: IdentityApi;
  readonly fetch: typeof fetch;
  readonly subtle: SubtleCrypto;
  readonly getRandomValues: (a: Uint8Array) => Uint8Array;
  readonly now: () => number;
}

export interface SignInResult {
  readonly secret: Secret;
  /** A token to identify the account with right away. */
  readonly accessToken: string;
}

/** The user closed the window or refused consent. */
export class SignInCancelled extends Error {
  override readonly name = 'SignInCancelled';
}

/** The provider answered the authorize request with an error, or with something we cannot use. */
export class SignInFailed extends Error {
  override readonly name = 'SignInFailed';
}

export function usesChromeSignIn(identity: IdentityApi, config: GoogleOAuthConfig): boolean {
  return config.chromeClientId !== '' && typeof identity.getAuthToken === 'function';
}

export async function signInToGoogle(
  deps: SignInDeps,
  config: GoogleOAuthConfig,
  options: { loginHint?: string } = {},
): Promise<SignInResult> {
  if (usesChromeSignIn(deps.identity, config)) {
    const token = await chromeAuthToken(deps.identity, true, config.scopes);
    if (!token) throw new SignInCancelled('Chrome did not return a token.');
    return { secret: { kind: 'google-chrome' }, accessToken: token };
  }
  const redirectUri = deps.identity.getRedirectURL();
  const verifier = createVerifier(deps.getRandomValues);
  const state = base64url(deps.getRandomValues(new Uint8Array(16)));
  const url = new URL(config.authUrl);
  const params: Record<string, string> = {
    client_id: config.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: config.scopes,
    state,
    code_challenge: await s256Challenge(verifier, deps.subtle),
    code_challenge_method: 'S256',
    // Google returns a refresh token only for offline access; consent makes it send a new one
    // when the account had authorized Almanac before.
    access_type: 'offline',
    prompt: 'consent',
    ...(options.loginHint ? { login_hint: options.loginHint } : {}),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);

  const redirect = await launch(deps.identity, url.toString());
  const answer = readRedirect(redirect, redirectUri);
  if (answer.get('state') !== state) throw new SignInFailed('The sign-in answer did not match.');
  const error = answer.get('error');
  if (error === 'access_denied') throw new SignInCancelled('Access was not granted.');
  if (error) throw new SignInFailed(answer.get('error_description') ?? error);
  const code = answer.get('code');
  if (!code) throw new SignInFailed('The sign-in answer carried no authorization code.');

  const startedAt = deps.now();
  const token = await postTokenRequest(deps.fetch, config.tokenUrl, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: config.clientId,
    code_verifier: verifier,
    ...(config.clientSecret ? { client_secret: config.clientSecret } : {}),
  });
  return {
    secret: {
      kind: 'google-oauth',
      accessToken: token.access_token,
      ...(token.expires_in === undefined ? {} : { expiresAt: startedAt + token.expires_in * 1000 }),
      ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
      ...(token.scope ? { scope: token.scope } : {}),
    },
    accessToken: token.access_token,
  };
}

export async function chromeAuthToken(
  identity: IdentityApi,
  interactive: boolean,
  scopes: string,
): Promise<string | undefined> {
  if (!identity.getAuthToken) return undefined;
  try {
    const result = await identity.getAuthToken({ interactive, scopes: scopes.split(' ') });
    // Chrome ≥ 105 resolves { token, grantedScopes }; older callback forms gave the string.
    return typeof result === 'string' ? result : result?.token;
  } catch {
    // Not signed in to Chrome, consent missing (non-interactive), or no Google keys.
    return undefined;
  }
}

export async function launch(identity: IdentityApi, url: string): Promise<string> {
  let redirect: string | undefined;
  try {
    redirect = await identity.launchWebAuthFlow({ url, interactive: true });
  } catch (err) {
    // Chrome rejects with "The user did not approve access." when the window is closed.
    const message = err instanceof Error ? err.message : String(err);
    throw new SignInCancelled(`Sign-in was cancelled (${message})`);
  }
  if (!redirect) throw new SignInCancelled('Sign-in was cancelled.');
  return redirect;
}

/** The query (code flow) of the final redirect, which must be our own redirect URL. */
export function readRedirect(redirect: string, expectedPrefix: string): URLSearchParams {
  if (!redirect.startsWith(expectedPrefix.replace(/\/$/, ''))) {
    throw new SignInFailed('The sign-in ended on an unexpected address.');
  }
  return new URL(redirect).searchParams;
}
