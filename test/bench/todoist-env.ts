// The Todoist engine as the benches run it: in-process Todoist emulator, Dexie on a private
// fake-indexeddb factory, ManualClock. The engine's requests are counted at its fetch: the
// "other client" making remote changes has its own token and is not counted.
import type { AlmanacStore } from '../../extension/store/open';
import { createSyncEngine, type SyncEngine } from '../../extension/sync/engine';
import { createProviderRegistry } from '../../extension/sync/provider';
import type { SchedulePolicy } from '../../extension/sync/scheduler';
import { createTodoistActions, type TodoistActions } from '../../extension/sync/todoist/actions';
import { createTodoistProviders } from '../../extension/sync/todoist/providers';
import type { ManualClock } from '../emulators/common/clock';
import type { TodoistEmulator } from '../emulators/todoist/index';
import { seededRandom } from '../support/seeded-random';
import { createTestPorts } from '../support/test-ports';
import { BENCH_USER } from './env';

export const TODOIST_BENCH_SOURCE = 'todoist-bench';

export interface TodoistBench {
  readonly engine: SyncEngine;
  readonly actions: TodoistActions;
  /** Requests the engine (and its actions) sent. */
  requests(): number;
}

export async function createTodoistBench(
  clock: ManualClock,
  todoist: TodoistEmulator,
  store: AlmanacStore,
  schedule: Partial<SchedulePolicy>,
): Promise<TodoistBench> {
  await store.db.sources.put({ id: TODOIST_BENCH_SOURCE, provider: 'todoist' });
  const token = todoist.issueToken(BENCH_USER);
  let requests = 0;
  const ports = createTestPorts({
    clock,
    store,
    fetch: ((input: string | URL | Request, init?: RequestInit) => {
      requests += 1;
      return todoist.fetch(input, init);
    }) as typeof fetch,
    tokens: { getAccessToken: async () => token, invalidate: async () => {} },
    random: seededRandom(11),
  });
  const options = { store: store.todoist };
  const engine = createSyncEngine({
    ports,
    providers: createProviderRegistry(createTodoistProviders(ports, options)),
    schedule,
  });
  return {
    engine,
    actions: createTodoistActions({ ports, engine, ...options }),
    requests: () => requests,
  };
}
