import { afterEach, describe, expect, it } from 'vitest';
import type { AlmanacStore } from '../../extension/store/open';
import { STORE_VERSION } from '../../extension/store/store-version';
import { ManualClock } from '../emulators/common/clock';
import { createGoogleEmulator } from '../emulators/google/index';
import { createHarness, cycle, DEMO_CALENDARS, START } from './helpers/harness';
import { openTestStore } from './helpers/open-test-store';

const MIN = 60_000;
const stores: AlmanacStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

describe('STORE_VERSION bump', () => {
  it('forces a clean full resync of the list and every calendar, then converges', async () => {
    const clock = new ManualClock(START);
    const emulator = createGoogleEmulator({ clock, seed: 'demo' });
    const name = 'store-version-engine';
    const first = await openTestStore({ name });
    stores.push(first);
    const h1 = await createHarness({ clock, emulator, store: first });
    await cycle(h1);
    first.close();

    clock.advance(15 * MIN);
    const bumped = await openTestStore({ name, storeVersion: STORE_VERSION + 1 });
    stores.push(bumped);
    expect(bumped.versionCheck).toBe('reset');
    expect(await bumped.db.events.count()).toBe(0);
    const h2 = await createHarness({ clock, emulator, store: bumped });
    const results = await cycle(h2);
    expect(results.map((r) => r.mode)).toEqual(Array(5).fill('full'));
    expect(results.every((r) => r.outcome === 'ok' && !r.fullResync)).toBe(true);
    for (const id of DEMO_CALENDARS) await h2.expectConverged(id);
  });
});
