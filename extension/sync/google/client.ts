// A thin typed client for the two listings the engine reads (spec §1, §5). Every call goes
// through the shared http layer and carries the caller's meter so a run counts its own traffic.
import { AuthExpired } from '../errors';
import type { Http, HttpRequest, RequestMeter } from '../http';
import type { TokenPort } from '../ports';
import {
  type CalendarList,
  calendarListSchema,
  type EventsList,
  eventsListSchema,
} from './schemas';

export const GOOGLE_BASE_URL = 'https://www.googleapis.com';

export interface EventsListParams {
  readonly syncToken?: string;
  readonly pageToken?: string;
  readonly timeMin?: string;
  readonly timeMax?: string;
  readonly singleEvents?: boolean;
  readonly maxResults?: number;
}

export interface CalendarListParams {
  readonly syncToken?: string;
  readonly pageToken?: string;
  readonly maxResults?: number;
}

export interface GoogleClient {
  listEvents(
    calendarId: string,
    params: EventsListParams,
    meter?: RequestMeter,
  ): Promise<EventsList>;
  listCalendarList(params: CalendarListParams, meter?: RequestMeter): Promise<CalendarList>;
}

export interface GoogleClientOptions {
  readonly http: Http;
  readonly tokens: TokenPort;
  readonly sourceId: string;
  readonly baseUrl?: string;
}

export function createGoogleClient(options: GoogleClientOptions): GoogleClient {
  const { http, tokens, sourceId } = options;
  const base = (options.baseUrl ?? GOOGLE_BASE_URL).replace(/\/+$/, '');

  async function token(): Promise<string> {
    const t = await tokens.getAccessToken(sourceId, { interactive: false });
    if (!t) throw new AuthExpired('no access token: sign-in required', { reason: 'noToken' });
    return t;
  }

  /** spec §6: on 401 drop the cached token and ask again, once; a second 401 surfaces. */
  async function authorized<T>(req: Omit<HttpRequest<T>, 'headers'>): Promise<T> {
    const first = await token();
    try {
      return await http.request({ ...req, headers: { authorization: `Bearer ${first}` } });
    } catch (err) {
      if (!(err instanceof AuthExpired)) throw err;
      await tokens.invalidate(sourceId, first);
      const second = await token();
      return http.request({ ...req, headers: { authorization: `Bearer ${second}` } });
    }
  }

  function url(
    path: string,
    params: Readonly<Record<string, string | number | boolean | undefined>>,
  ) {
    const u = new URL(`${base}/calendar/v3${path}`);
    for (const [k, v] of Object.entries(params))
      if (v !== undefined) u.searchParams.set(k, String(v));
    return u;
  }

  return {
    listEvents(calendarId, params, meter) {
      return authorized({
        method: 'GET',
        url: url(`/calendars/${encodeURIComponent(calendarId)}/events`, { ...params }),
        endpoint: 'events.list',
        schema: eventsListSchema,
        ...(meter ? { meter } : {}),
      });
    },
    listCalendarList(params, meter) {
      return authorized({
        method: 'GET',
        url: url('/users/me/calendarList', { ...params }),
        endpoint: 'calendarList.list',
        schema: calendarListSchema,
        ...(meter ? { meter } : {}),
      });
    },
  };
}
