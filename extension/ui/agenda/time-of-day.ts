// How a time of day is written ("9:05 AM"): format.ts's times and the saved first frame's now
// line (frame-paint.ts, in the boot script, which must not load format.ts's caches) agree.
export const TIME_OF_DAY: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** A time grid's now line, as assistive technology reads it ("Now, 9:05 AM"). */
export function nowLineLabel(time: string): string {
  return `Now, ${time}`;
}
