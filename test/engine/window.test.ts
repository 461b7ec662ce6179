import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createHarness, cycle, type Harness, START } from './helpers/harness';
import { timedEvent } from './helpers/remote';

const MIN = 60_000;
const DAY = 86_400_000;
const personal = CALENDAR_IDS.personal;
let h: Harness;
afterEach(() => h?.store.close());

async function ids() {
  return (await h.stored(personal)).map((e) => e.id);
}

describe('incremental changes against the covered window', () => {
  it('stores changes inside the window, drops ones outside, follows moves both ways', async () => {
    h = await createHarness();
    await cycle(h);
    const far = await h.remote.insert(personal, timedEvent('Far future', START + 400 * DAY));
    const near = await h.remote.insert(personal, timedEvent('Soon', START + 3 * DAY));
    h.clock.advance(15 * MIN);
    await h.engine.sync(h.scope(personal), 'test');
    expect(await ids()).toContain(near.id);
    expect(await ids()).not.toContain(far.id);

    // Moved out of the window → deleted; moved back in → stored again.
    await h.remote.patch(personal, near.id, timedEvent('Soon', START + 500 * DAY));
    await h.remote.patch(personal, far.id, timedEvent('Far future', START + 10 * DAY));
    h.clock.advance(15 * MIN);
    await h.engine.sync(h.scope(personal), 'test');
    expect(await ids()).not.toContain(near.id);
    expect(await ids()).toContain(far.id);
    await h.expectConverged(personal);
  });

  it('a configurable window is what the full listing asks for', async () => {
    h = await createHarness({
      google: { calendarSync: { window: { backDays: 7, aheadDays: 60 } } },
    });
    await h.engine.sync(h.listScope, 'test');
    await h.engine.sync(h.scope(personal), 'test');
    const q = new URLSearchParams(h.listRequests().at(-1)?.query);
    expect(Date.parse(q.get('timeMin') ?? '')).toBe(START - 7 * DAY);
    expect(Date.parse(q.get('timeMax') ?? '')).toBe(START + 60 * DAY);
    await h.expectConverged(personal);
  });
});
