// Colors: a Google event's own colorId (the fixed event palette of `GET /colors`) wins over its
// calendar's color; Todoist priorities use Todoist's own red / orange / blue, p4 has none.

/** Google's event palette, colorId "1"…"11". */
const GOOGLE_EVENT_COLORS: readonly string[] = [
  '#a4bdfc',
  '#7ae7bf',
  '#dbadff',
  '#ff887c',
  '#fbd75b',
  '#ffb878',
  '#46d6db',
  '#e1e1e1',
  '#5484ed',
  '#51b749',
  '#dc2127',
];

export const FALLBACK_CALENDAR_COLOR = '#9fc6e7';

const HEX = /^#[0-9a-f]{6}$/i;

export function eventColor(colorId: string | undefined, calendarColor: string | undefined): string {
  const own = colorId === undefined ? undefined : GOOGLE_EVENT_COLORS[Number(colorId) - 1];
  if (own) return own;
  return calendarColor && HEX.test(calendarColor) ? calendarColor : FALLBACK_CALENDAR_COLOR;
}

/** Todoist priority 4 = p1 (most urgent) … 1 = p4 (spec §3). */
export function priorityColor(priority: number): string | undefined {
  if (priority >= 4) return '#d1453b';
  if (priority === 3) return '#eb8909';
  if (priority === 2) return '#246fe0';
  return undefined;
}

/** Todoist's own names: priority 4 is shown as "P1". */
export function priorityLabel(priority: number): string {
  const p = Math.min(4, Math.max(1, Math.round(priority)));
  return `P${5 - p}`;
}

/** Black or white, whichever reads better on `background` (WCAG relative luminance). */
export function readableText(background: string): '#000000' | '#ffffff' {
  if (!HEX.test(background)) return '#000000';
  const channel = (i: number) => {
    const c = Number.parseInt(background.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast with black (L + 0.05) / 0.05 vs with white 1.05 / (L + 0.05): equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
