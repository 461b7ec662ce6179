import { isDroppedConnection } from './dropped-connection';

export { DroppedConnection, isDroppedConnection, rethrowDropped } from './dropped-connection';

/** Anything with Hono's `fetch(request, env?)` shape. */
export interface FetchApp {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
}

export interface InProcessFetchOptions {
  /** Passed to `app.fetch` as Hono's `c.env`. */
  env?: unknown;
}

const MAX_REDIRECTS = 20; // the Fetch standard's limit

/**
 * A `fetch` that sends every request — whatever its host — into `app`, with no sockets.
 * It keeps fetch's observable contract where clients depend on it:
 * - an aborted signal rejects with the signal's reason (an `AbortError` DOMException);
 * - a dropped connection rejects with `TypeError('fetch failed')`, like undici;
 * - `redirect` is honoured ('follow' by default, re-entering the app; 'manual'; 'error');
 * - `response.url` is the final request URL.
 */
export function inProcessFetch(app: FetchApp, opts: InProcessFetchOptions = {}): typeof fetch {
  const send = async (request: Request): Promise<Response> => {
    try {
      return await app.fetch(request, opts.env);
    } catch (err) {
      if (isDroppedConnection(err)) throw new TypeError('fetch failed', { cause: err });
      throw err;
    }
  };

  const run = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let request = new Request(input, init);
    const signal = request.signal;
    const body =
      request.body && request.redirect === 'follow' ? await request.clone().arrayBuffer() : null;
    for (let hop = 0; ; hop++) {
      signal.throwIfAborted();
      const response = await abortable(send(request), signal);
      if (!isRedirect(response.status) || request.redirect === 'manual') {
        return withUrl(response, request.url);
      }
      if (request.redirect === 'error') throw new TypeError('fetch failed: unexpected redirect');
      const location = response.headers.get('location');
      if (location === null) return withUrl(response, request.url);
      if (hop >= MAX_REDIRECTS) throw new TypeError('fetch failed: redirect count exceeded');
      await response.body?.cancel();
      // Fetch standard §4.4: 303, and 301/302 after POST, become a body-less GET.
      const toGet =
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && request.method === 'POST');
      const headers = new Headers(request.headers);
      if (toGet) {
        for (const h of ['content-type', 'content-length', 'content-encoding']) headers.delete(h);
      }
      request = new Request(new URL(location, request.url), {
        method: toGet ? 'GET' : request.method,
        headers,
        body: toGet ? null : body,
        signal,
        redirect: 'follow',
      });
    }
  };

  return run as typeof fetch;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function withUrl(response: Response, url: string): Response {
  // Response.url is a read-only getter; an own property shadows it (clients log or compare it).
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
