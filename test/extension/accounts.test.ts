// Connecting and disconnecting accounts through the runtime messages.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Background } from '../../extension/platform/background-main';
import type { Status } from '../../extension/platform/messages';
import { createWorld, SOURCE, type World } from './helpers/background-harness';

describe('accounts', () => {
  let world: World;
  let bg: Background;
  beforeEach(async () => {
    world = createWorld();
    bg = world.start();
    await bg.caughtUp;
  });

  const status = async () => {
    const reply = await bg.route({ type: 'getStatus' });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data as Status;
  };

  it('reports a truthful polling status with no accounts on first run', async () => {
    expect(await status()).toMatchObject({
      mode: 'polling',
      pollMinutes: 15,
      accounts: [],
      queuedQuickAdds: 0,
    });
  });

  it('sign-out wipes the secret and every row of that account, and its alarms and menus', async () => {
    await bg.route({ type: 'connect', provider: 'google' });
    await bg.route({ type: 'syncNow' });
    const db = await world.db();
    expect(await db.events.count()).toBeGreaterThan(0);
    expect((await status()).accounts).toEqual([
      {
        sourceId: SOURCE,
        provider: 'google',
        label: 'demo@example.com',
        signedIn: true,
        method: 'oauth',
      },
    ]);

    expect(await bg.route({ type: 'disconnect', sourceId: SOURCE })).toEqual({
      ok: true,
      data: null,
    });
    expect(await world.vault.get(SOURCE)).toBeUndefined();
    for (const table of [db.sources, db.calendars, db.events, db.scopes, db.runs]) {
      expect(await table.count(), table.name).toBe(0);
    }
    expect(
      (await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith('almanac:sync:')),
    ).toEqual([]);
    expect(world.menus.items).toEqual([]);
    // The grant was revoked at the provider too.
    expect(world.google.log.entries().some((e) => e.path === '/revoke')).toBe(true);
  });

  it('a revoked grant parks the account in needs-sign-in; signing in again resumes it', async () => {
    await bg.route({ type: 'connect', provider: 'google' });
    await bg.route({ type: 'syncNow' });
    const secret = await world.vault.get(SOURCE);
    if (secret?.kind !== 'google-oauth' || !secret.refreshToken) throw new Error('no grant');
    world.google.tokens.revoke(secret.refreshToken);
    world.clock.advance(2 * 60 * 60_000);
    await bg.route({ type: 'syncNow' });
    expect((await status()).accounts[0]?.signedIn).toBe(false);
    const db = await world.db();
    expect(
      (await db.scopes.toArray()).every(
        (s) => s.status === 'needs-sign-in' && s.nextRunAt === null,
      ),
    ).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');

    await bg.route({ type: 'connect', provider: 'google' });
    await bg.route({ type: 'syncNow' });
    expect((await status()).accounts[0]?.signedIn).toBe(true);
    expect((await db.scopes.toArray()).every((s) => s.status === 'ok')).toBe(true);
  });

  it('checks a pasted Todoist token before storing it', async () => {
    const bad = await bg.route({ type: 'connect', provider: 'todoist', token: 'not-a-token' });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'rejected', message: 'Todoist did not accept that token.' },
    });
    expect(await world.vault.list()).toEqual([]);

    const good = await bg.route({
      type: 'connect',
      provider: 'todoist',
      token: world.todoist.issueToken('demo'),
    });
    expect(good.ok).toBe(true);
    const account = (await status()).accounts[0];
    expect(account).toMatchObject({ provider: 'todoist', signedIn: true, method: 'token' });
    // Each token was checked with a sync call before anything was stored: refused, then accepted.
    const checks = world.todoist.log.entries().filter((e) => e.path === '/api/v1/sync');
    expect(checks.slice(0, 2).map((e) => e.status)).toEqual([401, 200]);
  });

  it('connects Todoist through OAuth with launchWebAuthFlow', async () => {
    const reply = await bg.route({ type: 'connect', provider: 'todoist' });
    expect(reply.ok).toBe(true);
    const authorize = new URL(world.identity.urls.at(-1) ?? '');
    expect(authorize.pathname).toBe('/oauth/authorize');
    expect(authorize.searchParams.get('scope')).toBe('data:read_write');
    expect((await status()).accounts[0]).toMatchObject({ provider: 'todoist', method: 'oauth' });
  });
});
