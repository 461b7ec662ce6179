import { Hono } from 'hono';
import type { Clock } from '../common/clock';
import type { ControlRoutesOptions } from '../common/control-routes';
import { rethrowDropped } from '../common/dropped-connection';
import type { EmulatorEnv } from '../common/env';
import type { FaultInjector } from '../common/faults';
import { oauthRoutes, type TokenIssuer } from '../common/oauth';
import type { RequestLog } from '../common/request-log';
import { requestLogger } from '../common/request-log';
import type { GoogleApp, GoogleDeps } from './deps';
import { errors, GoogleApiError } from './errors';
import { authMiddleware } from './http/auth';
import { googleControlRoutes } from './http/control';
import type { RateLimiter } from './http/rate-limit';
import { calendarListRoutes } from './routes/calendar-list';
import { calendarsRoutes } from './routes/calendars';
import { channelRoutes } from './routes/channels';
import { eventsReadRoutes } from './routes/events-read';
import { eventsWriteRoutes } from './routes/events-write';
import { freeBusyRoutes } from './routes/free-busy';

export interface AppParts {
  deps: GoogleDeps;
  clock: Clock;
  log: RequestLog;
  faults: FaultInjector;
  tokens: TokenIssuer;
  rateLimiter: RateLimiter;
  control: ControlRoutesOptions;
}

/**
 * The Hono app. Order matters (README): control routes, then request log, faults, OAuth
 * endpoints, auth + rate limit for `/calendar/v3/*`, then the API routes.
 */
export function buildApp(p: AppParts): GoogleApp {
  const app = new Hono<EmulatorEnv>();
  app.route('/__emulator', googleControlRoutes(p.control, p.deps.tokens));
  app.use(requestLogger(p.log, p.clock));
  app.use(p.faults.middleware());
  app.route(
    '/',
    oauthRoutes(p.tokens, {
      authorizePath: '/o/oauth2/v2/auth',
      tokenPath: '/token',
      revokePath: '/revoke',
      defaultUser: 'demo',
      knownUsers: () => [...p.deps.state.users.keys()],
      style: 'google',
    }),
  );
  app.use(
    '/calendar/v3/*',
    authMiddleware(p.tokens, (id) => p.deps.state.users.has(id)),
  );
  app.use('/calendar/v3/*', p.rateLimiter.middleware());
  eventsReadRoutes(app, p.deps);
  channelRoutes(app, p.deps);
  eventsWriteRoutes(app, p.deps);
  calendarListRoutes(app, p.deps);
  calendarsRoutes(app, p.deps);
  freeBusyRoutes(app, p.deps);

  app.notFound(() => errors.notFound().toResponse());
  app.onError((err) => {
    // A fault's dropped connection must reach the transport untouched.
    rethrowDropped(err);
    if (err instanceof GoogleApiError) return err.toResponse();
    // Only a genuinely unexpected throw becomes Google's 500 backendError.
    console.error('google emulator: unexpected error', err);
    return errors.backendError().toResponse();
  });
  return app;
}
