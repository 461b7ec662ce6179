// The one way the engine talks HTTP: token bucket → fetch → meter → map errors to typed errors →
// zod-validate. Transient failures are retried a few times within the run (full-jitter backoff,
// never sooner than Retry-After); anything longer is left to the scheduler (DESIGN §2).
import type { z } from 'zod';
import { type BackoffPolicy, fullJitterDelay } from './backoff';
import { utf8ByteLength } from './byte-length';
import { BadResponse, retryAfterOf, SyncError, Transient } from './errors';
import type { TokenBucket } from './rate-limit';
import { parseRetryAfter } from './retry-after';

export interface RequestMeter {
  onRequest(endpoint: string, sample: { status: number; bytesIn: number; bytesOut: number }): void;
}

export interface ErrorContext {
  readonly status: number;
  /** The parsed JSON body, or undefined when it was empty or not JSON. */
  readonly body: unknown;
  readonly retryAfterMs: number | undefined;
  /** The request's query, so a mapper can tell e.g. a bad sync token from another 400. */
  readonly query: URLSearchParams;
}

export interface RetryPolicy extends BackoffPolicy {
  /** Total attempts within one run, first included. */
  readonly maxAttempts: number;
  /** A retry that would wait longer than this is not done in-run: the error goes to the scheduler. */
  readonly maxInRunWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseMs: 500,
  capMs: 4_000,
  maxInRunWaitMs: 5_000,
};

export interface HttpOptions {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly bucket?: TokenBucket;
  readonly mapError: (context: ErrorContext) => SyncError;
  readonly retry?: RetryPolicy;
}

export interface HttpRequest<T> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: URL;
  /** Metric name, e.g. `events.list` (requests and bytes are counted per endpoint per day). */
  readonly endpoint: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
  readonly meter?: RequestMeter;
  /** Runs before EVERY attempt, retries included; throwing (e.g. RateLimited from a client-side
   * budget) stops the request before anything is sent. */
  readonly gate?: () => Promise<void>;
}

export interface Http {
  request<T>(request: HttpRequest<T>): Promise<T>;
}

export function createHttp(options: HttpOptions): Http {
  const retry = options.retry ?? DEFAULT_RETRY;

  async function attempt<T>(req: HttpRequest<T>): Promise<T> {
    await options.bucket?.take();
    await req.gate?.();
    const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const bytesIn = payload === undefined ? 0 : utf8ByteLength(payload);

    let res: Response;
    let text: string;
    try {
      res = await options.fetch(req.url.toString(), { method: req.method, headers, body: payload });
      text = await res.text();
    } catch (cause) {
      req.meter?.onRequest(req.endpoint, { status: 0, bytesIn, bytesOut: 0 });
      throw new Transient(`network error on ${req.endpoint}`, { cause });
    }
    req.meter?.onRequest(req.endpoint, {
      status: res.status,
      bytesIn,
      bytesOut: utf8ByteLength(text),
    });

    const body = parseJson(text);
    if (!res.ok) {
      throw options.mapError({
        status: res.status,
        body: body.ok ? body.value : undefined,
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), options.now()),
        query: req.url.searchParams,
      });
    }
    if (!body.ok && text !== '') {
      throw new BadResponse(`${req.endpoint}: body is not JSON`, { status: res.status });
    }
    // An empty body (204) is validated as undefined: only a schema that allows it accepts it.
    const parsed = req.schema.safeParse(body.ok ? body.value : undefined);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid';
      throw new BadResponse(`${req.endpoint}: unexpected response (${where})`, {
        status: res.status,
        reason: 'schema',
      });
    }
    return parsed.data;
  }

  return {
    async request<T>(req: HttpRequest<T>): Promise<T> {
      for (let n = 0; ; n++) {
        try {
          return await attempt(req);
        } catch (err) {
          const delay = retryDelay(err, n, retry, options.random);
          if (delay === undefined) throw err;
          await options.sleep(delay);
        }
      }
    },
  };
}

/** The wait before in-run retry number n+1, or undefined when the error must surface now. */
function retryDelay(err: unknown, n: number, retry: RetryPolicy, random: () => number) {
  if (!(err instanceof SyncError) || !err.retryable || n + 1 >= retry.maxAttempts) return undefined;
  const delay = Math.max(fullJitterDelay(n, retry, random), retryAfterOf(err) ?? 0);
  return delay <= retry.maxInRunWaitMs ? delay : undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
