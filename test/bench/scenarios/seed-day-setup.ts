// The seed-day world: exactly four calendars of the demo user (primary, personal, family and one
// created for the bench; the read-only holidays calendar is unsubscribed) with 34 events each,
// and a fixed schedule of 20 changes made by a second client over the day.
import { CALENDAR_IDS, type GoogleEmulator } from '../../emulators/google/index';
import { seededRandom } from '../../support/seeded-random';
import { type BenchApi, benchApi, eventBody } from '../google-api';

export const CALENDARS = 4;
export const EVENTS_PER_CALENDAR = 34;
export const CYCLES = 96;
export const CYCLE_MS = 15 * 60_000;
export const CHANGES = 20;

export interface SeedDayWorld {
  readonly calendarIds: readonly string[];
  readonly api: BenchApi;
  /** Live event ids per calendar, kept up to date by applyChange. */
  readonly live: Map<string, string[]>;
}

export async function setupSeedDay(google: GoogleEmulator, startMs: number): Promise<SeedDayWorld> {
  const api = benchApi(google);
  await api.call('DELETE', `/users/me/calendarList/${encodeURIComponent(CALENDAR_IDS.holidays)}`);
  const created = await api.call('POST', '/calendars', { summary: 'Bench', timeZone: 'UTC' });
  const calendarIds = [
    CALENDAR_IDS.work,
    CALENDAR_IDS.personal,
    CALENDAR_IDS.family,
    String(created.id),
  ];
  const live = new Map<string, string[]>();
  for (const [c, calendarId] of calendarIds.entries()) {
    const ids: string[] = [];
    for (let i = 0; i < EVENTS_PER_CALENDAR; i++) {
      // Spread over -20..+79 days, a few all-day.
      const body = eventBody(`c${c} e${i}`, startMs, -20 + i * 3, 9 + (i % 8), i % 11 === 0);
      ids.push(await api.insertEvent(calendarId, body));
    }
    live.set(calendarId, ids);
  }
  return { calendarIds, api, live };
}

export interface PlannedChange {
  readonly cycle: number;
  readonly kind: 'insert' | 'patch' | 'delete';
  readonly calendar: number;
  /** Picks the target among live events (patch/delete). */
  readonly pick: number;
}

/** 20 changes at 20 distinct cycles (1..95), the same for every variant. */
export function planChanges(seed = 2025): PlannedChange[] {
  const random = seededRandom(seed);
  const cycles = new Set<number>();
  while (cycles.size < CHANGES) cycles.add(1 + Math.floor(random() * (CYCLES - 1)));
  const kinds = ['insert', 'patch', 'delete'] as const;
  return [...cycles]
    .sort((a, b) => a - b)
    .map((cycle) => ({
      cycle,
      kind: kinds[Math.floor(random() * kinds.length)] ?? 'patch',
      calendar: Math.floor(random() * CALENDARS),
      pick: random(),
    }));
}

export async function applyChange(world: SeedDayWorld, change: PlannedChange, nowMs: number) {
  const calendarId = world.calendarIds[change.calendar] ?? '';
  const ids = world.live.get(calendarId) ?? [];
  const path = (id: string) => `/calendars/${encodeURIComponent(calendarId)}/events/${id}`;
  if (change.kind === 'insert') {
    ids.push(
      await world.api.insertEvent(calendarId, eventBody(`new ${change.cycle}`, nowMs, 1, 2)),
    );
    return;
  }
  const index = Math.floor(change.pick * ids.length);
  const id = ids[index];
  if (id === undefined) return;
  if (change.kind === 'patch') {
    await world.api.call('PATCH', path(id), { summary: `edited at cycle ${change.cycle}` });
    return;
  }
  await world.api.call('DELETE', path(id));
  ids.splice(index, 1);
}
