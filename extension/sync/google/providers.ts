// Wires the Google providers over one shared http layer: one token bucket for all Google traffic
// of this engine (spec §6: the quota is per user; we stay far below it).
import { createHttp, type RetryPolicy } from '../http';
import type { SyncPorts } from '../ports';
import type { AnyProvider } from '../provider';
import { createTokenBucket, GOOGLE_BUCKET } from '../rate-limit';
import { createCalendarListProvider } from './calendar-list';
import { type CalendarSyncOptions, createCalendarEventsProvider } from './calendar-sync';
import { createGoogleClient, type GoogleClient } from './client';
import { mapGoogleError } from './error-map';

export interface GoogleProvidersOptions {
  readonly baseUrl?: string;
  readonly calendarSync?: Partial<CalendarSyncOptions>;
  readonly retry?: RetryPolicy;
  readonly bucket?: { readonly ratePerSecond: number; readonly burst: number };
}

export function createGoogleProviders(
  ports: Pick<SyncPorts, 'fetch' | 'now' | 'sleep' | 'random' | 'tokens'>,
  options: GoogleProvidersOptions = {},
): AnyProvider[] {
  const bucket = createTokenBucket({
    ...(options.bucket ?? GOOGLE_BUCKET),
    now: ports.now,
    sleep: ports.sleep,
  });
  const http = createHttp({
    fetch: ports.fetch,
    now: ports.now,
    sleep: ports.sleep,
    random: ports.random,
    bucket,
    mapError: mapGoogleError,
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const clients = new Map<string, GoogleClient>();
  const clientFor = (sourceId: string) => {
    let client = clients.get(sourceId);
    if (!client) {
      client = createGoogleClient({
        http,
        tokens: ports.tokens,
        sourceId,
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      });
      clients.set(sourceId, client);
    }
    return client;
  };
  return [
    createCalendarListProvider({ clientFor }),
    createCalendarEventsProvider({
      clientFor,
      ...(options.calendarSync ? { options: options.calendarSync } : {}),
    }),
  ];
}
