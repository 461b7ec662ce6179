import type { MiddlewareHandler } from 'hono';
import type { TokenIssuer } from '../../common/oauth';
import { errors } from '../errors';

/**
 * spec §6: every API call needs a live bearer token; a missing, unknown or expired one answers
 * 401 `global/authError` "Invalid Credentials" (location Authorization). Google also accepts the
 * `access_token` query parameter, so do we. Sets `c.var.user`.
 */
export function authMiddleware(
  tokens: TokenIssuer,
  knownUser: (id: string) => boolean,
): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header.trim());
    const token = match?.[1] ?? c.req.query('access_token');
    if (token === undefined) throw errors.authError();
    const verdict = tokens.verify(token);
    if (!verdict.ok || !knownUser(verdict.user)) throw errors.authError();
    c.set('user', verdict.user);
    await next();
  };
}
