// Disconnecting an account while one of its runs is in flight. The run outlives the wipe: its held
// request comes back after it (401 from a revoked grant, then no token at all) and the run writes
// what it learned. Nothing of the removed account may come back that way — no scope row (the
// badge's "needs sign-in"), no run row — and a worker that starts with such orphans heals them.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Background } from '../../extension/platform/background-main';
import { calendarScope } from '../../extension/sync/scope';
import { pathMatches } from '../emulators/common/faults';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createWorld, SOURCE, startSyncedGoogle, type World } from './helpers/background-harness';

interface Hold {
  /** Resolves when a matching request reaches the emulator (it is not forwarded yet). */
  readonly arrived: Promise<void>;
  release(): void;
}

/** Holds the next request to `path` before the emulator sees it. The harness routes through
 * `google.fetch` at call time, so swapping it in is enough. */
function holdNext(world: World, path: string): Hold {
  const google = world.google as { fetch: typeof fetch };
  const inner = google.fetch;
  let arrive = () => {};
  let release = () => {};
  const arrived = new Promise<void>((r) => (arrive = r));
  const released = new Promise<void>((r) => (release = r));
  let held = false;
  google.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!held && pathMatches(path, url.pathname)) {
      held = true;
      arrive();
      await released;
    }
    return inner(input, init);
  };
  return { arrived, release };
}

const EVENTS = '/calendar/v3/calendars/*/events';

async function badge() {
  return {
    text: await fakeBrowser.action.getBadgeText({}),
    title: await fakeBrowser.action.getTitle({}),
  };
}

describe('removing an account while it syncs', () => {
  let world: World;
  let bg: Background;
  beforeEach(async () => {
    world = createWorld();
    bg = await startSyncedGoogle(world);
  });

  it('leaves no scope or run row behind, and the badge clears', async () => {
    const hold = holdNext(world, EVENTS);
    const syncing = bg.route({ type: 'syncNow' });
    await hold.arrived;

    expect(await bg.route({ type: 'disconnect', sourceId: SOURCE })).toEqual({
      ok: true,
      data: null,
    });
    hold.release();
    expect((await syncing).ok).toBe(true);

    const db = await world.db();
    for (const table of [db.sources, db.calendars, db.events, db.runs, db.scopes]) {
      expect(await table.toArray(), table.name).toEqual([]);
    }
    expect(await badge()).toEqual({ text: '', title: 'Almanac' });

    // A restarted worker finds nothing to show either.
    await world.start().caughtUp;
    expect(await badge()).toEqual({ text: '', title: 'Almanac' });
  });

  it('a worker start prunes rows an earlier version left for a removed account', async () => {
    expect(await bg.route({ type: 'disconnect', sourceId: SOURCE })).toEqual({
      ok: true,
      data: null,
    });
    const db = await world.db();
    const orphan = calendarScope(SOURCE, CALENDAR_IDS.work).id;
    await db.scopes.put({
      scope: orphan,
      status: 'needs-sign-in',
      lastSyncAt: 1,
      consecutiveFailures: 1,
      nextRunAt: null,
    });
    await db.runs.add({
      scope: orphan,
      reason: 'manual',
      mode: 'incremental',
      pages: 0,
      requests: 1,
      bytes: 0,
      changes: 0,
      fullResync: false,
      startedAt: 1,
      durationMs: 0,
      outcome: 'error',
    });
    await db.meta.put({
      key: `activity:${orphan}`,
      value: { scope: orphan, reason: 'manual', startedAt: 1, pages: 0, items: 0 },
    });

    await world.start().caughtUp;
    expect(await db.scopes.toArray()).toEqual([]);
    expect(await db.runs.toArray()).toEqual([]);
    expect(await db.meta.get(`activity:${orphan}`)).toBeUndefined();
    expect(await badge()).toEqual({ text: '', title: 'Almanac' });
  });
});
