// Builds the sync engine from platform ports and the current settings, and rebuilds it when the
// settings that shape it change (endpoint, window, poll interval, the scopes push covers). A run in flight on the old
// engine finishes; Web Locks keep it and a run of the new engine from overlapping on one scope.
import { createSyncEngine, type SyncEngine } from '../sync/engine';
import { createGoogleProviders } from '../sync/google/providers';
import type { SyncPorts } from '../sync/ports';
import { createProviderRegistry } from '../sync/provider';
import { createTodoistProviders } from '../sync/todoist/providers';
import type { TodoistStorePort } from '../sync/todoist/store-port';

export interface EngineShape {
  readonly googleApiBase: string;
  readonly todoistApiBase: string;
  readonly window: { readonly backDays: number; readonly aheadDays: number };
  readonly pollMinutes: number;
  /** Scopes live push covers (sorted): their safety poll is slower (sync/scheduler.ts). */
  readonly pushedScopes: readonly string[];
}

/** The engine's own ports, plus the Todoist store its providers write through. */
export interface EngineHostDeps extends SyncPorts {
  readonly todoistStore: TodoistStorePort;
}

export interface EngineHost {
  engine(): SyncEngine;
  configure(shape: EngineShape): void;
  /** The shape in force (the relay service changes only `pushedScopes`). */
  shape(): EngineShape;
}

export function createEngineHost(deps: EngineHostDeps, initial: EngineShape): EngineHost {
  let shape = initial;
  let current = build(initial);

  function build(s: EngineShape): SyncEngine {
    const ports: SyncPorts = {
      fetch: deps.fetch,
      now: deps.now,
      sleep: deps.sleep,
      store: deps.store,
      tokens: deps.tokens,
      lock: deps.lock,
      log: deps.log,
      random: deps.random,
    };
    const google = createGoogleProviders(ports, {
      baseUrl: s.googleApiBase,
      calendarSync: { window: { backDays: s.window.backDays, aheadDays: s.window.aheadDays } },
    });
    const todoist = createTodoistProviders(ports, {
      store: deps.todoistStore,
      baseUrl: s.todoistApiBase,
    });
    return createSyncEngine({
      ports,
      providers: createProviderRegistry([...google, ...todoist]),
      schedule: {
        calendarIntervalMs: s.pollMinutes * 60_000,
        pushedScopes: new Set(s.pushedScopes),
      },
    });
  }

  return {
    engine: () => current,
    shape: () => shape,
    configure(next) {
      if (JSON.stringify(next) === JSON.stringify(shape)) return;
      shape = next;
      current = build(next);
    },
  };
}
