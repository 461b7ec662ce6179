// The baseline the seed-day bench compares against: what a simple extension does — every cycle,
// list the calendar list and every calendar in full, then rewrite the store (delete + put all).
// It reuses the engine's parsing so only the sync strategy differs.
import type { AlmanacDb } from '../../../extension/store/db';
import type { TimeWindow } from '../../../extension/store/records';
import { toPage as calendarListPage } from '../../../extension/sync/google/calendar-list';
import { toPage as eventsPage } from '../../../extension/sync/google/calendar-sync';
import { calendarListSchema, eventsListSchema } from '../../../extension/sync/google/schemas';
import { computeWindow, toRfc3339 } from '../../../extension/sync/google/window';
import { calendarKey } from '../../../extension/sync/scope';
import type { ManualClock } from '../../emulators/common/clock';
import type { GoogleEmulator } from '../../emulators/google/index';
import { BENCH_SOURCE, emulatorTokens } from '../env';

const BASE = 'https://www.googleapis.com/calendar/v3';

export function createNaiveSync(google: GoogleEmulator, db: AlmanacDb, clock: ManualClock) {
  // The same token source as the engine, so neither variant spends requests on 401s.
  const tokens = emulatorTokens(google, clock);
  let window: TimeWindow | undefined;
  const get = async (url: string): Promise<unknown> => {
    const token = await tokens.getAccessToken(BENCH_SOURCE, { interactive: false });
    const res = await google.fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`naive GET ${url} → ${res.status}`);
    return res.json();
  };

  async function cycle(nowMs: number): Promise<void> {
    const list = calendarListSchema.parse(
      await get(`${BASE}/users/me/calendarList?maxResults=250`),
    );
    const entries = calendarListPage(BENCH_SOURCE, list).upserts.filter((e) => e.googleSelected);
    await db.calendars.bulkPut(entries);
    window = computeWindow(nowMs);
    for (const entry of entries) {
      const key = calendarKey(BENCH_SOURCE, entry.id);
      const query = new URLSearchParams({
        timeMin: toRfc3339(window.startMs),
        timeMax: toRfc3339(window.endMs),
        singleEvents: 'true',
        maxResults: '2500',
      });
      const url = `${BASE}/calendars/${encodeURIComponent(entry.id)}/events?${query}`;
      const page = eventsPage(key, eventsListSchema.parse(await get(url)), window);
      await db.transaction('rw', db.events, async () => {
        const old = await db.events.where('calendarKey').equals(key).primaryKeys();
        await db.events.bulkDelete(old);
        await db.events.bulkPut([...page.upserts]);
      });
    }
  }

  return { cycle, window: () => window };
}
