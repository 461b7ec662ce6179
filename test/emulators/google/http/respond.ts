import type { Context } from 'hono';

/** Google answers JSON with `application/json; charset=UTF-8`. */
export function json(body: unknown, status = 200, etag?: string): Response {
  const headers = new Headers({ 'content-type': 'application/json; charset=UTF-8' });
  if (etag !== undefined) headers.set('etag', etag);
  return new Response(JSON.stringify(body), { status, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** The request's origin, used where Google echoes its own URLs (resourceUri). */
export function originOf(c: Context): string {
  return new URL(c.req.url).origin;
}
