// The public Google API of the emulator, for bench setup and "someone else's" changes (own
// token). Only writes and reads that a real second client would do.
import type { GoogleEmulator } from '../emulators/google/index';
import { BENCH_USER } from './env';

const BASE = 'https://www.googleapis.com/calendar/v3';

export interface BenchApi {
  call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  insertEvent(calendarId: string, body: Record<string, unknown>): Promise<string>;
}

export function benchApi(google: GoogleEmulator): BenchApi {
  let token = google.issueToken(BENCH_USER);
  async function call(
    method: string,
    path: string,
    body?: unknown,
    retried = false,
  ): Promise<Record<string, unknown>> {
    const res = await google.fetch(`${BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status === 401 && !retried) {
      // Access tokens live an hour (spec §6): a second client renews too.
      token = google.issueToken(BENCH_USER);
      return call(method, path, body, true);
    }
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
  }
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
