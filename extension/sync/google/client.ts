// A thin typed client for the two listings the engine reads (spec §1, §5). Every call goes
// through the shared http layer and carries the caller's meter so a run counts its own traffic.
import { type AuthorizedRequest, createAuthorized } from '../authorized';
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

/** Google's requests with the source's token (spec §6: on 401 drop the cached token and ask
 * again, once; a second 401 surfaces). Shared by the events client and the watch client. */
export function googleAuthorized(options: {
  readonly http: Http;
  readonly tokens: TokenPort;
  readonly sourceId: string;
}): AuthorizedRequest {
  return createAuthorized({
    ...options,
    noTokenMessage: 'no access token: sign-in required',
    resendOnlyNewToken: false,
  });
}

export function createGoogleClient(options: GoogleClientOptions): GoogleClient {
  const base = (options.baseUrl ?? GOOGLE_BASE_URL).replace(/\/+$/, '');
  const authorized = googleAuthorized(options);

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
