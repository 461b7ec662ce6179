import { ManualClock } from '../../../emulators/common/clock';
import {
  createGoogleEmulator,
  type GoogleEmulator,
  type GoogleEmulatorOptions,
} from '../../../emulators/google';

export const BASE = 'https://www.googleapis.com/calendar/v3';
/** The demo user's primary calendar, as most tests address it. */
export const EVENTS = '/calendars/primary/events';
/** Wednesday 2025-03-05 10:00 in New York: the week before the US DST switch. */
export const T0 = Date.parse('2025-03-05T15:00:00Z');

export interface ApiResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  body: any;
  text: string;
}

export interface Harness {
  g: GoogleEmulator;
  clock: ManualClock;
  token: string;
  /** Calls the API as `token`'s user; objects are sent as JSON. */
  api(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResult>;
  as(user: string): Harness['api'];
}

export function setup(opts: GoogleEmulatorOptions & { start?: number } = {}): Harness {
  const clock = new ManualClock(opts.start ?? T0);
  const g = createGoogleEmulator({ clock, seed: 'empty', ...opts });
  const token = g.issueToken('demo');
  const call =
    (bearer: string) =>
    async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const init: RequestInit = {
        method,
        headers: { authorization: `Bearer ${bearer}`, ...headers },
      };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      const res = await g.fetch(path.startsWith('http') ? path : `${BASE}${path}`, init);
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    };
  return { g, clock, token, api: call(token), as: (user) => call(g.issueToken(user)) };
}

export const enc = encodeURIComponent;

/** A timed event body in New York time. */
export function timed(start: string, end: string, extra: Record<string, unknown> = {}) {
  return {
    start: { dateTime: start, timeZone: 'America/New_York' },
    end: { dateTime: end, timeZone: 'America/New_York' },
    ...extra,
  };
}

/** POSTs a New York timed event to the primary calendar; the created resource. */
export async function insertTimed(
  h: Harness,
  start: string,
  end: string,
  extra: Record<string, unknown> = {},
): Promise<ApiResult['body']> {
  return (await h.api('POST', EVENTS, timed(start, end, extra))).body;
}

/** `n` one-hour events (summaries e0, e1…) at 10:00 on consecutive days from 2025-03-06,
 * wrapping after 20 days; their ids. */
export async function seedEvents(h: Harness, n: number, path = EVENTS): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(6 + (i % 20)).padStart(2, '0');
    const res = await h.api(
      'POST',
      path,
      timed(`2025-03-${day}T10:00:00`, `2025-03-${day}T11:00:00`, { summary: `e${i}` }),
    );
    ids.push(res.body.id);
  }
  return ids;
}

/** Follows nextPageToken to the end; returns every item and the final response. */
export async function listAll(h: Harness, path: string) {
  const items: unknown[] = [];
  const pages: ApiResult[] = [];
  let pageToken: string | undefined;
  for (;;) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await h.api('GET', pageToken ? `${path}${sep}pageToken=${enc(pageToken)}` : path);
    if (res.status !== 200) throw new Error(`listAll: ${res.status} ${res.text}`);
    pages.push(res);
    items.push(...res.body.items);
    pageToken = res.body.nextPageToken;
    if (pageToken === undefined)
      return { items: items as Record<string, unknown>[], pages, last: res.body };
  }
}
