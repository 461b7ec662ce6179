import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type FaultInjector, faultRuleInputSchema } from './faults';
import { type PushDeliverer, pushControlSchema } from './push-delivery';
import type { RequestLog } from './request-log';

export type Seed = 'demo' | 'empty';

export interface ControlRoutesOptions {
  /** Answered by `GET health`, e.g. 'google' or 'todoist'. */
  service: string;
  /** The emulator's full reset. Faults, log and push are cleared here as well, so it may skip them. */
  reset: (seed: Seed) => void | Promise<void>;
  /** A fresh bearer token for `user`: the bare token, or an OAuth-style grant. */
  issueToken: (user: string) => string | { access_token: string; expires_in?: number };
  faults: FaultInjector;
  log: RequestLog;
  push: PushDeliverer;
}

const resetBody = z.strictObject({ seed: z.enum(['demo', 'empty']) });
const tokenBody = z.strictObject({ user: z.string().min(1).default('demo') });
const sinceQuery = z.strictObject({ since: z.coerce.number().int().min(0).optional() });

/**
 * The shared `/__emulator/*` control API (README "Control API"). Mount it with
 * `app.route('/__emulator', controlRoutes(...))`; add service-specific routes (sync-tokens/expire,
 * webhooks) to the returned app — `parseJson` validates their bodies the same way.
 * Bad input is a 400 `{ error: 'invalid_request', message, issues? }`.
 */
export function controlRoutes(opts: ControlRoutesOptions): Hono {
  const app = new Hono();

  app.get('/health', (c) => c.json({ ok: true, service: opts.service }));

  app.post('/reset', async (c) => {
    const body = await parseJson(c, resetBody);
    if (!body.ok) return body.response;
    opts.faults.clear();
    opts.log.clear();
    opts.push.reset();
    await opts.reset(body.data.seed);
    return c.json({ ok: true });
  });

  app.post('/token', async (c) => {
    const body = await parseJson(c, tokenBody, { allowEmpty: true });
    if (!body.ok) return body.response;
    const { user } = body.data;
    const issued = opts.issueToken(user);
    const grant = typeof issued === 'string' ? { access_token: issued } : issued;
    return c.json({
      access_token: grant.access_token,
      ...(grant.expires_in !== undefined ? { expires_in: grant.expires_in } : {}),
      user,
    });
  });

  app.post('/faults', async (c) => {
    const body = await parseJson(c, faultRuleInputSchema);
    if (!body.ok) return body.response;
    return c.json(opts.faults.add(body.data), 201);
  });
  app.get('/faults', (c) => c.json({ faults: opts.faults.list() }));
  app.delete('/faults', (c) => {
    opts.faults.clear();
    return c.json({ ok: true });
  });

  app.post('/push', async (c) => {
    const body = await parseJson(c, pushControlSchema);
    if (!body.ok) return body.response;
    opts.push.control(body.data);
    return c.json({ ok: true });
  });
  app.get('/push', (c) => c.json({ deliveries: opts.push.history() }));

  app.get('/requests', (c) => {
    const q = sinceQuery.safeParse(c.req.query());
    if (!q.success) return badRequest(c, 'since must be a non-negative integer', q.error);
    const since = q.data.since ?? 0;
    return c.json({ entries: opts.log.entries({ since }), summary: opts.log.summary({ since }) });
  });
  app.delete('/requests', (c) => {
    opts.log.clear();
    return c.json({ ok: true });
  });

  return app;
}

export type ParsedBody<T> = { ok: true; data: T } | { ok: false; response: Response };

/**
 * Reads a JSON body and validates it. `allowEmpty` treats a missing body as `{}` (so defaults
 * apply); otherwise an empty or non-JSON body is a 400.
 */
export async function parseJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  opts: { allowEmpty?: boolean } = {},
): Promise<ParsedBody<z.infer<S>>> {
  const text = await c.req.text();
  let raw: unknown;
  if (text.trim() === '' && opts.allowEmpty) {
    raw = {};
  } else {
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, response: badRequest(c, 'body must be JSON') };
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: badRequest(c, 'invalid body', parsed.error) };
  return { ok: true, data: parsed.data };
}

function badRequest(c: Context, message: string, error?: z.ZodError): Response {
  const issues = error?.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
  const detail = issues?.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return c.json(
    {
      error: 'invalid_request',
      message: detail ? `${message}: ${detail}` : message,
      ...(issues ? { issues } : {}),
    },
    400,
  );
}
