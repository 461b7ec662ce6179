// The public Google API of the emulator, for bench setup and "someone else's" changes (own
// token). Only writes and reads that a real second client would do.
import type { GoogleEmulator } from '../emulators/google/index';
import { createGoogleCaller } from '../support/google-caller';
import { BENCH_USER } from './env';

export interface BenchApi {
  call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  insertEvent(calendarId: string, body: Record<string, unknown>): Promise<string>;
}

export function benchApi(google: GoogleEmulator): BenchApi {
  // A bench outlives an access token: the second client renews, like a real one.
  const caller = createGoogleCaller(google, BENCH_USER, { renewOn401: true });
  const call = async (method: string, path: string, body?: unknown) =>
    ((await caller(method, path, body)) ?? {}) as Record<string, unknown>;
  return {
    call,
    async insertEvent(calendarId, body) {
      const created = await call(
        'POST',
        `/calendars/${encodeURIComponent(calendarId)}/events`,
        body,
      );
      return String(created.id);
    },
  };
}

/** A one-hour event (or an all-day one) `dayOffset` days and `hour` hours after `baseMs`. */
export function eventBody(
  summary: string,
  baseMs: number,
  dayOffset: number,
  hour: number,
  allDay = false,
) {
  const start = baseMs + dayOffset * 86_400_000 + hour * 3_600_000;
  if (allDay) {
    const day = new Date(baseMs + dayOffset * 86_400_000).toISOString().slice(0, 10);
    const next = new Date(baseMs + (dayOffset + 1) * 86_400_000).toISOString().slice(0, 10);
    return { summary, start: { date: day }, end: { date: next } };
  }
  return {
    summary,
    description: `Bench event ${summary}`,
    location: 'Room 4',
    start: { dateTime: new Date(start).toISOString() },
    end: { dateTime: new Date(start + 3_600_000).toISOString() },
  };
}
