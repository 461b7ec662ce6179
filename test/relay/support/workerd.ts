// Shared set-up for the relay tests that run on workerd: the client over SELF, the test secrets
// from `env` (vitest.config.ts), and a way to look inside a subscriber's Durable Object.
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { vi } from 'vitest';
import { relayClient } from './relay-client';

export const client = relayClient((url, init) => SELF.fetch(url, init));

export const TODOIST_CLIENT_SECRET = env.TODOIST_CLIENT_SECRET ?? '';
export const SIGNING_KEY = env.RELAY_SIGNING_KEY ?? '';
export const LOG_MAX_ENTRIES = Number(env.RELAY_LOG_MAX_ENTRIES);

let counter = 0;
/** A Todoist user id no other test uses (the directory outlives a single test). */
export function newUserId(): string {
  counter += 1;
  return `${Date.now()}${counter}`;
}

/** Waits until the subscriber's hub holds exactly `count` open streams. */
export async function expectOpenStreams(subscriberId: string, count: number): Promise<void> {
  const stub = env.SUBSCRIBER_HUB.getByName(subscriberId);
  await vi.waitFor(
    async () => {
      const open = await stub.streamCount();
      if (open !== count) throw new Error(`${open} open streams, expected ${count}`);
    },
    { timeout: 5_000, interval: 20 },
  );
}
