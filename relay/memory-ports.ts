// The relay's ports in plain memory, for Node: the bench and e2e drive `createRelayApp(ports)`
// in-process (app.fetch or @hono/node-server), and unit tests exercise the core with a manual
// clock. Same hub logic as the Durable Object (hub-core.ts); only the storage differs.
import {
  RELAY_LOG_MAX_AGE_MS,
  RELAY_LOG_MAX_ENTRIES,
  RELAY_PING_MS,
} from '../shared/relay-protocol';
import { SubscriberHubCore } from './hub-core';
import { MemoryHubStore } from './hub-store';
import {
  type HubPort,
  MAX_SUBSCRIBERS_PER_TODOIST_USER,
  type RelayPorts,
  type RelaySecrets,
  type TodoistDirectoryPort,
} from './ports';

export interface MemoryPortsOptions {
  secrets: RelaySecrets;
  /** Defaults to Date.now. */
  now?: () => number;
  maxEntries?: number;
  maxAgeMs?: number;
  pingMs?: number;
}

export interface MemoryRelayPorts extends RelayPorts {
  /** The hub core behind a subscriber id, if one was ever touched (tests inspect streams). */
  core(subscriberId: string): SubscriberHubCore | undefined;
  /** Closes every open stream, which also stops every ping timer. */
  close(): void;
}

export function createMemoryPorts(opts: MemoryPortsOptions): MemoryRelayPorts {
  const now = opts.now ?? Date.now;
  const cores = new Map<string, SubscriberHubCore>();
  const directory = new Map<string, Set<string>>();

  const coreFor = (id: string): SubscriberHubCore => {
    let core = cores.get(id);
    if (core === undefined) {
      core = new SubscriberHubCore(new MemoryHubStore(), {
        now,
        maxEntries: opts.maxEntries ?? RELAY_LOG_MAX_ENTRIES,
        maxAgeMs: opts.maxAgeMs ?? RELAY_LOG_MAX_AGE_MS,
        pingMs: opts.pingMs ?? RELAY_PING_MS,
      });
      cores.set(id, core);
    }
    return core;
  };

  // Async like a Durable Object stub, so callers cannot come to rely on synchronous answers.
  const hub = (id: string): HubPort => {
    const core = coreFor(id);
    return {
      create: async (hash) => core.create(hash),
      authorize: async (hash) => core.authorize(hash),
      append: async (key, n) => core.append(key, n),
      open: async (lastEventId) => core.open(lastEventId),
      linkTodoist: async (userId) => core.linkTodoist(userId),
      unlinkTodoist: async (userId) => core.unlinkTodoist(userId),
      destroy: async () => core.destroy(),
    };
  };

  const todoistDirectory: TodoistDirectoryPort = {
    async link(userId, subscriberId) {
      const set = directory.get(userId) ?? new Set<string>();
      if (!set.has(subscriberId) && set.size >= MAX_SUBSCRIBERS_PER_TODOIST_USER) return 'limit';
      set.add(subscriberId);
      directory.set(userId, set);
      return 'ok';
    },
    async unlink(userId, subscriberId) {
      const set = directory.get(userId);
      set?.delete(subscriberId);
      if (set?.size === 0) directory.delete(userId);
    },
    async subscribers(userId) {
      return [...(directory.get(userId) ?? [])];
    },
  };

  return {
    hub,
    todoistDirectory,
    secrets: opts.secrets,
    now,
    randomBytes: (bytes) => {
      crypto.getRandomValues(bytes);
    },
    core: (id) => cores.get(id),
    close: () => {
      for (const core of cores.values()) core.closeStreams();
    },
  };
}
