// The relay's ports on Cloudflare: each subscriber is a SubscriberHub Durable Object, each
// Todoist user id a TodoistDirectory one; calls go over Durable Object RPC.
import { readRelayConfig } from './config';
import type { HubPort, RelayPorts } from './ports';
import { HUB_EVENTS_PATH, HUB_LAST_EVENT_ID_PARAM } from './subscriber-hub';
import type { RelayWorkerEnv } from './worker-env';

export function createDurablePorts(env: RelayWorkerEnv): RelayPorts {
  const config = readRelayConfig(env as unknown as Record<string, unknown>);
  const hub = (subscriberId: string): HubPort => {
    const stub = env.SUBSCRIBER_HUB.getByName(subscriberId);
    return {
      create: (hash) => stub.create(hash),
      authorize: (hash) => stub.authorize(hash),
      append: (key, n) => stub.append(key, n),
      open: async (lastEventId) => {
        const url = new URL(`https://subscriber-hub${HUB_EVENTS_PATH}`);
        if (lastEventId !== null) url.searchParams.set(HUB_LAST_EVENT_ID_PARAM, lastEventId);
        const res = await stub.fetch(new Request(url));
        return res.status === 404 ? null : res.body;
      },
      linkTodoist: (userId) => stub.linkTodoist(userId),
      unlinkTodoist: (userId) => stub.unlinkTodoist(userId),
      destroy: () => stub.destroy(),
    };
  };
  const directory = (userId: string) => env.TODOIST_DIRECTORY.getByName(userId);
  return {
    hub,
    todoistDirectory: {
      link: (userId, subscriberId) => directory(userId).link(subscriberId),
      unlink: (userId, subscriberId) => directory(userId).unlink(subscriberId),
      subscribers: (userId) => directory(userId).subscribers(),
    },
    secrets: config.secrets,
    now: Date.now,
    randomBytes: (bytes) => {
      crypto.getRandomValues(bytes);
    },
  };
}
