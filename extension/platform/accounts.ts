// Connecting and disconnecting accounts. Google: interactive sign-in (google-sign-in.ts), then the
// account is identified by its primary calendar (whose id is the account's email, spec §5) and its
// calendars are listed and synced in the background. Todoist: OAuth through launchWebAuthFlow, or
// a pasted personal API token; either is checked with a cheap sync call (resource_types ["user"])
// before anything is stored.
import { z } from 'zod';
import type { AlmanacDb } from '../store/db';
import type { SourceRecord } from '../store/records';
import { AuthExpired, RequestRejected } from '../sync/errors';
import { wipeAccount } from './account-wipe';
import type { IdentityApi } from './browser-api';
import type { BuildConfig, Endpoints } from './build-config';
import { launch, readRedirect, SignInFailed, signInToGoogle } from './google-sign-in';
import { postTokenRequest } from './oauth-token-client';
import { base64url } from './pkce';
import type { ProviderCalls } from './provider-calls';
import type { SecretVault } from './secret-vault';

const primaryCalendarSchema = z.looseObject({
  id: z.string().min(1),
  summary: z.string().optional(),
});
const todoistUserSchema = z.looseObject({
  user: z.looseObject({
    id: z.union([z.string(), z.number()]).transform(String),
    email: z.string().optional(),
    full_name: z.string().optional(),
  }),
});

export interface Account {
  readonly sourceId: string;
  readonly provider: 'google' | 'todoist';
  readonly label: string;
  /** Todoist: `user.id`, so the relay can link the account before its first sync. */
  readonly userId?: string;
}

export interface AccountsDeps {
  readonly db: AlmanacDb;
  readonly vault: SecretVault;
  readonly identity: IdentityApi;
  readonly calls: ProviderCalls;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly subtle: SubtleCrypto;
  readonly getRandomValues: (a: Uint8Array) => Uint8Array;
  readonly build: BuildConfig;
  readonly endpoints: () => Endpoints;
  /** After a connect: parked scopes resume and the account's first sync starts (not awaited). */
  readonly afterConnect: (sourceId: string, provider: 'google' | 'todoist') => Promise<void>;
  /** After any account change: menus, alarms, badge. */
  readonly afterChange: () => Promise<void>;
}

export interface Accounts {
  connectGoogle(options?: { loginHint?: string }): Promise<Account>;
  connectTodoist(options: { token?: string }): Promise<Account>;
  disconnect(sourceId: string): Promise<void>;
}

/** Source ids name scopes as `google:calendar:<source>:<calendar>`: no ':' allowed. */
export const sourceIdFor = (provider: 'google' | 'todoist', accountId: string) =>
  `${provider}.${accountId.replace(/:/g, '_')}`;

export function createAccounts(deps: AccountsDeps): Accounts {
  async function saveSource(account: Account) {
    const existing = await deps.db.sources.get(account.sourceId);
    const row: SourceRecord = {
      ...existing,
      id: account.sourceId,
      provider: account.provider,
      label: account.label,
      ...(account.userId === undefined ? {} : { userId: account.userId }),
    };
    await deps.db.sources.put(row);
  }

  async function identifyTodoist(token: string): Promise<Account> {
    const answer = await deps.calls
      .withToken('todoist', token, {
        method: 'POST',
        url: `${deps.endpoints().todoistApiBase}/api/v1/sync`,
        endpoint: 'sync',
        body: { sync_token: '*', resource_types: ['user'] },
        schema: todoistUserSchema,
      })
      .catch((err: unknown) => {
        if (err instanceof AuthExpired) {
          throw new RequestRejected('Todoist did not accept that token.', { status: err.status });
        }
        throw err;
      });
    const { user } = answer;
    return {
      sourceId: sourceIdFor('todoist', user.id),
      provider: 'todoist',
      label: user.email ?? user.full_name ?? `Todoist ${user.id}`,
      userId: user.id,
    };
  }

  async function todoistOAuthToken(): Promise<string> {
    const endpoints = deps.endpoints();
    const redirectUri = deps.identity.getRedirectURL();
    const state = base64url(deps.getRandomValues(new Uint8Array(16)));
    const url = new URL(endpoints.todoistAuthUrl);
    url.searchParams.set('client_id', deps.build.todoistClientId);
    url.searchParams.set('scope', 'data:read_write');
    url.searchParams.set('state', state);
    url.searchParams.set('redirect_uri', redirectUri);
    const answer = readRedirect(await launch(deps.identity, url.toString()), redirectUri);
    if (answer.get('state') !== state) throw new SignInFailed('The sign-in answer did not match.');
    const error = answer.get('error');
    if (error) throw new SignInFailed(answer.get('error_description') ?? error);
    const code = answer.get('code');
    if (!code) throw new SignInFailed('The sign-in answer carried no authorization code.');
    const token = await postTokenRequest(deps.fetch, endpoints.todoistTokenUrl, {
      client_id: deps.build.todoistClientId,
      ...(deps.build.todoistClientSecret ? { client_secret: deps.build.todoistClientSecret } : {}),
      code,
      redirect_uri: redirectUri,
    });
    return token.access_token;
  }

  return {
    async connectGoogle(options = {}) {
      const endpoints = deps.endpoints();
      const signIn = await signInToGoogle(
        deps,
        {
          authUrl: endpoints.googleAuthUrl,
          tokenUrl: endpoints.googleTokenUrl,
          clientId: deps.build.googleClientId,
          clientSecret: deps.build.googleClientSecret,
          scopes: deps.build.googleScopes,
          chromeClientId: deps.build.googleChromeClientId,
        },
        options,
      );
      const primary = await deps.calls.withToken('google', signIn.accessToken, {
        method: 'GET',
        url: `${endpoints.googleApiBase}/calendar/v3/calendars/primary`,
        endpoint: 'calendars.get',
        schema: primaryCalendarSchema,
      });
      const account: Account = {
        sourceId: sourceIdFor('google', primary.id),
        provider: 'google',
        label: primary.id,
      };
      await deps.vault.put(account.sourceId, signIn.secret);
      await saveSource(account);
      await deps.afterChange();
      void deps.afterConnect(account.sourceId, 'google').catch(() => undefined);
      return account;
    },

    async connectTodoist(options) {
      const token = options.token?.trim() || (await todoistOAuthToken());
      const account = await identifyTodoist(token);
      await deps.vault.put(account.sourceId, {
        kind: 'todoist',
        accessToken: token,
        method: options.token ? 'token' : 'oauth',
      });
      await saveSource(account);
      await deps.afterChange();
      void deps.afterConnect(account.sourceId, 'todoist').catch(() => undefined);
      return account;
    },

    async disconnect(sourceId) {
      const secret = await deps.vault.get(sourceId).catch(() => undefined);
      await deps.vault.delete(sourceId);
      await wipeAccount(deps.db, sourceId);
      await deps.afterChange();
      // Best effort, after the local wipe: a failed revoke must not keep the account around.
      if (secret?.kind === 'google-oauth') {
        const token = secret.refreshToken ?? secret.accessToken;
        if (token) await revoke(deps.fetch, deps.endpoints().googleRevokeUrl, token);
      }
    },
  };
}

async function revoke(fetchFn: typeof fetch, url: string, token: string) {
  try {
    await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
  } catch {
    // Offline: the grant stays on Google's side until the user removes it there.
  }
}
