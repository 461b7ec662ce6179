// The vertical axis of a day in the time grid, in minutes from the top.
// - 'elapsed' (the day view): real time since the day began, so a DST day is 23 or 25 hours tall
//   and every hour that happened has its own row (the repeated 1 AM appears twice).
// - 'wall' (the week view): wall-clock time, 24 rows, so 9 AM lines up across the seven columns;
//   on a DST day the hour that never happened (spring forward) is a `gap`, and the hour that
//   happened twice (fall back) is `repeated`: both are shaded and explained in the column.
import { Temporal } from 'temporal-polyfill';
import { dayBounds, HOUR_MS, type IsoDate } from './zone-days';

export type AxisMode = 'elapsed' | 'wall';

export interface HourMark {
  /** Minutes from the top of the axis. */
  readonly minute: number;
  /** The instant the line stands for (labels are formatted from it, in the viewer's zone). */
  readonly ms: number;
  /** False where a half-hour DST change (Lord Howe) put the day's elapsed hours on :30: the
   * label then needs its minutes. */
  readonly onHour: boolean;
}

export interface WallRange {
  readonly from: number;
  readonly to: number;
}

export interface DayAxis {
  readonly date: IsoDate;
  readonly mode: AxisMode;
  readonly zone: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly totalMinutes: number;
  /** Hours of the day (23 or 25 on a DST day). */
  readonly hours: number;
  readonly marks: readonly HourMark[];
  /** Wall-clock minutes that did not exist this day (spring forward). */
  readonly gaps: readonly WallRange[];
  /** Wall-clock minutes that happened twice this day (fall back). */
  readonly repeated: readonly WallRange[];
  /** The wall-clock minute the day starts at (0 unless a DST change skipped midnight) and the
   * offset changes inside the day: with them a wall position is elapsed time plus the shifts
   * passed, without converting every instant again. */
  readonly startWallMinute: number;
  readonly shifts: readonly { readonly atMs: number; readonly minutes: number }[];
}

export function dayAxis(date: IsoDate, zone: string, mode: AxisMode): DayAxis {
  const bounds = dayBounds(date, zone);
  const transitions = transitionsOf(bounds.startMs, bounds.endMs, zone);
  const { repeated, shifts } = transitions;
  const startWallMinute = wallMinute(bounds.startMs, zone);
  // A change at midnight (Santiago, spring) starts the day at 1 AM: in the wall-clock column the
  // hour before it never happened, and is shaded as any other skipped hour.
  const gaps =
    startWallMinute > 0
      ? [{ from: 0, to: startWallMinute }, ...transitions.gaps]
      : transitions.gaps;
  const totalMinutes = mode === 'elapsed' ? (bounds.endMs - bounds.startMs) / 60_000 : 24 * 60;
  const marks: HourMark[] = [];
  if (mode === 'elapsed') {
    for (let ms = bounds.startMs; ms < bounds.endMs; ms += HOUR_MS) {
      const onHour = wallMinute(ms, zone) % 60 === 0;
      marks.push({ minute: (ms - bounds.startMs) / 60_000, ms, onHour });
    }
  } else {
    const day = Temporal.PlainDate.from(date);
    for (let hour = 0; hour < 24; hour++) {
      const at = day.toPlainDateTime({ hour }).toZonedDateTime(zone);
      marks.push({ minute: hour * 60, ms: at.epochMilliseconds, onHour: true });
    }
  }
  return {
    date,
    mode,
    zone,
    startMs: bounds.startMs,
    endMs: bounds.endMs,
    totalMinutes,
    hours: bounds.hours,
    marks,
    gaps,
    repeated,
    startWallMinute,
    shifts,
  };
}

/** Where a wall-clock hour of the day sits on the axis (a skipped hour: where it would be). */
export function wallHourOnAxis(axis: DayAxis, hour: number): number {
  const at = Temporal.PlainDate.from(axis.date)
    .toPlainDateTime({ hour })
    .toZonedDateTime(axis.zone);
  return minuteOnAxis(at.epochMilliseconds, axis);
}

/** Where an instant sits on the axis, clamped to the day (the day's first instant is at its
 * wall-clock minute: 1 AM on a day that skipped midnight). */
export function minuteOnAxis(ms: number, axis: DayAxis): number {
  if (ms < axis.startMs) return 0;
  if (ms >= axis.endMs) return axis.totalMinutes;
  const elapsed = (ms - axis.startMs) / 60_000;
  if (axis.mode === 'elapsed') return elapsed;
  let wall = axis.startWallMinute + elapsed;
  for (const shift of axis.shifts) if (ms >= shift.atMs) wall += shift.minutes;
  return wall;
}

function wallMinute(ms: number, zone: string): number {
  const t = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return t.hour * 60 + t.minute + t.second / 60 + t.millisecond / 60_000;
}

/** The zone's offset changes inside [startMs, endMs), as wall-clock ranges. */
function transitionsOf(
  startMs: number,
  endMs: number,
  zone: string,
): {
  gaps: WallRange[];
  repeated: WallRange[];
  shifts: { atMs: number; minutes: number }[];
} {
  const gaps: WallRange[] = [];
  const repeated: WallRange[] = [];
  const shifts: { atMs: number; minutes: number }[] = [];
  let cursor = Temporal.Instant.fromEpochMilliseconds(startMs).toZonedDateTimeISO(zone);
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= endMs) break;
    const at = next.epochMilliseconds;
    // A transition at the day's first instant (a skipped midnight) leaves nothing to mark.
    if (at > startMs) {
      const before = Temporal.Instant.fromEpochMilliseconds(at - 1).toZonedDateTimeISO(zone);
      const shift = (next.offsetNanoseconds - before.offsetNanoseconds) / 60e9;
      const after = next.hour * 60 + next.minute;
      if (shift > 0) gaps.push({ from: after - shift, to: after });
      else if (shift < 0) repeated.push({ from: after, to: after - shift });
      if (shift !== 0) shifts.push({ atMs: at, minutes: shift });
    }
    cursor = next;
  }
  return { gaps, repeated, shifts };
}
