// A second client of the emulator's public Google API, with its own token: a phone or a colleague
// changing calendars between two syncs, or a bench building its world. It goes through the same
// front door as the engine (auth, request log, faults), never around it.
import type { GoogleEmulator } from '../emulators/google/index';

const BASE = 'https://www.googleapis.com/calendar/v3';

/** One API call: the parsed JSON answer (undefined when empty); a non-2xx answer throws. */
export type GoogleCall = (method: string, path: string, body?: unknown) => Promise<unknown>;

export interface GoogleCallerOptions {
  /** Renew the token once on a 401 (spec §6: access tokens live an hour) — for a client that
   * lives longer than its token; off, a 401 throws like any other failure. */
  readonly renewOn401?: boolean;
}

export function createGoogleCaller(
  google: GoogleEmulator,
  user: string,
  options: GoogleCallerOptions = {},
): GoogleCall {
  let token = google.issueToken(user);
  async function call(
    method: string,
    path: string,
    body: unknown,
    retried: boolean,
  ): Promise<unknown> {
    const res = await google.fetch(`${BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status === 401 && options.renewOn401 && !retried) {
      token = google.issueToken(user);
      return call(method, path, body, true);
    }
    if (!res.ok) throw new Error(`${user}: ${method} ${path} → ${res.status} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  }
  return (method, path, body) => call(method, path, body, false);
}
