import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { DroppedConnection } from './dropped-connection';
import { isControlPath } from './env';

export { DroppedConnection, isDroppedConnection, rethrowDropped } from './dropped-connection';

const respondSchema = z.union([
  z.strictObject({
    status: z.int().min(100).max(599),
    body: z.unknown().optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
  z.strictObject({ delayMs: z.int().min(0).max(600_000) }),
  z.strictObject({ dropConnection: z.literal(true) }),
]);

/** What `add` accepts (and `POST /__emulator/faults` validates). */
export const faultRuleInputSchema = z.strictObject({
  match: z
    .strictObject({
      method: z.string().min(1).optional(),
      path: z.string().startsWith('/').optional(),
    })
    .default({}),
  respond: respondSchema,
  times: z.int().min(1).optional(),
});

export type FaultRespond = z.infer<typeof respondSchema>;
export type FaultRuleInput = z.input<typeof faultRuleInputSchema>;
/** A stored rule; `times` is what is LEFT (absent = until cleared). */
export type FaultRule = z.infer<typeof faultRuleInputSchema> & { id: string };

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface FaultInjectorOptions {
  /** How `{delayMs}` waits; real timers by default. */
  sleep?: Sleep;
}

/**
 * Scripted failures. Rules are checked in the order they were added and the FIRST match
 * answers (one rule per request). `/__emulator/*` is never faulted.
 *
 * Install the middleware after `requestLogger` (so faulted requests are logged) and before
 * auth and routes (so a fault answers even for unauthenticated or unknown requests).
 * `{dropConnection:true}` throws a DroppedConnection: in-process fetch rejects with
 * TypeError('fetch failed'); `startServer` destroys the socket. See dropped-connection.ts.
 */
export class FaultInjector {
  #rules: FaultRule[] = [];
  #nextId = 1;
  readonly #sleep: Sleep;

  constructor(opts: FaultInjectorOptions = {}) {
    this.#sleep = opts.sleep ?? sleep;
  }

  /** Validates (throws a ZodError on bad input) and stores a rule. */
  add(input: FaultRuleInput): FaultRule {
    const parsed = faultRuleInputSchema.parse(input);
    const rule: FaultRule = { id: `fault-${this.#nextId++}`, ...parsed };
    this.#rules.push(rule);
    return structuredClone(rule);
  }

  list(): FaultRule[] {
    return structuredClone(this.#rules);
  }

  remove(id: string): boolean {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((r) => r.id !== id);
    return this.#rules.length !== before;
  }

  clear(): void {
    this.#rules = [];
  }

  /** Finds the rule for a request and spends one of its `times`. */
  take(method: string, path: string): FaultRule | undefined {
    if (isControlPath(path)) return undefined;
    const rule = this.#rules.find((r) => matches(r, method, path));
    if (rule === undefined) return undefined;
    const hit = structuredClone(rule);
    if (rule.times !== undefined) {
      rule.times--;
      if (rule.times <= 0) this.#rules = this.#rules.filter((r) => r !== rule);
    }
    return hit;
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const rule = this.take(c.req.method, c.req.path);
      if (rule === undefined) return next();
      c.set('fault', rule.id);
      const r = rule.respond;
      if ('delayMs' in r) {
        await this.#sleep(r.delayMs, c.req.raw.signal);
        return next();
      }
      if ('dropConnection' in r) {
        // Under @hono/node-server cut the socket here too, so even an app served without
        // startServer (whose wrapper also does this) never answers; then unwind the handlers.
        socketOf(c.env)?.destroy();
        throw new DroppedConnection(`fault ${rule.id} dropped the connection`);
      }
      return faultResponse(r.status, r.body, r.headers);
    };
  }
}

function socketOf(env: unknown): { destroy(): void } | undefined {
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  const incoming = env.incoming as { socket?: { destroy(): void } } | undefined;
  return incoming?.socket;
}

function faultResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  const h = new Headers(headers);
  // 1xx/204/205/304 cannot carry a body (Response would throw).
  const bodiless = status < 200 || status === 204 || status === 205 || status === 304;
  if (bodiless || body === undefined) return new Response(null, { status, headers: h });
  if (typeof body === 'string') {
    if (!h.has('content-type')) h.set('content-type', 'text/plain; charset=UTF-8');
    return new Response(body, { status, headers: h });
  }
  if (!h.has('content-type')) h.set('content-type', 'application/json; charset=UTF-8');
  return new Response(JSON.stringify(body), { status, headers: h });
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  const m = rule.match;
  if (m.method !== undefined && m.method.toUpperCase() !== method.toUpperCase()) return false;
  if (m.path !== undefined && !pathMatches(m.path, path)) return false;
  return true;
}

/**
 * Exact match, or a glob: `*` is exactly one non-empty segment, a trailing `**` is the rest
 * (zero or more segments). A `**` elsewhere matches one segment, like `*`.
 */
export function pathMatches(pattern: string, path: string): boolean {
  if (pattern === path) return true;
  const want = pattern.split('/');
  const got = path.split('/');
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    if (w === '**' && i === want.length - 1) return got.length >= i;
    const g = got[i];
    if (g === undefined) return false;
    if (w === '*' || w === '**') {
      if (g === '') return false;
      continue;
    }
    if (w !== g) return false;
  }
  return want.length === got.length;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
