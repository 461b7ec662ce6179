import { afterEach, describe, expect, it } from 'vitest';
import type { AlmanacStore } from '../../../extension/store/open';
import { calendarStatuses, eventsInWindow } from '../../../extension/store/queries';
import type { EventRecord } from '../../../extension/store/records';
import { calendarScope } from '../../../extension/sync/scope';
import { openTestStore } from '../helpers/open-test-store';

const ev = (calendarKey: string, id: string, startMs: number, endMs: number): EventRecord => ({
  calendarKey,
  id,
  etag: '1',
  status: 'confirmed',
  startMs,
  endMs,
  allDay: false,
  raw: {},
});

let store: AlmanacStore;
afterEach(() => store?.close());

describe('shared read queries', () => {
  it('eventsInWindow uses the timeMin/timeMax overlap rule and orders by start', async () => {
    store = await openTestStore();
    await store.db.events.bulkPut([
      ev('me:a', 'ends-at-start', 0, 100),
      ev('me:a', 'spans', 50, 500),
      ev('me:b', 'inside', 150, 160),
      ev('me:a', 'starts-at-end', 200, 300),
      ev('me:b', 'early', 120, 130),
    ]);
    const all = await eventsInWindow(store.db, { startMs: 100, endMs: 200 });
    expect(all.map((e) => e.id)).toEqual(['spans', 'early', 'inside']);
    const onlyB = await eventsInWindow(store.db, { startMs: 100, endMs: 200 }, ['me:b']);
    expect(onlyB.map((e) => e.id)).toEqual(['early', 'inside']);
  });

  it('calendarStatuses joins calendars with their scope state', async () => {
    store = await openTestStore();
    const window = { startMs: 1, endMs: 2 };
    await store.db.calendars.bulkPut([
      {
        key: 'me:a',
        sourceId: 'me',
        id: 'a',
        etag: '1',
        summary: 'A',
        hidden: false,
        googleSelected: false,
        primary: true,
        raw: {},
        cursor: { token: 't', window, fullSyncedAt: 1, savedAt: 1 },
      },
      {
        key: 'me:b',
        sourceId: 'me',
        id: 'b',
        etag: '1',
        summary: 'B',
        hidden: true,
        googleSelected: true,
        primary: false,
        raw: {},
      },
    ]);
    const state = {
      scope: calendarScope('me', 'a').id,
      status: 'retrying' as const,
      consecutiveFailures: 2,
      nextRunAt: 9,
    };
    await store.db.scopes.put(state);
    const statuses = await calendarStatuses(store.db, 'me');
    expect(statuses.map((s) => [s.calendar.id, s.selected, s.coveredWindow, s.state])).toEqual([
      ['a', true, window, state],
      ['b', false, undefined, undefined],
    ]);
  });
});
