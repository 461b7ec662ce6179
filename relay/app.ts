// The relay's HTTP surface, independent of the runtime: `createRelayApp(ports)` runs on workerd
// (index.ts wires Durable Objects in) and in Node (memory-ports.ts). It never sees OAuth tokens
// or calendar data (DESIGN.md §4): only channel ids, resource states and object ids pass.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { AUTHORIZATION, LAST_EVENT_ID } from '../shared/relay-protocol';
import { ERROR_CODES, errorResponse, RelayHttpError } from './errors';
import type { RelayPorts } from './ports';
import { registerHookRoutes } from './routes/hooks';
import { registerSubscriberRoutes } from './routes/subscribers';

/** Provider webhooks: Todoist bodies are small JSON, Google's are empty; 1 MiB is generous. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;
/** Extension requests carry at most a user id or a channel id. */
export const MAX_API_BODY_BYTES = 16 * 1024;

export function createRelayApp(ports: RelayPorts): Hono {
  const app = new Hono();

  // The extension calls from a chrome-extension:// origin with a bearer secret, never cookies,
  // so any origin may call: the secret, not the origin, is the credential.
  app.use(
    '/v1/*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: [AUTHORIZATION, LAST_EVENT_ID, 'Content-Type'],
      maxAge: 86_400,
    }),
  );
  const tooLarge = (max: number) =>
    bodyLimit({
      maxSize: max,
      onError: (c) =>
        errorResponse(c, 413, ERROR_CODES.payloadTooLarge, `The body exceeds ${max} bytes.`),
    });
  app.use('/v1/*', tooLarge(MAX_API_BODY_BYTES));
  app.use('/hooks/*', tooLarge(MAX_WEBHOOK_BYTES));

  app.get('/health', (c) => c.json({ ok: true, service: 'almanac-relay' }));
  registerSubscriberRoutes(app, ports);
  registerHookRoutes(app, ports);

  app.notFound((c) =>
    errorResponse(c, 404, ERROR_CODES.notFound, `No route for ${c.req.method} ${c.req.path}`),
  );
  app.onError((err, c) => {
    if (err instanceof RelayHttpError) return errorResponse(c, err.status, err.code, err.message);
    console.error('relay: unhandled error', err);
    return errorResponse(c, 500, ERROR_CODES.internal, 'The relay failed; try again.');
  });
  return app;
}
