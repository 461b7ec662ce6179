// Live-or-polling, told truthfully: "Live" only while the relay's stream is open and ready;
// otherwise Almanac polls on its safety interval, and says why the relay is not live.
import type { Status } from '../../platform/messages';

export interface PushLine {
  readonly live: boolean;
  /** "Live" / "Polling · every 15 min". */
  readonly label: string;
  /** "Relay unreachable · retrying in 40 s" / "Connecting to the relay…". */
  readonly detail?: string;
  readonly title: string;
}

/** "40 s" / "3 min": short enough for the popup's header. */
export function shortDelay(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}

export function describePush(status: Status, now: number): PushLine {
  const { relay } = status;
  const every = `every ${status.pollMinutes} min`;
  if (relay.state === 'live') {
    // Only Todoist is pushed so far (Google watch channels are a later step): with a Google
    // account connected, "Live" alone would promise more than the calendars do.
    return hasGoogle(status)
      ? {
          live: true,
          label: 'Tasks live',
          title: `Task changes arrive within seconds through the relay; calendars are checked ${every}.`,
        }
      : { live: true, label: 'Live', title: 'Changes arrive within seconds through the relay.' };
  }
  const label = `Polling · ${every}`;
  if (!status.relayConfigured) {
    return { live: false, label, title: `No relay is configured: Almanac checks ${every}.` };
  }
  const why = relay.lastError ? ` (${relay.lastError})` : '';
  if (relay.state === 'retrying') {
    const wait =
      relay.nextRetryAt === undefined ? '' : ` in ${shortDelay(relay.nextRetryAt - now)}`;
    return {
      live: false,
      label,
      detail: `Relay unreachable · retrying${wait}`,
      title: `The relay cannot be reached${why}; until it can, Almanac checks ${every}.`,
    };
  }
  if (relay.state === 'connecting') {
    return {
      live: false,
      label,
      detail: 'Connecting to the relay…',
      title: `Connecting to the relay${why}; meanwhile Almanac checks ${every}.`,
    };
  }
  return { live: false, label, title: `Live updates are off; Almanac checks ${every}.` };
}

/** The options page's relay line (its Sync section, under the relay URL). */
export function relayStatusText(status: Status, now: number): string {
  const { relay } = status;
  const polling = `polling every ${status.pollMinutes} min`;
  if (!status.relayConfigured) return `Not configured — ${polling}`;
  switch (relay.state) {
    case 'live':
      return hasGoogle(status)
        ? `Live — task changes arrive within seconds; calendars ${polling}`
        : 'Live — changes arrive within seconds';
    case 'connecting':
      return `Connecting… — ${polling} meanwhile`;
    case 'retrying': {
      const why = relay.lastError ?? 'no answer';
      const wait =
        relay.nextRetryAt === undefined
          ? ''
          : ` · retrying in ${shortDelay(relay.nextRetryAt - now)}`;
      return `Relay unreachable: ${why}${wait} — ${polling} meanwhile`;
    }
    default:
      return `Off (no Todoist account connected) — ${polling}`;
  }
}

function hasGoogle(status: Status): boolean {
  return status.accounts.some((a) => a.provider === 'google');
}

/** `now` drives the "retrying in 40 s" countdown; pages that re-render on a timer pass theirs. */
export function StatusIndicator(props: { status: Status | undefined; now?: number }) {
  const { status } = props;
  if (!status) return null;
  const line = describePush(status, props.now ?? Date.now());
  return (
    <span className="row" style={{ gap: 6 }}>
      <span className={line.live ? 'pill live' : 'pill'} title={line.title}>
        <span className="dot" aria-hidden="true" /> {line.label}
      </span>
      {line.detail ? (
        <span className="muted" style={{ fontSize: 12 }} role="status" title={line.title}>
          {line.detail}
        </span>
      ) : null}
    </span>
  );
}
