// Sends a request with the source's bearer token and, when the provider rejects the token
// (AuthExpired: Google 401 spec §6, Todoist 401/403 AUTH_INVALID_TOKEN todoist spec §6), drops it
// from the cache and resends once with a renewed one. Shared by every provider's client.
import { AuthExpired } from './errors';
import type { Http, HttpRequest } from './http';
import type { TokenPort } from './ports';

export interface AuthorizedOptions {
  readonly http: Http;
  readonly tokens: TokenPort;
  readonly sourceId: string;
  /** The AuthExpired message when the port has no token at all (reason `noToken`). */
  readonly noTokenMessage: string;
  /** Resend only with a DIFFERENT token; when the port has none, or the same one again, the
   * provider's own AuthExpired surfaces. Off: the renewed token is used whatever it is, and none
   * at all is `noToken`. */
  readonly resendOnlyNewToken: boolean;
}

export type AuthorizedRequest = <T>(req: Omit<HttpRequest<T>, 'headers'>) => Promise<T>;

export function createAuthorized(options: AuthorizedOptions): AuthorizedRequest {
  const { http, tokens, sourceId } = options;

  async function token(): Promise<string> {
    const t = await tokens.getAccessToken(sourceId, { interactive: false });
    if (!t) throw new AuthExpired(options.noTokenMessage, { reason: 'noToken' });
    return t;
  }

  const send = <T>(req: Omit<HttpRequest<T>, 'headers'>, bearer: string) =>
    http.request({ ...req, headers: { authorization: `Bearer ${bearer}` } });

  return async (req) => {
    const first = await token();
    try {
      return await send(req, first);
    } catch (err) {
      if (!(err instanceof AuthExpired)) throw err;
      await tokens.invalidate(sourceId, first);
      if (!options.resendOnlyNewToken) return send(req, await token());
      const second = await tokens.getAccessToken(sourceId, { interactive: false });
      if (!second || second === first) throw err;
      return send(req, second);
    }
  };
}
