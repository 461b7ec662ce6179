// The few provider calls the platform makes itself — identify an account after sign-in, quick-add
// an event or a task — over the engine's http layer (zod-validated answers, typed errors), counted
// in the day's metrics like the engine's own requests. Writes are tried ONCE here: quick add is not
// idempotent, so retries go through the outbox, never blindly in-line.
import type { z } from 'zod';
import type { AlmanacDb } from '../store/db';
import { utcDay } from '../store/dexie-sync-store';
import { AuthExpired } from '../sync/errors';
import { mapGoogleError } from '../sync/google/error-map';
import { createHttp, type Http, type RetryPolicy } from '../sync/http';
import type { TokenPort } from '../sync/ports';
import { createRunStats } from '../sync/run-stats';
import { mapTodoistError } from '../sync/todoist/error-map';

const ONCE: RetryPolicy = { maxAttempts: 1, baseMs: 0, capMs: 0, maxInRunWaitMs: 0 };

export interface CallSpec<T> {
  readonly method: 'GET' | 'POST';
  /** Absolute URL. */
  readonly url: string;
  readonly endpoint: string;
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
}

export interface ProviderCalls {
  /** With the source's token; on a 401 the token is invalidated and the call retried once. */
  withSource<T>(provider: 'google' | 'todoist', sourceId: string, spec: CallSpec<T>): Promise<T>;
  /** With an explicit token (identifying an account before it is stored). */
  withToken<T>(provider: 'google' | 'todoist', token: string, spec: CallSpec<T>): Promise<T>;
}

export function createProviderCalls(deps: {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly tokens: TokenPort;
  readonly db: AlmanacDb;
}): ProviderCalls {
  const base = { fetch: deps.fetch, now: deps.now, sleep: deps.sleep, random: deps.random };
  const http: Record<'google' | 'todoist', Http> = {
    google: createHttp({ ...base, mapError: mapGoogleError, retry: ONCE }),
    todoist: createHttp({ ...base, mapError: mapTodoistError, retry: ONCE }),
  };

  async function send<T>(provider: 'google' | 'todoist', token: string, spec: CallSpec<T>) {
    const stats = createRunStats();
    try {
      return await http[provider].request({
        method: spec.method,
        url: new URL(spec.url),
        endpoint: spec.endpoint,
        headers: { authorization: `Bearer ${token}` },
        ...(spec.body === undefined ? {} : { body: spec.body }),
        schema: spec.schema,
        meter: stats,
      });
    } finally {
      await countRequests(deps.db, utcDay(deps.now()), stats.metricDeltas());
    }
  }

  return {
    withToken: send,
    async withSource(provider, sourceId, spec) {
      const first = await deps.tokens.getAccessToken(sourceId, { interactive: false });
      if (!first) throw new AuthExpired('sign-in required', { reason: 'noToken' });
      try {
        return await send(provider, first, spec);
      } catch (err) {
        // spec §6: drop the rejected token and ask again, once.
        if (!(err instanceof AuthExpired)) throw err;
        await deps.tokens.invalidate(sourceId, first);
        const second = await deps.tokens.getAccessToken(sourceId, { interactive: false });
        if (!second) throw err;
        return send(provider, second, spec);
      }
    },
  };
}

async function countRequests(
  db: AlmanacDb,
  day: string,
  deltas: readonly { name: string; value: number }[],
): Promise<void> {
  if (deltas.length === 0) return;
  await db.transaction('rw', db.metrics, async () => {
    const current = await db.metrics.bulkGet(deltas.map((d) => [day, d.name]));
    await db.metrics.bulkPut(
      deltas.map((d, i) => ({ day, name: d.name, value: (current[i]?.value ?? 0) + d.value })),
    );
  });
}
