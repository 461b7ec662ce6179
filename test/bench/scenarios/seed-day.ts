// seed-day: one virtual day of 96 syncs (every 15 min) over 4 calendars × 34 events, with 20
// remote changes spread over the day. Variants: `naive` (full listings + store rewrite every
// cycle) and `almanac` (the engine, its hourly calendar-list sync included).
import { calendarKey } from '../../../extension/sync/scope';
import { ManualClock } from '../../emulators/common/clock';
import { createGoogleEmulator } from '../../emulators/google/index';
import { converged } from '../convergence';
import { BENCH_SOURCE, createBenchEngine, openBenchStore } from '../env';
import { type BenchRow, clientTraffic } from '../measure';
import { createNaiveSync } from './naive-sync';
import { applyChange, CYCLE_MS, CYCLES, planChanges, setupSeedDay } from './seed-day-setup';

const START = Date.UTC(2025, 0, 6, 5);
export const SCENARIO = 'seed-day';

interface DayResult {
  requests: number;
  bytes: number;
  storeWrites: number;
  auditWrites: number;
  quietCycleWrites: number;
  converged: boolean;
}

async function runDay(variant: 'naive' | 'almanac'): Promise<DayResult> {
  const clock = new ManualClock(START);
  const google = createGoogleEmulator({ clock, seed: 'empty' });
  const world = await setupSeedDay(google, START);
  const store = await openBenchStore();
  const since = google.log.lastSeq;
  const engine = variant === 'almanac' ? await createBenchEngine(clock, google, store) : undefined;
  const naive = variant === 'naive' ? createNaiveSync(google, store.db, clock) : undefined;
  store.writes.reset();

  const changes = new Map(planChanges().map((c) => [c.cycle, c]));
  let quietCycleWrites = 0;
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    clock.set(START + cycle * CYCLE_MS);
    const change = changes.get(cycle);
    if (change) await applyChange(world, change, clock.now());
    const before = store.writes.data();
    if (engine) await engine.runDue('alarm');
    if (naive) await naive.cycle(clock.now());
    // A quiet cycle: nothing changed remotely since the previous one (the first cycle is ingest).
    if (cycle > 0 && !change) quietCycleWrites += store.writes.data() - before;
  }

  const traffic = clientTraffic(google, since);
  const ok = await converged(store.db, google, world.calendarIds, async (calendarId) => {
    if (naive) return naive.window();
    return (await store.db.calendars.get(calendarKey(BENCH_SOURCE, calendarId)))?.cursor?.window;
  });
  const result = {
    ...traffic,
    storeWrites: store.writes.data(),
    auditWrites: store.writes.audit(),
    quietCycleWrites,
    converged: ok,
  };
  store.close();
  return result;
}

export async function seedDay(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const results = { naive: await runDay('naive'), almanac: await runDay('almanac') };
  for (const variant of ['naive', 'almanac'] as const) {
    const r = results[variant];
    const row = (metric: string, value: number, unit: string) =>
      rows.push({ scenario: SCENARIO, variant, metric, value, unit });
    row('requests', r.requests, 'req/day');
    row('bytes', r.bytes, 'B/day');
    row('store-writes', r.storeWrites, 'rows/day');
    row('quiet-cycle-writes', r.quietCycleWrites, 'rows');
    row('audit-writes', r.auditWrites, 'rows/day');
    row('bytes-vs-naive', round(r.bytes / results.naive.bytes, 4), 'ratio');
    row('converged', r.converged ? 1 : 0, 'bool');
  }
  return rows;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
