// Wires the Todoist provider: one http layer (Todoist error mapping), one client per source, the
// client-side budget persisted through the Todoist store port. The actions (actions.ts) build the
// same pieces for quick add; budgets are shared through the store, not through memory.
import { createHttp, type RetryPolicy } from '../http';
import type { SyncPorts } from '../ports';
import type { AnyProvider } from '../provider';
import { type BudgetLimits, createBudgetGate, TODOIST_BUDGET } from './budget';
import { createTodoistClient, type TodoistClient } from './client';
import { mapTodoistError } from './error-map';
import type { TodoistStorePort } from './store-port';
import { createTodoistTaskProvider, type TaskSyncOptions } from './task-sync';

export interface TodoistOptions {
  /** The Todoist store port (`openAlmanacStore().todoist`). */
  readonly store: TodoistStorePort;
  readonly baseUrl?: string;
  readonly retry?: RetryPolicy;
  /** Client-side budgets (default 900 partial / 90 full per 15 min); `false` = none. */
  readonly budget?: BudgetLimits | false;
  readonly taskSync?: Partial<TaskSyncOptions>;
}

type ClientPorts = Pick<SyncPorts, 'fetch' | 'now' | 'sleep' | 'random' | 'tokens'>;

/** One client per source over one http layer. */
export function createTodoistClients(
  ports: ClientPorts,
  options: TodoistOptions,
): (sourceId: string) => TodoistClient {
  const http = createHttp({
    fetch: ports.fetch,
    now: ports.now,
    sleep: ports.sleep,
    random: ports.random,
    mapError: mapTodoistError,
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const budget = createBudgetGate({
    update: options.store.updateBudget,
    now: ports.now,
    limits: options.budget ?? TODOIST_BUDGET,
  });
  const clients = new Map<string, TodoistClient>();
  return (sourceId) => {
    let client = clients.get(sourceId);
    if (!client) {
      client = createTodoistClient({
        http,
        tokens: ports.tokens,
        sourceId,
        budget,
        now: ports.now,
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      });
      clients.set(sourceId, client);
    }
    return client;
  };
}

/** Register beside createGoogleProviders(): `createProviderRegistry([...google, ...todoist])`. */
export function createTodoistProviders(ports: ClientPorts, options: TodoistOptions): AnyProvider[] {
  return [
    createTodoistTaskProvider({
      store: options.store,
      clientFor: createTodoistClients(ports, options),
      now: ports.now,
      random: ports.random,
      ...(options.taskSync ? { options: options.taskSync } : {}),
    }),
  ];
}
