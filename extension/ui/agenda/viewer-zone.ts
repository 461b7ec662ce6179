// The zone the new tab shows time in: the runtime's, or — when the runtime reports one that
// Temporal and Intl don't know ("Etc/Unknown" when Chrome can't read the OS's) — the fixed
// offset the clock has now, with a note saying so. Without this the page threw before its
// first render and stayed blank.
import { Temporal } from 'temporal-polyfill';
import { isKnownZone } from '../../sync/known-zone';

export interface ViewerZone {
  readonly zone: string;
  /** What the runtime reported, when it could not be used; `zone` is then a stand-in. */
  readonly unknown?: string;
  /** "UTC", "UTC−5": the stand-in, as the page's note names it. */
  readonly label?: string;
}

/** `reported` and `offsetMinutes` are the runtime's own unless a test says otherwise. */
export function viewerZone(
  reported: string = runtimeZone(),
  offsetMinutes: number = -new Date().getTimezoneOffset(),
): ViewerZone {
  if (isKnownZone(reported)) return { zone: reported };
  return { ...offsetStandIn(offsetMinutes), unknown: reported };
}

function runtimeZone(): string {
  try {
    return Temporal.Now.timeZoneId();
  } catch {
    return String(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }
}

/** A zone that keeps `offsetMinutes` east of UTC all year (no DST: the real zone is unknown). */
export function offsetStandIn(offsetMinutes: number): { zone: string; label: string } {
  if (offsetMinutes === 0 || !Number.isInteger(offsetMinutes)) return { zone: 'UTC', label: 'UTC' };
  const abs = Math.abs(offsetMinutes);
  const hours = Math.floor(abs / 60);
  const minutes = abs % 60;
  const label = `UTC${offsetMinutes < 0 ? '−' : '+'}${hours}${minutes ? `:${pad(minutes)}` : ''}`;
  const candidates = [
    // Etc/GMT's sign is POSIX's, the reverse of ISO's: Etc/GMT+5 is five hours behind UTC.
    ...(minutes === 0 ? [`Etc/GMT${offsetMinutes < 0 ? '+' : '-'}${hours}`] : []),
    // An offset name ("+05:30"): Temporal's, and Intl's in newer engines.
    `${offsetMinutes < 0 ? '-' : '+'}${pad(hours)}:${pad(minutes)}`,
  ];
  const zone = candidates.find(isKnownZone);
  return zone ? { zone, label } : { zone: 'UTC', label: 'UTC' };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
