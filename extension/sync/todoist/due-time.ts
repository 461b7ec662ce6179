// Places a Todoist due date on the epoch axis (todoist spec §5): `YYYY-MM-DD` is all day (its
// midnight in the user's zone, as Google all-day events use the calendar's zone), a floating
// `YYYY-MM-DDTHH:MM:SS` is that wall time in the user's zone, `...Z` is a fixed instant.
import { Temporal } from 'temporal-polyfill';

const ALL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const FLOATING = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

export interface DuePlacement {
  readonly dueMs: number;
  readonly allDay: boolean;
}

/** undefined when the date is not one of the three forms (it is still kept and shown as text). */
export function placeDue(date: string, timeZone: string | undefined): DuePlacement | undefined {
  const zone = timeZone ?? 'UTC';
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
    const ms = Date.parse(date);
    return Number.isNaN(ms) ? undefined : { dueMs: ms, allDay: false };
  } catch {
    // An unknown zone or an impossible date: keep the task, without a place on the axis.
    return undefined;
  }
}
