// "synced just now" / "3 minutes ago" / "2 hours ago" / "on 5 Mar". Pure: the caller passes now.

export function timeAgo(at: number, now: number): string {
  // (The store holds only times the engine wrote; a row from elsewhere must still read as words.)
  if (!Number.isFinite(at) || !Number.isFinite(now)) return 'at an unknown time';
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const date = new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return `on ${date}`;
}

/** "in 2 minutes" / "in 30 seconds" for the next retry. */
export function timeUntil(at: number, now: number): string {
  if (!Number.isFinite(at) || !Number.isFinite(now)) return 'soon';
  const seconds = Math.max(0, Math.round((at - now) / 1000));
  if (seconds < 60) return seconds <= 1 ? 'now' : `in ${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return `in ${hours} hour${hours === 1 ? '' : 's'}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
