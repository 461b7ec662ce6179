// Time zone names come from outside: the runtime (Chrome reports "Etc/Unknown" when the OS zone
// can't be read), Google's calendars and events, Todoist's accounts, a saved page. Temporal and
// Intl throw a RangeError on a name they don't know, so a name is checked once before either is
// handed it, and whoever asked decides what to do instead (usually UTC).
import { Temporal } from 'temporal-polyfill';

const known = new Map<string, boolean>();

/** Whether both Temporal and Intl take this zone name (memoized: a week places ~1,000 rows). */
export function isKnownZone(zone: string): boolean {
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size > 1_000) known.clear();
    known.set(zone, ok);
  }
  return ok;
}

/** The zone if it is known, else UTC. */
export function knownZoneOr(zone: string | undefined, fallback = 'UTC'): string {
  return zone !== undefined && isKnownZone(zone) ? zone : fallback;
}
