// A thin typed client for the two listings the engine reads (spec §1, §5). Every call goes
// through the shared http layer and carries the caller's meter so a run counts its own traffic.
import { createAuthorized } from '../authorized';
import type { Http, RequestMeter } from '../http';
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
  const base = (options.baseUrl ?? GOOGLE_BASE_URL).replace(/\/+$/, '');
  // spec §6: on 401 drop the cached token and ask again, once; a second 401 surfaces.
  const authorized = createAuthorized({
    http: options.http,
    tokens: options.tokens,
    sourceId: options.sourceId,
    noTokenMessage: 'no access token: sign-in required',
    resendOnlyNewToken: false,
  });

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
