// The Worker entry (wrangler.toml `main`): the runtime-agnostic app (app.ts) over Durable Object
// ports, plus the Durable Object classes wrangler must find among this module's exports.
import type { ExecutionContext, Hono } from 'hono';
import { createRelayApp } from './app';
import { createDurablePorts } from './durable-ports';
import type { RelayWorkerEnv } from './worker-env';

export { SubscriberHub } from './subscriber-hub';
export { TodoistDirectory } from './todoist-directory';

// One app per env object: workerd passes the same one to every request of an isolate.
let cached: { env: RelayWorkerEnv; app: Hono } | undefined;

function appFor(env: RelayWorkerEnv): Hono {
  if (cached?.env !== env) cached = { env, app: createRelayApp(createDurablePorts(env)) };
  return cached.app;
}

export default {
  fetch(
    request: Request,
    env: RelayWorkerEnv,
    ctx: ExecutionContext,
  ): Response | Promise<Response> {
    return appFor(env).fetch(request, env, ctx);
  },
};
