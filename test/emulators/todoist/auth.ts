import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../common/clock';
import type { EmulatorEnv } from '../common/env';
import { type TokenGrant, TokenIssuer } from '../common/oauth';
import { errorBody } from './errors';
import type { TodoistStore } from './store';

/**
 * Todoist access tokens never expire (spec §1 names no lifetime; the OAuth answer carries no
 * `expires_in`). The issuer also remembers which users authorised the app, because only they
 * get webhooks (spec §7).
 */
export class TodoistTokens extends TokenIssuer {
  readonly #authorized = new Set<string>();

  constructor(clock: Clock) {
    super({ clock, accessTokenTtlMs: null, prefix: 'todoist-' });
  }

  override issue(user: string, opts: { ttlMs?: number | null; scope?: string } = {}): TokenGrant {
    this.#authorized.add(user);
    return super.issue(user, opts);
  }

  isAuthorized(user: string): boolean {
    return this.#authorized.has(user);
  }

  override clear(): void {
    this.#authorized.clear();
    super.clear();
  }
}

/**
 * `Authorization: Bearer <token>` (spec §1). A missing, unknown or revoked token is a 401 with
 * AUTH_INVALID_TOKEN in Todoist's error body (spec §6).
 */
export function todoistAuth(
  tokens: TokenIssuer,
  store: () => TodoistStore,
): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const verdict = match?.[1] === undefined ? undefined : tokens.verify(match[1]);
    if (verdict === undefined || !verdict.ok || store().user(verdict.user) === undefined) {
      return c.json(errorBody('AUTH_INVALID_TOKEN'), 401);
    }
    c.set('user', verdict.user);
    return next();
  };
}
