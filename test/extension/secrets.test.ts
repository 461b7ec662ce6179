// Secrets at rest: AES-GCM under a non-extractable key kept in IndexedDB; the token port renews
// Google access tokens with the refresh token and tells "sign in again" from "try later".
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createSecretVault } from '../../extension/platform/secret-vault';
import { createTokenPort, EXPIRY_MARGIN_MS } from '../../extension/platform/token-port';
import { Transient } from '../../extension/sync/errors';
import { ManualClock } from '../emulators/common/clock';
import { createGoogleEmulator } from '../emulators/google/index';

let n = 0;
const newVault = () => {
  n += 1;
  const name = `vault-test-${process.pid}-${n}`;
  return { name, vault: createSecretVault({ name }) };
};

async function rawRows(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({ keys: 'id', secrets: 'sourceId' });
  const rows = {
    keys: await db.table('keys').toArray(),
    secrets: await db.table('secrets').toArray(),
  };
  db.close();
  return rows;
}

describe('secret vault', () => {
  it('round-trips a secret, storing only ciphertext under a non-extractable key', async () => {
    const { name, vault } = newVault();
    await vault.put('google.me', {
      kind: 'google-oauth',
      accessToken: 'ya29.SECRET',
      refreshToken: 'rt.SECRET',
    });
    expect(await vault.get('google.me')).toEqual({
      kind: 'google-oauth',
      accessToken: 'ya29.SECRET',
      refreshToken: 'rt.SECRET',
    });
    const rows = await rawRows(name);
    const [key] = rows.keys as { key: CryptoKey }[];
    expect(key?.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key!.key)).rejects.toThrow();
    const stored = new TextDecoder().decode(
      new Uint8Array((rows.secrets[0] as { data: ArrayBuffer }).data),
    );
    expect(stored).not.toContain('SECRET');
  });

  it('binds a ciphertext to its account: a row moved to another id does not decrypt', async () => {
    const { name, vault } = newVault();
    await vault.put('a', { kind: 'todoist', accessToken: 'tok', method: 'token' });
    const db = new Dexie(name);
    db.version(1).stores({ keys: 'id', secrets: 'sourceId' });
    const row = await db.table('secrets').get('a');
    await db.table('secrets').put({ ...row, sourceId: 'b' });
    db.close();
    await expect(vault.get('b')).rejects.toThrow();
  });

  it('sign-out deletes exactly one account’s secret', async () => {
    const { vault } = newVault();
    await vault.put('a', { kind: 'google-chrome' });
    await vault.put('b', { kind: 'google-chrome' });
    await vault.delete('a');
    expect(await vault.list()).toEqual(['b']);
  });
});

describe('token port', () => {
  const setup = async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 6, 17));
    const google = createGoogleEmulator({ clock, seed: 'demo' });
    const { vault } = newVault();
    const grant = google.tokens.issue('demo');
    await vault.put('me', {
      kind: 'google-oauth',
      accessToken: grant.access_token,
      expiresAt: clock.now() + 3_600_000,
      refreshToken: grant.refresh_token,
    });
    let fetchFn: typeof fetch = google.fetch;
    const tokens = createTokenPort({
      vault,
      identity: { getRedirectURL: () => '', launchWebAuthFlow: async () => undefined },
      fetch: (i, init) => fetchFn(i, init),
      now: () => clock.now(),
      google: () => ({
        tokenUrl: 'https://oauth2.googleapis.com/token',
        clientId: 'c',
        clientSecret: '',
        scopes: 's',
      }),
    });
    return { clock, google, vault, grant, tokens, setFetch: (f: typeof fetch) => (fetchFn = f) };
  };

  it('uses the stored token until a minute before it expires, then refreshes it', async () => {
    const { clock, google, grant, tokens } = await setup();
    expect(await tokens.getAccessToken('me', { interactive: false })).toBe(grant.access_token);
    clock.advance(3_600_000 - EXPIRY_MARGIN_MS);
    const renewed = await tokens.getAccessToken('me', { interactive: false });
    expect(renewed).not.toBe(grant.access_token);
    expect(google.tokens.verify(renewed ?? '')).toEqual({ ok: true, user: 'demo' });
  });

  it('invalidate drops only the rejected token, so the next ask refreshes', async () => {
    const { grant, tokens } = await setup();
    await tokens.invalidate('me', 'some-older-token');
    expect(await tokens.getAccessToken('me', { interactive: false })).toBe(grant.access_token);
    await tokens.invalidate('me', grant.access_token);
    expect(await tokens.getAccessToken('me', { interactive: false })).not.toBe(grant.access_token);
  });

  it('a revoked grant means sign-in: no token, and nothing unusable is kept', async () => {
    const { google, grant, tokens, vault } = await setup();
    google.tokens.revoke(grant.refresh_token);
    await tokens.invalidate('me', grant.access_token);
    expect(await tokens.getAccessToken('me', { interactive: false })).toBeUndefined();
    expect(await vault.get('me')).toEqual({ kind: 'google-oauth' });
  });

  it('an unreachable token endpoint is transient: the refresh token is kept', async () => {
    const { grant, tokens, vault, setFetch } = await setup();
    await tokens.invalidate('me', grant.access_token);
    setFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(tokens.getAccessToken('me', { interactive: false })).rejects.toBeInstanceOf(
      Transient,
    );
    expect(await vault.get('me')).toMatchObject({ refreshToken: grant.refresh_token });
  });
});
