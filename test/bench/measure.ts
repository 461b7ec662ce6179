// What a bench row is, and the emulator-side traffic counters (bytes come from its request log).
import type { GoogleEmulator } from '../emulators/google/index';

export interface BenchRow {
  readonly scenario: string;
  readonly variant: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
}

/** Requests and bytes (in + out) the sync client sent since `since`. The client only reads, so
 * GETs are its traffic; the second client's writes are excluded. */
export function clientTraffic(
  google: GoogleEmulator,
  since = 0,
): { requests: number; bytes: number } {
  let requests = 0;
  let bytes = 0;
  for (const e of google.log.entries({ since })) {
    if (e.method !== 'GET') continue;
    requests += 1;
    bytes += e.bytesIn + e.bytesOut;
  }
  return { requests, bytes };
}
