// How far the store's rows can sit from the viewer's days. Timed rows are instants, exact. An
// all-day Google row sits at midnight in its CALENDAR's zone, or UTC when the calendar has none
// (sync/google/event-times.ts), and a Todoist date at midnight or wall time in the ACCOUNT's zone
// (sync/todoist/due-time.ts): so a read must reach as far past the viewer's midnights as those
// zones' offsets differ from the viewer's. Any zones at all differ by at most 26 h (UTC+14 vs
// UTC−12); usually it is an hour or two, and every hour not read is rows not deserialized.
import { Temporal } from 'temporal-polyfill';
import type { TimeWindow } from '../../store/records';
import { HOUR_MS } from './zone-days';
import { MAX_ZONE_PAD_MS } from './zone-pad-limit';

export { MAX_ZONE_PAD_MS };

function offsetMs(zone: string, ms: number): number {
  return (
    Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6
  );
}

/** The largest offset difference between the viewer and `zones` (UTC always among them) at the
 * window's edges, plus an hour for a DST change inside it; never more than MAX_ZONE_PAD_MS. */
export function zonePadMs(zones: Iterable<string>, viewerZone: string, window: TimeWindow): number {
  let widest = 0;
  try {
    for (const zone of new Set(['UTC', ...zones])) {
      for (const ms of [window.startMs, window.endMs]) {
        widest = Math.max(widest, Math.abs(offsetMs(zone, ms) - offsetMs(viewerZone, ms)));
      }
    }
  } catch {
    return MAX_ZONE_PAD_MS; // a zone the runtime does not know: assume the widest
  }
  return Math.min(MAX_ZONE_PAD_MS, widest + HOUR_MS);
}
