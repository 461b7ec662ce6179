import type { MiddlewareHandler } from 'hono';
import type { Clock } from './clock';
import { isDroppedConnection } from './dropped-connection';
import { isControlPath } from './env';

export interface RequestLogEntry {
  /** Monotonic from 1; never reused, not even after `clear()`, so `since` stays meaningful. */
  seq: number;
  /** Clock time when the request arrived (ms since epoch). */
  at: number;
  method: string;
  path: string;
  /** Raw query string without `?` ('' when none). */
  query: string;
  /** Logical endpoint (`c.set('endpoint', …)`), else `METHOD path`. */
  endpoint: string;
  user?: string;
  /** HTTP status; 0 when a fault dropped the connection. */
  status: number;
  bytesIn: number;
  bytesOut: number;
  /** Id of the fault rule that answered, when one did. */
  fault?: string;
}

export interface EndpointSummary {
  count: number;
  bytesIn: number;
  bytesOut: number;
  statuses: Record<string, number>;
}

export interface RequestLogSummary {
  total: number;
  bytesIn: number;
  bytesOut: number;
  byEndpoint: Record<string, EndpointSummary>;
}

export class RequestLog {
  #entries: RequestLogEntry[] = [];
  #seq = 0;

  record(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full: RequestLogEntry = { seq: ++this.#seq, ...entry };
    this.#entries.push(full);
    return full;
  }

  /** Entries in arrival order; `since` keeps only those with `seq > since`. */
  entries(opts: { since?: number } = {}): RequestLogEntry[] {
    const since = opts.since ?? 0;
    return this.#entries.filter((e) => e.seq > since).map((e) => ({ ...e }));
  }

  /** The last sequence number handed out (0 before any request). Use as a later `since`. */
  get lastSeq(): number {
    return this.#seq;
  }

  clear(): void {
    this.#entries = [];
  }

  summary(opts: { since?: number } = {}): RequestLogSummary {
    const out: RequestLogSummary = { total: 0, bytesIn: 0, bytesOut: 0, byEndpoint: {} };
    for (const e of this.entries(opts)) {
      out.total++;
      out.bytesIn += e.bytesIn;
      out.bytesOut += e.bytesOut;
      const s = out.byEndpoint[e.endpoint] ?? { count: 0, bytesIn: 0, bytesOut: 0, statuses: {} };
      out.byEndpoint[e.endpoint] = s;
      s.count++;
      s.bytesIn += e.bytesIn;
      s.bytesOut += e.bytesOut;
      const key = String(e.status);
      s.statuses[key] = (s.statuses[key] ?? 0) + 1;
    }
    return out;
  }
}

export interface RequestLoggerOptions {
  /**
   * Names requests whose handler never ran to `c.set('endpoint', …)` — a fault or the auth
   * middleware answered first. Without it they are logged under `METHOD path`.
   */
  endpointOf?: (method: string, path: string) => string | undefined;
}

/**
 * Logs every API request (not `/__emulator/*`). Install it FIRST, before faults and auth, so
 * faulted and rejected requests are counted too: a client that got a 503 still spent a request.
 * A request whose connection was dropped is logged with status 0 and bytesOut 0.
 */
export function requestLogger(
  log: RequestLog,
  clock: Clock,
  opts: RequestLoggerOptions = {},
): MiddlewareHandler {
  return async (c, next) => {
    if (isControlPath(c.req.path)) return next();
    const at = clock.now();
    const bytesIn = await bodyBytes(c.req.raw);
    const url = new URL(c.req.url);
    const base = { at, method: c.req.method, path: c.req.path, query: url.search.slice(1) };
    const finish = (status: number, bytesOut: number) => {
      const user: unknown = c.get('user');
      const fault: unknown = c.get('fault');
      const endpoint: unknown = c.get('endpoint');
      log.record({
        ...base,
        endpoint:
          typeof endpoint === 'string'
            ? endpoint
            : (opts.endpointOf?.(base.method, base.path) ?? `${base.method} ${base.path}`),
        ...(typeof user === 'string' ? { user } : {}),
        ...(typeof fault === 'string' ? { fault } : {}),
        status,
        bytesIn,
        bytesOut,
      });
    };
    try {
      await next();
    } catch (err) {
      if (isDroppedConnection(err)) finish(0, 0);
      throw err;
    }
    finish(c.res.status, await bodyBytes(c.res));
  };
}

async function bodyBytes(message: Request | Response): Promise<number> {
  if (message.body === null) return 0;
  // A stream never ends; trust its declared length rather than waiting forever.
  if (message.headers.get('content-type')?.startsWith('text/event-stream')) {
    return Number(message.headers.get('content-length') ?? 0);
  }
  const buf = await message.clone().arrayBuffer();
  return buf.byteLength;
}
