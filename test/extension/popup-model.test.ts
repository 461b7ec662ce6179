// What the popup shows, read from the store the background writes.
import { describe, expect, it } from 'vitest';
import { createActivity } from '../../extension/platform/activity';
import { calendarScope } from '../../extension/sync/scope';
import { loadPopupModel } from '../../extension/ui/popup-model';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createWorld, SOURCE, startSyncedGoogle } from './helpers/background-harness';

describe('popup model', () => {
  it('shows each selected calendar with its count and "synced", then errors and progress', async () => {
    const world = createWorld();
    const bg = await startSyncedGoogle(world);
    const db = await world.db();

    const model = await loadPopupModel(db, world.clock.now());
    const [account] = model.accounts;
    expect(account?.calendars.map((c) => c.title)).toEqual([
      'Work',
      'Family',
      'Holidays',
      'Personal',
    ]);
    for (const c of account?.calendars ?? []) {
      expect(c.events).toBe(await db.events.where('calendarKey').equals(c.key).count());
      expect(c.phase.kind).toBe('synced');
    }
    expect(account?.firstSync).toBeUndefined();
    // Every API request the emulator served (the engine's and the sign-in's identity call) is
    // counted; the OAuth endpoints are not API traffic.
    const api = world.google.log.entries().filter((e) => e.path.startsWith('/calendar/v3/'));
    expect(api.length).toBeGreaterThanOrEqual(6);
    expect(model.requestsToday).toBe(api.length);

    world.google.faults.add({
      match: { method: 'GET', path: '/calendar/v3/calendars/*/events' },
      respond: { status: 500 },
    });
    await bg.route({ type: 'syncNow', scope: calendarScope(SOURCE, CALENDAR_IDS.family).id });
    const failing = await loadPopupModel(db, world.clock.now());
    const family = failing.accounts[0]?.calendars.find((c) => c.title === 'Family');
    expect(family?.phase).toMatchObject({ kind: 'error', retryAt: expect.any(Number) });

    // A calendar whose first listing is under way: progress from the activity rows.
    const personal = `${SOURCE}:${CALENDAR_IDS.personal}`;
    const row = await db.calendars.get(personal);
    const { cursor: _drop, ...noCursor } = row!;
    await db.calendars.put(noCursor);
    const activity = createActivity(db, () => world.clock.now());
    const scope = calendarScope(SOURCE, CALENDAR_IDS.personal).id;
    await activity.begin(scope, 'manual');
    await activity.page(scope, 250);
    await activity.page(scope, 120);
    const syncing = await loadPopupModel(db, world.clock.now());
    const view = syncing.accounts[0]?.calendars.find((c) => c.key === personal);
    expect(view?.phase).toMatchObject({ kind: 'syncing', activity: { pages: 2, items: 370 } });
    expect(syncing.accounts[0]?.firstSync).toEqual({ done: 3, total: 4 });
    await activity.end(scope);
    expect(await db.meta.where('key').startsWith('activity:').count()).toBe(0);
  });
});
