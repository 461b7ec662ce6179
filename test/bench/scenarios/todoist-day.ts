// todoist-day: one virtual day of a Todoist account — 30 remote changes in 6 bursts (a phone, a
// colleague) and 10 local completions through the outbox — with the engine on its schedule,
// ticking every virtual minute. Variants:
// - `poll-10m`: what ships today. No push reaches a Todoist account yet, so the engine polls
//   every 10 minutes (scheduler.ts todoistIntervalMs); local writes push at once, each piggy-
//   backing an incremental sync, and restart the poll timer.
// - `push-projected`: a PROJECTION of the relay (not built yet): Todoist webhooks (spec §7) from
//   the emulator trigger a sync within the minute, a webhook about a version we already hold (our
//   own writes) is ignored, and the safety poll drops to hourly. The relay's own SSE traffic is
//   not counted.
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
const VARIANTS = ['poll-10m', 'poll-30m', 'push-projected'] as const;
const POLL_MINUTES: Record<Variant, number> = {
  'poll-10m': 10,
  'poll-30m': 30,
  'push-projected': 60,
};
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
  const deliveries: string[] = [];
  const todoist = createTodoistEmulator({
    clock,
    seed: 'empty',
    pushFetch: async (_url, init) => {
      deliveries.push(String(init?.body ?? ''));
      return new Response('ok');
    },
  });
  const world = await setupTodoistWorld(todoist);
  if (variant === 'push-projected') {
    todoist.setWebhook({ url: 'https://relay.invalid/todoist', clientSecret: 'bench' });
  }
  const store = await openBenchStore(`almanac-todoist-${variant}`);
  const bench = await createTodoistBench(clock, todoist, store, {
    todoistIntervalMs: POLL_MINUTES[variant] * MIN,
  });
  const scope = todoistScope(TODOIST_BENCH_SOURCE);
  const remote = new Map(planRemote().map((c) => [c.minute, c]));
  const local = new Set(planLocal());
  const pick = seededRandom(5);
  const remoteAt: number[] = [];
  let handled = 0;

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
    if (variant === 'push-projected') {
      await todoist.push.idle();
      const fresh = deliveries.slice(handled);
      handled = deliveries.length;
      if (await anyNews(store.db, fresh)) await bench.engine.sync(scope, 'push');
    }
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
    meanStalenessMin: round(staleness.reduce((a, b) => a + b, 0) / staleness.length, 1),
  };
  store.close();
  return result;
}

/** A webhook is news unless the store already holds that version of the task (our own writes
 * come back as webhooks too, spec §7: the relay-driven client must not chase them). */
async function anyNews(db: AlmanacDb, bodies: readonly string[]): Promise<boolean> {
  for (const body of bodies) {
    const event = JSON.parse(body) as {
      event_name: string;
      event_data: { id: string; updated_at?: string; is_deleted?: boolean };
    };
    if (!event.event_name.startsWith('item:')) return true;
    const row = await db.tasks.get([TODOIST_BENCH_SOURCE, event.event_data.id]);
    if (event.event_data.is_deleted) {
      if (row) return true;
      continue;
    }
    if (row?.raw?.updated_at !== event.event_data.updated_at) return true;
  }
  return false;
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
