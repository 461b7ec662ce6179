// The new tab's projection (agendaEvents, agendaDays) stays exactly the projection of `events`
// through everything the engine does to events: a first full sync, incremental changes, a
// recurring series edited and deleted, a 410 re-list, a calendar deselected and reselected, one
// removed upstream, a STORE_VERSION reset, a re-list that fails halfway.
import { afterEach, describe, expect, it } from 'vitest';
import { groupIntoDays } from '../../extension/store/agenda-buckets';
import { projectEvent } from '../../extension/store/agenda-projection';
import type { AgendaDayRow } from '../../extension/store/agenda-records';
import type { AlmanacDb } from '../../extension/store/db';
import type { AlmanacStore } from '../../extension/store/open';
import { STORE_VERSION } from '../../extension/store/store-version';
import { ManualClock } from '../emulators/common/clock';
import { CALENDAR_IDS, createGoogleEmulator } from '../emulators/google/index';
import { createGoogleCaller } from '../support/google-caller';
import { beforeEachRequest, isEventsPage2 } from './helpers/fetch-hooks';
import { createHarness, cycle, type Harness, START, USER } from './helpers/harness';
import { openTestStore } from './helpers/open-test-store';
import { timedEvent } from './helpers/remote';

const MIN = 60_000;
const DAY = 86_400_000;
const { work, personal, family } = CALENDAR_IDS;
const stores: AlmanacStore[] = [];
let h: Harness | undefined;
afterEach(() => {
  h?.store.close();
  h = undefined;
  for (const s of stores.splice(0)) s.close();
});

const eventKey = (r: { calendarKey: string; id: string }) => `${r.calendarKey}\u0000${r.id}`;
const dayKey = (r: AgendaDayRow) => `${typeof r.day}:${r.day}\u0000${r.calendarKey}`;
const sortBy = <T>(rows: T[], key: (r: T) => string) =>
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** The agenda tables equal what the events table says they must be, row for row. */
async function expectMirrorsEvents(db: AlmanacDb): Promise<number> {
  const [events, rows, days] = await Promise.all([
    db.events.toArray(),
    db.agendaEvents.toArray(),
    db.agendaDays.toArray(),
  ]);
  const expected = sortBy(events.map(projectEvent), eventKey);
  expect(sortBy([...rows], eventKey)).toEqual(expected);
  expect(sortBy([...days], dayKey)).toEqual(sortBy(groupIntoDays(expected), dayKey));
  return events.length;
}

/** Changes by another client; its token is renewed as the hours pass (this test is long). */
function remoteOf(harness: Harness) {
  const call = createGoogleCaller(harness.google, USER, { renewOn401: true });
  const cal = (id: string) => `/calendars/${encodeURIComponent(id)}`;
  return {
    insert: async (calendarId: string, body: Record<string, unknown>) =>
      (await call('POST', `${cal(calendarId)}/events`, body)) as { id: string },
    patch: (calendarId: string, eventId: string, body: Record<string, unknown>) =>
      call('PATCH', `${cal(calendarId)}/events/${encodeURIComponent(eventId)}`, body),
    remove: (calendarId: string, eventId: string) =>
      call('DELETE', `${cal(calendarId)}/events/${encodeURIComponent(eventId)}`),
    patchCalendarListEntry: (calendarId: string, body: Record<string, unknown>) =>
      call('PATCH', `/users/me/calendarList/${encodeURIComponent(calendarId)}`, body),
  };
}

async function ids(calendarId: string): Promise<string[]> {
  return (await h!.stored(calendarId)).map((e) => e.id);
}

describe('the agenda projection mirrors events', () => {
  it('through a churny sequence of syncs', async () => {
    h = await createHarness();
    const remote = remoteOf(h);
    await cycle(h);
    expect(await expectMirrorsEvents(h.store.db)).toBeGreaterThan(100);

    // Incremental: inserts (one long, one spanning midnight), edits that move and retitle,
    // deletes — the agenda rows must move between day buckets, not be copied.
    const trip = await remote.insert(work, {
      summary: 'Sabbatical',
      start: { date: '2025-01-10' },
      end: { date: '2025-05-10' },
    });
    const late = await remote.insert(
      personal,
      timedEvent('Late show', START + 2 * DAY + 6 * 3_600_000, 5),
    );
    const stored = await h.stored(work);
    const [moved, renamed, gone] = stored.filter((e) => !e.seriesId);
    if (!moved || !renamed || !gone) throw new Error('demo seed has single events');
    await remote.patch(work, moved.id, {
      start: { dateTime: new Date(START + 9 * DAY).toISOString() },
      end: { dateTime: new Date(START + 9 * DAY + 3_600_000).toISOString() },
    });
    await remote.patch(work, renamed.id, { summary: 'Renamed', location: ' Room 4 ' });
    await remote.remove(work, gone.id);
    h.clock.advance(15 * MIN);
    await cycle(h);
    await expectMirrorsEvents(h.store.db);
    expect(await ids(work)).toContain(trip.id);
    expect(await ids(personal)).toContain(late.id);
    expect(await h.store.db.agendaEvents.get([moved.calendarKey, moved.id])).toMatchObject({
      startMs: START + 9 * DAY,
    });

    // A recurring series renamed, one instance cancelled, then the whole series deleted.
    const standup = (await h.stored(work)).find((e) => e.summary === 'Team standup');
    if (!standup?.seriesId) throw new Error('demo seed has a recurring standup');
    const instances = (await h.stored(work)).filter((e) => e.seriesId === standup.seriesId);
    await remote.patch(work, standup.seriesId, { summary: 'Daily sync' });
    await remote.patch(work, instances[3]!.id, { status: 'cancelled' });
    h.clock.advance(15 * MIN);
    await cycle(h);
    await expectMirrorsEvents(h.store.db);
    await remote.remove(work, standup.seriesId);
    h.clock.advance(15 * MIN);
    await cycle(h);
    await expectMirrorsEvents(h.store.db);
    expect((await h.stored(work)).some((e) => e.seriesId === standup.seriesId)).toBe(false);

    // Every token dead: a 410 re-list keeps the rows until it completes, then prunes.
    await remote.remove(personal, late.id);
    h.google.expireSyncTokens({});
    h.clock.advance(15 * MIN);
    const results = await cycle(h);
    expect(results.some((r) => r.fullResync)).toBe(true);
    await expectMirrorsEvents(h.store.db);
    expect(await ids(personal)).not.toContain(late.id);

    // Deselected upstream (its events dropped), reselected (re-listed in full).
    await remote.patchCalendarListEntry(personal, { selected: false });
    await h.engine.sync(h.listScope, 'user');
    expect(await expectMirrorsEvents(h.store.db)).toBeGreaterThan(0);
    expect(await h.stored(personal)).toEqual([]);
    await remote.patchCalendarListEntry(personal, { selected: true });
    await h.engine.sync(h.listScope, 'user');
    await h.engine.sync(h.scope(personal), 'user');
    await expectMirrorsEvents(h.store.db);

    // Removed upstream: row, events and their agenda rows go.
    h.google.setAccess(family, 'demo', 'none');
    await h.engine.sync(h.listScope, 'user');
    await expectMirrorsEvents(h.store.db);
    const familyRows = await h.store.db.agendaEvents
      .filter((r) => r.calendarKey === h!.scope(family).calendarKey)
      .count();
    expect(familyRows).toBe(0);
  });

  it('a re-list that fails halfway (page 1 applied, page 2 lost), then completes', async () => {
    let failing = false;
    h = await createHarness({
      wrapFetch: beforeEachRequest((url) => {
        if (failing && isEventsPage2(url)) throw new TypeError('network down');
      }),
      google: { calendarSync: { maxResults: 40 } },
    });
    await cycle(h);
    await h.remote.insert(work, timedEvent('Added while offline', START + DAY));
    h.google.expireSyncTokens({ calendarId: work });
    failing = true;
    h.clock.advance(15 * MIN);
    expect(await h.engine.sync(h.scope(work), 'test')).toMatchObject({ outcome: 'error' });
    await expectMirrorsEvents(h.store.db);
    failing = false;
    h.clock.advance(15 * MIN);
    expect(await h.engine.sync(h.scope(work), 'test')).toMatchObject({ outcome: 'ok' });
    await h.expectConverged(work);
    await expectMirrorsEvents(h.store.db);
  });

  it('a STORE_VERSION reset clears the projection with the events, and the resync refills it', async () => {
    const clock = new ManualClock(START);
    const emulator = createGoogleEmulator({ clock, seed: 'demo' });
    const first = await openTestStore({ name: 'agenda-projection-version' });
    stores.push(first);
    await cycle(await createHarness({ clock, emulator, store: first }));
    expect(await first.db.agendaDays.count()).toBeGreaterThan(0);
    first.close();

    const bumped = await openTestStore({
      name: 'agenda-projection-version',
      storeVersion: STORE_VERSION + 1,
    });
    stores.push(bumped);
    expect(await bumped.db.agendaEvents.count()).toBe(0);
    expect(await bumped.db.agendaDays.count()).toBe(0);
    await cycle(await createHarness({ clock, emulator, store: bumped }));
    expect(await expectMirrorsEvents(bumped.db)).toBeGreaterThan(100);
  });

  it('is derived data: the write counter counts the events a run wrote, not their copies', async () => {
    h = await createHarness();
    await cycle(h);
    h.store.writes.reset();
    await h.remote.insert(work, timedEvent('One more', START + DAY));
    h.clock.advance(15 * MIN);
    await cycle(h);
    const byTable = h.store.writes.byTable();
    expect(byTable.events).toBe(1);
    expect(byTable.agendaEvents).toBeUndefined();
    expect(byTable.agendaDays).toBeUndefined();
  });
});
