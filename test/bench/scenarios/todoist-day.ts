// todoist-day: one virtual day of a Todoist account — 30 remote changes in 6 bursts (a phone, a
// colleague) and 10 local completions through the outbox — with the engine on its schedule,
// ticking every virtual minute. Variants:
// - `poll-10m`: what ships today. No push reaches a Todoist account yet, so the engine polls
//   every 10 minutes (scheduler.ts todoistIntervalMs); local writes push at once, each piggy-
//   backing an incremental sync, and restart the poll timer.
// - `push`: with the relay. Todoist's signed webhooks (spec §7) from the emulator go through the
//   relay's own app and hub logic (in memory, test/bench/todoist-push.ts) and its SSE stream to
//   the extension's relay client and push router, which skip versions the store already holds
//   (our own writes echoing back), debounce bursts, and run the engine; while the stream is live
//   the safety poll is hourly (scheduler.ts todoistPushedIntervalMs). The relay's own traffic
//   (one long-lived stream) is not a Todoist request and is not counted.
// - `poll-30m`: the same engine with a 30-minute poll, for the latency-for-requests trade.

import type { AlmanacDb } from '../../../extension/store/db';
import { todoistTasks } from '../../../extension/store/todoist/queries';
import { todoistScope } from '../../../extension/sync/scope';
import { ManualClock } from '../../emulators/common/clock';
import { createTodoistEmulator, type TodoistEmulator } from '../../emulators/todoist/index';
import { seededRandom } from '../../support/seeded-random';
import { BENCH_USER, openBenchStore } from '../env';
import type { BenchRow } from '../measure';
import { createTodoistBench, TODOIST_BENCH_SOURCE } from '../todoist-env';
import { type BenchPush, startBenchPush } from '../todoist-push';
import {
  applyRemote,
  CHANGES,
  DAY_MINUTES,
  planLocal,
  planRemote,
  setupTodoistWorld,
} from './todoist-day-setup';

const START = Date.UTC(2025, 0, 6, 5); // midnight in the account's zone (America/New_York)
const MIN = 60_000;
export const SCENARIO = 'todoist-day';
const VARIANTS = ['poll-10m', 'poll-30m', 'push'] as const;
const POLL_MINUTES: Record<Variant, number> = { 'poll-10m': 10, 'poll-30m': 30, push: 10 };
type Variant = (typeof VARIANTS)[number];

interface DayResult {
  requests: number;
  fullSyncs: number;
  converged: boolean;
  maxStalenessMin: number;
  meanStalenessMin: number;
}

async function runDay(variant: Variant): Promise<DayResult> {
  const clock = new ManualClock(START);
  let push: BenchPush | undefined;
  const todoist = createTodoistEmulator({
    clock,
    seed: 'empty',
    // Webhooks reach the relay in-process (only the push variant registers one).
    pushFetch: (url, init) => push?.relayFetch(url, init) ?? Promise.resolve(new Response('ok')),
  });
  const world = await setupTodoistWorld(todoist);
  const store = await openBenchStore(`almanac-todoist-${variant}`);
  const scope = todoistScope(TODOIST_BENCH_SOURCE);
  // Live push covers the account for the whole day (the stream stays open in the bench).
  const pushedScopes = new Set(variant === 'push' ? [scope.id] : []);
  const bench = await createTodoistBench(clock, todoist, store, {
    todoistIntervalMs: POLL_MINUTES[variant] * MIN,
    pushedScopes,
  });
  if (variant === 'push') {
    // The first sync learns the account's user id, which the extension links at the relay.
    await bench.engine.runDue('alarm');
    const source = await store.db.sources.get(TODOIST_BENCH_SOURCE);
    if (!source?.userId) throw new Error('bench: the first sync recorded no Todoist user id');
    push = await startBenchPush({
      clock,
      todoist,
      db: store.db,
      engine: bench.engine,
      todoistUserId: source.userId,
    });
  }
  const remote = new Map(planRemote().map((c) => [c.minute, c]));
  const local = new Set(planLocal());
  const pick = seededRandom(5);
  const remoteAt: number[] = [];

  for (let minute = 0; minute < DAY_MINUTES; minute++) {
    clock.set(START + minute * MIN);
    const change = remote.get(minute);
    if (change) {
      await applyRemote(world, change);
      remoteAt.push(clock.now());
    }
    if (local.has(minute)) {
      const mine = new Set(world.localTasks);
      const open = (await todoistTasks(store.db, { sourceId: TODOIST_BENCH_SOURCE })).filter((t) =>
        mine.has(t.id),
      );
      const task = open[Math.floor(pick() * open.length)];
      if (task) await (await bench.actions.completeTask(TODOIST_BENCH_SOURCE, task.id)).pushed;
    }
    await push?.settle(START + (minute + 1) * MIN - 1);
    await bench.engine.runDue('alarm');
  }

  const runs = await store.db.runs.toArray();
  const staleness = remoteAt.map((at) => {
    const seen = runs.find((r) => r.outcome === 'ok' && r.startedAt >= at);
    return seen ? (seen.startedAt - at) / MIN : Number.POSITIVE_INFINITY;
  });
  const result: DayResult = {
    requests: bench.requests(),
    fullSyncs: runs.filter((r) => r.mode === 'full').length,
    converged: await converged(store.db, todoist),
    maxStalenessMin: Math.max(...staleness),
    meanStalenessMin: round(staleness.reduce((a, b) => a + b, 0) / staleness.length, 3),
  };
  await push?.close();
  store.close();
  return result;
}

/** Open tasks equal the truth (id and content), completed ones we hold are completed in truth,
 * projects match, and nothing is left in the outbox. */
async function converged(db: AlmanacDb, todoist: TodoistEmulator): Promise<boolean> {
  const truth = todoist.snapshot(BENCH_USER);
  const rows = await db.tasks.where('sourceId').equals(TODOIST_BENCH_SOURCE).toArray();
  const open = rows.filter((t) => !t.checked && !t.deleting).map((t) => `${t.id} ${t.content}`);
  const want = truth.items.map((t) => `${t.id} ${t.content}`);
  const done = new Set(truth.completedItems.map((t) => t.id));
  const projects = (await db.projects.where('sourceId').equals(TODOIST_BENCH_SOURCE).toArray()).map(
    (p) => p.id,
  );
  return (
    same(open, want) &&
    rows.filter((t) => t.checked).every((t) => done.has(t.id)) &&
    same(
      projects,
      truth.projects.map((p) => p.id),
    ) &&
    (await db.outbox.count()) === 0
  );
}

function same(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export async function todoistDay(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const variant of VARIANTS) {
    const r = await runDay(variant);
    const row = (metric: string, value: number, unit: string) =>
      rows.push({ scenario: SCENARIO, variant, metric, value, unit });
    row('requests', r.requests, 'req/day');
    row('requests-per-change', round(r.requests / CHANGES, 2), 'req/change');
    row('full-syncs', r.fullSyncs, 'count');
    row('converged', r.converged ? 1 : 0, 'bool');
    row('max-staleness', r.maxStalenessMin, 'min');
    row('mean-staleness', r.meanStalenessMin, 'min');
  }
  return rows;
}
