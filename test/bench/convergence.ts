// Convergence = the store equals the emulator's truth inside the window the store covers.
import type { AlmanacDb } from '../../extension/store/db';
import type { TimeWindow } from '../../extension/store/records';
import { calendarKey } from '../../extension/sync/scope';
import type { GoogleEmulator } from '../emulators/google/index';
import { BENCH_SOURCE, BENCH_USER } from './env';

export async function converged(
  db: AlmanacDb,
  google: GoogleEmulator,
  calendarIds: readonly string[],
  windowOf: (calendarId: string) => Promise<TimeWindow | undefined>,
): Promise<boolean> {
  for (const calendarId of calendarIds) {
    const window = await windowOf(calendarId);
    if (!window) return false;
    const truth = google
      .snapshot(BENCH_USER, calendarId, { timeMin: window.startMs, timeMax: window.endMs })
      .map((e) => `${e.id} ${e.etag}`)
      .sort();
    const key = calendarKey(BENCH_SOURCE, calendarId);
    const mine = (await db.events.where('calendarKey').equals(key).toArray())
      .map((e) => `${e.id} ${e.etag}`)
      .sort();
    if (truth.length !== mine.length || truth.some((t, i) => t !== mine[i])) return false;
  }
  return true;
}
