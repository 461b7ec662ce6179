// The background as the service worker runs it, on WXT's fake browser: listeners registered
// synchronously, sign-in through launchWebAuthFlow + PKCE, the first sync, alarms from the
// engine's nextRunAt, menus built from calendars, catch-up after a restart.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SAFETY_ALARM, syncAlarmName } from '../../extension/platform/alarm-plan';
import type { Background } from '../../extension/platform/background-main';
import { calendarListScope, calendarScope } from '../../extension/sync/scope';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createWorld, SOURCE, START, type World } from './helpers/background-harness';

const MINUTE = 60_000;

async function connected(world: World): Promise<Background> {
  const bg = world.start();
  await bg.caughtUp;
  const reply = await bg.route({ type: 'connect', provider: 'google' });
  expect(reply).toEqual({ ok: true, data: { sourceId: SOURCE, label: 'demo@example.com' } });
  // The post-connect sync runs in the background; "Sync now" joins it (single flight) and
  // finishes every scope the new calendar list implies.
  await bg.route({ type: 'syncNow' });
  return bg;
}

describe('background wiring', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
  });

  it('registers every listener synchronously, before the database is even open', async () => {
    const bg = world.start();
    // The fake's events have hasListeners() at run time; its typings omit it.
    const listening = (event: unknown) => (event as { hasListeners(): boolean }).hasListeners();
    expect(listening(fakeBrowser.runtime.onMessage)).toBe(true);
    expect(listening(fakeBrowser.alarms.onAlarm)).toBe(true);
    expect(listening(fakeBrowser.notifications.onButtonClicked)).toBe(true);
    expect(listening(fakeBrowser.notifications.onClicked)).toBe(true);
    expect(listening(fakeBrowser.runtime.onInstalled)).toBe(true);
    expect(world.menus.listeners()).toBe(1);
    await bg.caughtUp;
  });

  it('signs in with launchWebAuthFlow and PKCE S256, then syncs the selected calendars', async () => {
    await connected(world);
    const authorize = new URL(world.identity.urls[0] ?? '');
    expect(authorize.pathname).toBe('/o/oauth2/v2/auth');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      'https://test-extension-id.chromiumapp.org/',
    );
    const db = await world.db();
    const calendars = await db.calendars.where('sourceId').equals(SOURCE).toArray();
    expect(calendars.map((c) => c.id).sort()).toEqual(
      [CALENDAR_IDS.work, CALENDAR_IDS.personal, CALENDAR_IDS.family, CALENDAR_IDS.holidays].sort(),
    );
    for (const c of calendars) expect(c.cursor, c.id).toBeDefined();
    const work = await db.events
      .where('calendarKey')
      .equals(`${SOURCE}:${CALENDAR_IDS.work}`)
      .count();
    expect(work).toBeGreaterThan(0);
    // The secret at rest is ciphertext: the vault holds a refresh token, readable only through it.
    const secret = await world.vault.get(SOURCE);
    expect(secret).toMatchObject({ kind: 'google-oauth', refreshToken: expect.any(String) });
  });

  it('schedules one alarm per scope at the engine’s nextRunAt, plus the periodic safety alarm', async () => {
    await connected(world);
    const db = await world.db();
    const states = await db.scopes.toArray();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(states.length).toBe(5); // the calendar list + 4 calendars
    for (const state of states) {
      const alarm = alarms.find((a) => a.name === syncAlarmName(state.scope));
      expect(alarm?.scheduledTime, state.scope).toBe(state.nextRunAt);
    }
    const listState = states.find((s) => s.scope === calendarListScope(SOURCE).id);
    expect(listState?.nextRunAt).toBe(START + 60 * MINUTE); // the list: about hourly
    const safety = alarms.find((a) => a.name === SAFETY_ALARM);
    expect(safety?.periodInMinutes).toBe(15);
  });

  it('builds the quick-add menu from writable selected calendars, primary first', async () => {
    await connected(world);
    const items = world.menus.items;
    expect(items[0]).toMatchObject({ id: 'almanac-google', contexts: ['selection'] });
    const children = items.filter((i) => i.parentId === 'almanac-google').map((i) => i.title);
    // Holidays is read-only: no entry.
    expect(children).toEqual(['Work', 'Family', 'Personal']);
  });

  it('deselecting a calendar drops its events, its alarm and its menu entry', async () => {
    const bg = await connected(world);
    const key = `${SOURCE}:${CALENDAR_IDS.personal}`;
    const reply = await bg.route({
      type: 'setCalendarSelected',
      calendarKey: key,
      selected: false,
    });
    expect(reply.ok).toBe(true);
    const db = await world.db();
    expect(await db.events.where('calendarKey').equals(key).count()).toBe(0);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => a.name)).not.toContain(
      syncAlarmName(calendarScope(SOURCE, CALENDAR_IDS.personal).id),
    );
    expect(world.menus.items.map((i) => i.title)).not.toContain('Personal');
  });

  it('a due alarm runs what is due and reschedules it', async () => {
    const bg = await connected(world);
    const db = await world.db();
    const runsBefore = await db.runs.count();
    world.clock.advance(15 * MINUTE);
    const scope = calendarScope(SOURCE, CALENDAR_IDS.work).id;
    await bg.onAlarm(syncAlarmName(scope));
    const runs = await db.runs.where('seq').above(runsBefore).toArray();
    expect(runs.map((r) => r.reason)).toContain('alarm');
    expect(runs.every((r) => r.mode === 'incremental' && r.outcome === 'ok')).toBe(true);
    const alarm = (await fakeBrowser.alarms.getAll()).find((a) => a.name === syncAlarmName(scope));
    expect(alarm?.scheduledTime).toBe(world.clock.now() + 15 * MINUTE);
  });

  it('catches up on runs missed while the worker was stopped', async () => {
    await connected(world);
    const db = await world.db();
    const runsBefore = await db.runs.count();
    world.clock.advance(3 * 60 * MINUTE); // the worker slept through several alarms
    const restarted = world.start();
    await restarted.caughtUp;
    const runs = await db.runs.where('seq').above(runsBefore).toArray();
    expect(runs.filter((r) => r.reason === 'startup')).toHaveLength(5);
    for (const state of await db.scopes.toArray()) {
      expect(state.nextRunAt ?? 0).toBeGreaterThan(world.clock.now());
    }
  });

  it('renews an expired access token silently with the refresh token', async () => {
    const bg = await connected(world);
    const before = world.google.log.entries().filter((e) => e.path === '/token').length;
    world.clock.advance(2 * 60 * MINUTE); // access tokens live one hour
    const results = await bg.route({ type: 'syncNow' });
    expect(
      results.ok && (results.data as { outcome: string }[]).every((r) => r.outcome === 'ok'),
    ).toBe(true);
    expect(world.google.log.entries().filter((e) => e.path === '/token').length).toBe(before + 1);
  });

  it('on a 401 drops the token, refreshes and retries once', async () => {
    const bg = await connected(world);
    const secret = await world.vault.get(SOURCE);
    if (secret?.kind !== 'google-oauth' || !secret.accessToken) throw new Error('no token');
    world.google.tokens.expire(secret.accessToken); // still "fresh" by our clock: the server says no
    const scope = calendarScope(SOURCE, CALENDAR_IDS.work).id;
    const reply = await bg.route({ type: 'syncNow', scope });
    expect(reply).toEqual({ ok: true, data: [{ scope, outcome: 'ok' }] });
    const renewed = await world.vault.get(SOURCE);
    expect(renewed?.kind === 'google-oauth' && renewed.accessToken).not.toBe(secret.accessToken);
  });

  it('shows failures on the badge and clears them after a good run', async () => {
    const bg = await connected(world);
    world.google.faults.add({
      match: { method: 'GET', path: '/calendar/v3/calendars/*/events' },
      respond: { status: 500 },
    });
    await bg.route({ type: 'syncNow' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4');
    const retrying = (await (await world.db()).scopes.toArray()).filter(
      (s) => s.status === 'retrying',
    );
    for (const s of retrying) {
      const alarm = (await fakeBrowser.alarms.getAll()).find(
        (a) => a.name === syncAlarmName(s.scope),
      );
      // Back-off reschedules at nextRunAt (the engine keeps it ≥ 30 s ahead); the alarm fires
      // then, or at the latest 30 s from now (chrome.alarms' floor, the clock moved on meanwhile).
      expect(alarm?.scheduledTime ?? 0).toBeGreaterThanOrEqual(s.nextRunAt ?? Infinity);
      expect(alarm?.scheduledTime ?? 0).toBeLessThanOrEqual(
        Math.max(s.nextRunAt ?? 0, world.clock.now() + 30_000),
      );
    }
    world.google.faults.clear();
    await bg.route({ type: 'syncNow' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
