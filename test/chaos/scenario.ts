// One seeded chaos run: remote churn, injected faults, clock jumps (hours, days offline), engine
// runs — some concurrent, some killed mid-flight — then the faults stop and the engine must
// converge: the store equals the emulator's truth in every calendar's covered window, and one
// more pass is quiet (one request per scope, zero data writes).
import { isCalendarSelected } from '../../extension/store/selection';
import { calendarListScope } from '../../extension/sync/scope';
import { injectFault } from './faults';
import { createRandom } from './random';
import { createChurn } from './remote-churn';
import { createWorld, SOURCE, USER, type World } from './world';

const MINUTE = 60_000;
const DAY = 86_400_000;
// Around the US DST switch (2026-03-08), where recurring instances are easiest to get wrong.
const START = Date.UTC(2026, 2, 2, 14);

export interface ChaosResult {
  seed: number;
  steps: number;
  requests: number;
  kills: number;
  faults: number;
  changes: number;
  converged: boolean;
  quiet: boolean;
  problems: string[];
  trace: string[];
}

export async function runChaos(seed: number, steps: number): Promise<ChaosResult> {
  const random = createRandom(seed);
  const world = await createWorld(seed, random, START + random.int(0, 7) * DAY);
  const churn = createChurn(world, random);
  const trace: string[] = [];
  let faults = 0;
  let changes = 0;

  await world.engine.runDue('start');
  for (let i = 0; i < steps; i++) {
    const roll = random.next();
    if (roll < 0.35) {
      trace.push(await churn.step());
      changes++;
    } else if (roll < 0.5) {
      trace.push(injectFault(world, random));
      faults++;
    } else if (roll < 0.6) {
      world.clock.advance(
        random.chance(0.1) ? random.int(2, 9) * DAY : random.int(1, 120) * MINUTE,
      );
      trace.push('time passes');
    } else if (roll < 0.67) {
      const scopes = await world.engine.knownScopes();
      const scope = random.pick(scopes);
      // Several wake-ups at once (alarm + push + popup): single-flight must absorb them.
      await Promise.all([1, 2, 3].map(() => world.engine.sync(scope, 'burst')));
      trace.push('burst');
    } else if (roll < 0.74) {
      const n = random.int(0, 6);
      const scope = random.pick(await world.engine.knownScopes());
      // Sometimes the scope must start over, so the kill can land mid-pagination of a full sync.
      if (random.chance(0.4)) world.google.expireSyncTokens({});
      await world.runThenKill(n, (engine) => engine.sync(scope, 'alarm'));
      trace.push(`run, killed after ${n} requests`);
    } else {
      world.clock.advance(15 * MINUTE);
      await world.engine.runDue('alarm');
      trace.push('alarm');
    }
  }

  const problems = await settle(world);
  const quietProblems = await quietPass(world);
  world.store.close();
  return {
    seed,
    steps,
    requests: world.requests,
    kills: world.kills,
    faults,
    changes,
    converged: problems.length === 0,
    quiet: quietProblems.length === 0,
    problems: [...problems, ...quietProblems],
    trace,
  };
}

/** Faults stop, the user is signed in; every scope syncs (list first) until nothing is pending. */
async function settle(world: World): Promise<string[]> {
  world.google.faults.clear();
  world.tokens.signedOut = false;
  await world.engine.resumeSource(SOURCE);
  for (let pass = 0; pass < 3; pass++) {
    await world.engine.sync(calendarListScope(SOURCE), 'settle');
    for (const scope of await world.engine.knownScopes()) {
      if (scope.kind === 'calendar') await world.engine.sync(scope, 'settle');
    }
  }
  return compare(world);
}

async function compare(world: World): Promise<string[]> {
  const problems: string[] = [];
  const calendars = await world.store.db.calendars.where('sourceId').equals(SOURCE).toArray();
  for (const calendar of calendars) {
    const window = calendar.cursor?.window;
    if (!window) {
      if (isCalendarSelected(calendar)) problems.push(`${calendar.id}: selected but never synced`);
      continue;
    }
    const truth = new Map(
      world.google
        .snapshot(USER, calendar.id, { timeMin: window.startMs, timeMax: window.endMs })
        .map((e) => [e.id, e.etag]),
    );
    const mine = await world.store.db.events.where('calendarKey').equals(calendar.key).toArray();
    const seen = new Set<string>();
    for (const event of mine) {
      seen.add(event.id);
      const etag = truth.get(event.id);
      if (etag === undefined) problems.push(`${calendar.id}: extra ${event.id}`);
      else if (etag !== event.etag) problems.push(`${calendar.id}: stale ${event.id}`);
    }
    for (const id of truth.keys()) {
      if (!seen.has(id)) problems.push(`${calendar.id}: missing ${id}`);
    }
  }
  return problems;
}

/** Converged and nothing changed remotely: one request per scope, no synced-data writes. */
async function quietPass(world: World): Promise<string[]> {
  const before = world.requests;
  world.store.writes.reset();
  const scopes = await world.engine.knownScopes();
  for (const scope of scopes) await world.engine.sync(scope, 'quiet');
  const problems: string[] = [];
  const requests = world.requests - before;
  if (requests !== scopes.length) {
    problems.push(`quiet pass made ${requests} requests for ${scopes.length} scopes`);
  }
  const writes = world.store.writes.data();
  if (writes !== 0) problems.push(`quiet pass wrote ${writes} synced rows`);
  return problems;
}
