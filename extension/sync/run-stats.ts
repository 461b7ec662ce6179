// Per-run accounting: the http layer reports every request to the run's meter; the run then
// records requests and bytes per endpoint into the day's metrics in one audit write.
import type { RequestMeter } from './http';
import type { MetricDelta } from './store-port';

export interface RunStats extends RequestMeter {
  readonly requests: () => number;
  readonly bytes: () => number;
  metricDeltas(): MetricDelta[];
}

export function createRunStats(): RunStats {
  const perEndpoint = new Map<string, { requests: number; bytes: number }>();
  let requests = 0;
  let bytes = 0;
  return {
    onRequest(endpoint, sample) {
      const bytesOfRequest = sample.bytesIn + sample.bytesOut;
      requests += 1;
      bytes += bytesOfRequest;
      const entry = perEndpoint.get(endpoint) ?? { requests: 0, bytes: 0 };
      entry.requests += 1;
      entry.bytes += bytesOfRequest;
      perEndpoint.set(endpoint, entry);
    },
    requests: () => requests,
    bytes: () => bytes,
    metricDeltas() {
      return [...perEndpoint].flatMap(([endpoint, e]) => [
        { name: `requests:${endpoint}`, value: e.requests },
        { name: `bytes:${endpoint}`, value: e.bytes },
      ]);
    },
  };
}
