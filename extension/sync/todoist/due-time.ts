// Places a Todoist due date on the epoch axis (todoist spec §5): `YYYY-MM-DD` is all day (its
// midnight in the user's zone, as Google all-day events use the calendar's zone), a floating
// `YYYY-MM-DDTHH:MM:SS` is that wall time in the user's zone, `...Z` is a fixed instant.
import { Temporal } from 'temporal-polyfill';
import { knownZoneOr } from '../known-zone';

const ALL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const FLOATING = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

export interface DuePlacement {
  readonly dueMs: number;
  readonly allDay: boolean;
}

/** undefined when the date is not one of the three forms (it is still kept and shown as text). */
export function placeDue(date: string, timeZone: string | undefined): DuePlacement | undefined {
  // An account zone this runtime doesn't know (newer than its tz data, or bad data) must not
  // take every dated task of the account off the axis: dueMs only feeds the agenda's range
  // reads, which reach a day past the view's ends, and the page places tasks again in the
  // viewer's zone (ui/agenda/task-placement.ts).
  const zone = knownZoneOr(timeZone);
  try {
    if (ALL_DAY.test(date)) {
      const ms = Temporal.PlainDate.from(date).toZonedDateTime({
        timeZone: zone,
      }).epochMilliseconds;
      return { dueMs: ms, allDay: true };
    }
    if (FLOATING.test(date)) {
      const ms = Temporal.PlainDateTime.from(date).toZonedDateTime(zone).epochMilliseconds;
      return { dueMs: ms, allDay: false };
    }
    // The same strict reading as the page's (an instant with Z or an offset): Date.parse would
    // also take "2026-11-23 10:00" in this worker's own zone, or "Nov 23 2026", and give the
    // task an agenda row the page then could not place.
    return { dueMs: Temporal.Instant.from(date).epochMilliseconds, allDay: false };
  } catch {
    // An impossible date or not one of the three forms: keep the task, without a place on the
    // axis.
    return undefined;
  }
}
