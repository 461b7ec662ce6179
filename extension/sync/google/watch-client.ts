// The two channel calls (google spec §4): events.watch and channels.stop, sent the way every
// Google call of the engine is — the shared http layer (token bucket, in-run retries, typed
// errors from the same error map) and the "401 → drop the token, resend once" rule
// (sync/authorized.ts). They live beside the listing client rather than in it because only the
// watcher uses them, outside any sync run.
import { z } from 'zod';
import { createHttp, type Http, type RequestMeter } from '../http';
import type { SyncPorts } from '../ports';
import { createTokenBucket } from '../rate-limit';
import { GOOGLE_BASE_URL, googleAuthorized } from './client';
import { mapGoogleError } from './error-map';

/** spec §4: `expiration` comes back as a string of epoch milliseconds. */
const channelSchema = z.looseObject({
  id: z.string().min(1),
  resourceId: z.string().min(1),
  expiration: z.union([z.string().regex(/^\d+$/), z.number().int()]).optional(),
});

export interface WatchRequest {
  readonly calendarId: string;
  /** ≤ 64 chars of [A-Za-z0-9-_+/=] (spec §4). */
  readonly channelId: string;
  /** The relay's Google hook. */
  readonly address: string;
  /** Echoed back in X-Goog-Channel-Token (≤ 256 chars). */
  readonly token: string;
  readonly ttlMs: number;
}

export interface WatchAnswer {
  readonly resourceId: string;
  /** Epoch ms, when Google said; the caller assumes the TTL it asked for otherwise. */
  readonly expiration: number | undefined;
}

export interface WatchClient {
  watch(request: WatchRequest, meter?: RequestMeter): Promise<WatchAnswer>;
  stop(
    channel: { readonly channelId: string; readonly resourceId: string },
    meter?: RequestMeter,
  ): Promise<void>;
}

export type WatchPorts = Pick<SyncPorts, 'fetch' | 'now' | 'sleep' | 'random' | 'tokens'>;

/** Channel calls are a few a week per calendar: a small bucket of their own is plenty. */
const WATCH_BUCKET = { ratePerSecond: 2, burst: 10 } as const;

export function createWatchHttp(ports: WatchPorts): Http {
  return createHttp({
    fetch: ports.fetch,
    now: ports.now,
    sleep: ports.sleep,
    random: ports.random,
    bucket: createTokenBucket({ ...WATCH_BUCKET, now: ports.now, sleep: ports.sleep }),
    mapError: mapGoogleError,
  });
}

export function createWatchClient(options: {
  readonly http: Http;
  readonly tokens: WatchPorts['tokens'];
  readonly sourceId: string;
  readonly baseUrl?: string;
}): WatchClient {
  const base = (options.baseUrl || GOOGLE_BASE_URL).replace(/\/+$/, '');
  const authorized = googleAuthorized(options);

  return {
    async watch(request, meter) {
      const path = `/calendars/${encodeURIComponent(request.calendarId)}/events/watch`;
      const answer = await authorized({
        method: 'POST',
        url: new URL(`${base}/calendar/v3${path}`),
        endpoint: 'events.watch',
        body: {
          id: request.channelId,
          type: 'web_hook',
          address: request.address,
          token: request.token,
          params: { ttl: String(Math.floor(request.ttlMs / 1000)) },
        },
        schema: channelSchema,
        ...(meter ? { meter } : {}),
      });
      return {
        resourceId: answer.resourceId,
        expiration: answer.expiration === undefined ? undefined : Number(answer.expiration),
      };
    },
    async stop(channel, meter) {
      await authorized({
        method: 'POST',
        url: new URL(`${base}/calendar/v3/channels/stop`),
        endpoint: 'channels.stop',
        body: { id: channel.channelId, resourceId: channel.resourceId },
        // 204, no body (spec §4).
        schema: z.unknown(),
        ...(meter ? { meter } : {}),
      });
    },
  };
}
