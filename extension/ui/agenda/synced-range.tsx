// Where the store has calendar events at all. A calendar's events are kept only inside the
// window of its last full sync (sync/google/window.ts: 30 days back to a year ahead, moved at
// the weekly reconcile), so a week jumped to outside it read "Nothing planned" as if the
// calendar were empty there. The page says so instead: tasks (Todoist has no window) still show.
import type { CalendarRecord, TimeWindow } from '../../store/records';
import { dateOf, type IsoDate } from './zone-days';

/** Where every selected calendar that has synced holds its events: the overlap of their
 * windows; undefined when none has synced yet (the page's other states speak for that). */
export function eventsCoverage(calendars: readonly CalendarRecord[]): TimeWindow | undefined {
  let covered: TimeWindow | undefined;
  for (const calendar of calendars) {
    const window = calendar.cursor?.window;
    if (!window) continue;
    covered = covered
      ? {
          startMs: Math.max(covered.startMs, window.startMs),
          endMs: Math.min(covered.endMs, window.endMs),
        }
      : window;
  }
  return covered;
}

/** The days of the view (as instants: from its first day's start to its last day's end) that
 * fall outside `covered`, as the covered range's first and last dates in `zone`; undefined when
 * the view is inside it. */
export function outsideCoverage(
  view: TimeWindow,
  covered: TimeWindow | undefined,
  zone: string,
): { readonly from: IsoDate; readonly to: IsoDate } | undefined {
  if (!covered) return undefined;
  if (view.startMs >= covered.startMs && view.endMs <= covered.endMs) return undefined;
  return { from: dateOf(covered.startMs, zone), to: dateOf(covered.endMs - 1, zone) };
}

/** `range`: the covered dates, as the page writes a range ("October 23, 2026 – November 22,
 * 2027"). */
export function SyncedRangeNote(props: { readonly range: string }) {
  return (
    <p className="range-note" role="note">
      Calendar events are synced for {props.range}: days outside that show your tasks only.
    </p>
  );
}
