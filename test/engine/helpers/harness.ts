// One engine against the in-process Google emulator and a fresh Dexie store on fake-indexeddb,
// all on a ManualClock (sleeps advance it), so tests control time and read the request log.
import { expect } from 'vitest';
import type { AlmanacStore } from '../../../extension/store/open';
import type { CursorState, EventRecord } from '../../../extension/store/records';
import { createSyncEngine, type SyncEngine } from '../../../extension/sync/engine';
import {
  createGoogleProviders,
  type GoogleProvidersOptions,
} from '../../../extension/sync/google/providers';
import type { SyncPorts } from '../../../extension/sync/ports';
import { createProviderRegistry } from '../../../extension/sync/provider';
import type { SchedulePolicy } from '../../../extension/sync/scheduler';
import { calendarKey, calendarListScope, calendarScope } from '../../../extension/sync/scope';
import { ManualClock } from '../../emulators/common/clock';
import type { RequestLogEntry } from '../../emulators/common/request-log';
import {
  CALENDAR_IDS,
  createGoogleEmulator,
  type GoogleEmulator,
} from '../../emulators/google/index';
import { seededRandom } from '../../support/seeded-random';
import { createTestPorts } from '../../support/test-ports';
import { createEmulatorTokens, type EmulatorTokens } from './emulator-tokens';
import { openTestStore } from './open-test-store';
import { createRemote, type Remote } from './remote';

export const USER = 'demo';
export const SOURCE = 'demo';
/** A Monday afternoon; the demo seed builds its week around "today". */
export const START = Date.UTC(2025, 0, 6, 17);
export const DEMO_CALENDARS = [
  CALENDAR_IDS.work,
  CALENDAR_IDS.personal,
  CALENDAR_IDS.family,
  CALENDAR_IDS.holidays,
] as const;

export interface HarnessOptions {
  readonly seed?: 'demo' | 'empty';
  readonly schedule?: Partial<SchedulePolicy>;
  readonly google?: GoogleProvidersOptions;
  /** Wraps the emulator's fetch (tests that act in the middle of a run). */
  readonly wrapFetch?: (inner: typeof fetch, h: { google: GoogleEmulator }) => typeof fetch;
  readonly store?: AlmanacStore;
  readonly emulator?: GoogleEmulator;
  readonly clock?: ManualClock;
}

export interface Harness {
  readonly clock: ManualClock;
  readonly google: GoogleEmulator;
  readonly store: AlmanacStore;
  readonly engine: SyncEngine;
  readonly tokens: EmulatorTokens;
  readonly remote: Remote;
  readonly ports: SyncPorts;
  readonly listScope: ReturnType<typeof calendarListScope>;
  scope(calendarId: string): ReturnType<typeof calendarScope>;
  /** API requests since `since` (remote writes excluded: only the engine lists). */
  listRequests(since?: number): RequestLogEntry[];
  stored(calendarId: string): Promise<EventRecord[]>;
  /** The calendar's stored sync cursor (undefined before its first full sync). */
  cursor(calendarId: string): Promise<CursorState | undefined>;
  /** Store equals the emulator's truth inside the calendar's covered window (ids and etags). */
  expectConverged(calendarId: string): Promise<void>;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = options.clock ?? new ManualClock(START);
  const google = options.emulator ?? createGoogleEmulator({ clock, seed: options.seed ?? 'demo' });
  const store = options.store ?? (await openTestStore());
  await store.db.sources.put({
    ...(await store.db.sources.get(SOURCE)),
    id: SOURCE,
    provider: 'google',
  });
  store.writes.reset();
  const tokens = createEmulatorTokens(google, USER);
  const ports = createTestPorts({
    clock,
    store,
    fetch: options.wrapFetch ? options.wrapFetch(google.fetch, { google }) : google.fetch,
    tokens,
    random: seededRandom(42),
  });
  const providers = createProviderRegistry(createGoogleProviders(ports, options.google));
  const engine = createSyncEngine({
    ports,
    providers,
    ...(options.schedule ? { schedule: options.schedule } : {}),
  });
  const remote = createRemote(google, USER);

  async function stored(calendarId: string) {
    const key = calendarKey(SOURCE, calendarId);
    return store.db.events.where('calendarKey').equals(key).toArray();
  }

  return {
    clock,
    google,
    store,
    engine,
    tokens,
    remote,
    ports,
    listScope: calendarListScope(SOURCE),
    scope: (calendarId) => calendarScope(SOURCE, calendarId),
    listRequests: (since = 0) =>
      google.log
        .entries({ since })
        .filter((e) => e.endpoint === 'events.list' || e.endpoint === 'calendarList.list'),
    stored,
    cursor: async (calendarId) =>
      (await store.db.calendars.get(calendarKey(SOURCE, calendarId)))?.cursor,
    async expectConverged(calendarId) {
      const row = await store.db.calendars.get(calendarKey(SOURCE, calendarId));
      const window = row?.cursor?.window;
      expect(window, `calendar ${calendarId} has a covered window`).toBeDefined();
      if (!window) return;
      const truth = google
        .snapshot(USER, calendarId, { timeMin: window.startMs, timeMax: window.endMs })
        .map((e) => [e.id, e.etag])
        .sort();
      const mine = (await stored(calendarId)).map((e) => [e.id, e.etag]).sort();
      expect(mine).toEqual(truth);
    },
  };
}

/** Runs everything due (list first, then calendars), as the alarm would. */
export async function cycle(h: Harness) {
  return h.engine.runDue('test');
}
