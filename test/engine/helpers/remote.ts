// Changes made "by someone else" through the emulator's public API, with their own token — the
// way a phone or a colleague would change a calendar between two syncs.
import type { GoogleEmulator } from '../../emulators/google/index';
import { createGoogleCaller } from '../../support/google-caller';

export interface Remote {
  insert(calendarId: string, body: Record<string, unknown>): Promise<{ id: string; etag: string }>;
  patch(calendarId: string, eventId: string, body: Record<string, unknown>): Promise<unknown>;
  remove(calendarId: string, eventId: string): Promise<void>;
  patchCalendarListEntry(calendarId: string, body: Record<string, unknown>): Promise<unknown>;
  insertCalendar(summary: string): Promise<{ id: string }>;
}

export function createRemote(google: GoogleEmulator, user: string): Remote {
  const call = createGoogleCaller(google, user);
  const cal = (id: string) => `/calendars/${encodeURIComponent(id)}`;
  return {
    insert: async (calendarId, body) =>
      (await call('POST', `${cal(calendarId)}/events`, body)) as { id: string; etag: string },
    patch: (calendarId, eventId, body) =>
      call('PATCH', `${cal(calendarId)}/events/${encodeURIComponent(eventId)}`, body),
    remove: async (calendarId, eventId) => {
      await call('DELETE', `${cal(calendarId)}/events/${encodeURIComponent(eventId)}`);
    },
    patchCalendarListEntry: (calendarId, body) =>
      call('PATCH', `/users/me/calendarList/${encodeURIComponent(calendarId)}`, body),
    insertCalendar: async (summary) =>
      (await call('POST', '/calendars', { summary, timeZone: 'America/New_York' })) as {
        id: string;
      },
  };
}

/** A timed event body, `hours` from `atMs`. */
export function timedEvent(summary: string, atMs: number, hours = 1): Record<string, unknown> {
  return {
    summary,
    start: { dateTime: new Date(atMs).toISOString() },
    end: { dateTime: new Date(atMs + hours * 3_600_000).toISOString() },
  };
}
