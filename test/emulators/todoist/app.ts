import { Hono } from 'hono';
import type { Clock } from '../common/clock';
import { type ControlRoutesOptions, controlRoutes } from '../common/control-routes';
import { rethrowDropped } from '../common/dropped-connection';
import type { EmulatorEnv } from '../common/env';
import type { FaultInjector } from '../common/faults';
import { oauthRoutes } from '../common/oauth';
import { type RequestLog, requestLogger } from '../common/request-log';
import { type TodoistTokens, todoistAuth } from './auth';
import { registerTodoistControl, type TodoistControlDeps } from './control';
import type { TodoistDeps } from './deps';
import { errorBody, errorResponse, TodoistError } from './errors';
import { registerQuickAdd } from './routes/quick-add';
import { registerRest } from './routes/rest';
import { registerSync } from './routes/sync';

export interface TodoistAppParts {
  deps: TodoistDeps;
  clock: Clock;
  log: RequestLog;
  faults: FaultInjector;
  tokens: TodoistTokens;
  control: Omit<ControlRoutesOptions, 'service' | 'faults' | 'log'> & TodoistControlDeps;
  clientSecret?: string;
}

/**
 * Middleware order: control routes (`/__emulator`, never logged or faulted), request log,
 * faults, then the retired APIs (410 for everyone), OAuth, auth, budgets (inside the routes,
 * after auth), routes.
 */
export function buildTodoistApp(p: TodoistAppParts): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  const control = controlRoutes({ ...p.control, service: 'todoist', faults: p.faults, log: p.log });
  registerTodoistControl(control, p.control);
  app.route('/__emulator', control);

  app.use('*', requestLogger(p.log, p.clock));
  app.use('*', p.faults.middleware());

  // spec §1: Sync v9 and REST v2 answer 410 Gone now.
  for (const path of ['/sync/v9', '/sync/v9/*', '/rest/v2', '/rest/v2/*']) {
    app.all(path, (c) => {
      c.set('endpoint', 'gone');
      return c.json(errorBody('GONE'), 410);
    });
  }

  app.route(
    '/',
    oauthRoutes(p.tokens, {
      authorizePath: '/oauth/authorize',
      tokenPath: '/oauth/access_token',
      defaultUser: 'demo',
      knownUsers: () => p.deps.store.users().map((u) => u.account.key),
      style: 'todoist',
      ...(p.clientSecret !== undefined ? { clientSecret: p.clientSecret } : {}),
    }),
  );

  app.use(
    '/api/*',
    todoistAuth(p.tokens, () => p.deps.store),
  );
  registerSync(app, p.deps);
  registerQuickAdd(app, p.deps);
  registerRest(app, p.deps);

  app.notFound((c) => c.json(errorBody('NOT_FOUND', { path: c.req.path }), 404));
  app.onError((err, c) => {
    rethrowDropped(err);
    if (err instanceof TodoistError) return errorResponse(c, err);
    // A bug of ours: say so loudly, but still in Todoist's error shape.
    console.error('todoist emulator error', err);
    return c.json(errorBody('INTERNAL_ERROR', { message: String(err) }), 500);
  });
  return app;
}
