// Live-or-polling, told truthfully: "Live" only while the relay's stream is open and ready AND
// covers every synced calendar and account (relay status `coverage`); a calendar Google would not
// watch, or a Todoist account connected with a pasted token, keeps polling and is named. Otherwise
// Almanac polls on its safety interval, and says why the relay is not live.
import type { Status } from '../../platform/messages';
import { DEFAULT_SCHEDULE } from '../../sync/scheduler';

export interface PushLine {
  readonly live: boolean;
  /** "Live" / "Polling · every 15 min". */
  readonly label: string;
  /** "Relay unreachable · retrying in 40 s" / "Connecting to the relay…". */
  readonly detail?: string;
  /** The part of `detail` that changes with the state only ("Relay unreachable · retrying"),
   * when the rest is a countdown: only it is a live region (the pages re-render every few
   * seconds, and each new count was read out). */
  readonly steady?: string;
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
  const every = pollEvery(status);
  if (relay.state === 'live') {
    const polled = relay.coverage?.polled ?? [];
    if (polled.length === 0) {
      return {
        live: true,
        label: 'Live',
        title: 'Changes arrive within seconds through the relay.',
      };
    }
    const names = listOf(polled);
    if ((relay.coverage?.pushed ?? 0) === 0) {
      return {
        live: false,
        label: `Polling · ${every}`,
        detail: 'Relay connected · nothing watched yet',
        title: `The relay is connected, but no change of ${names} reaches it yet; Almanac checks ${every}.`,
      };
    }
    const total = polled.length + (relay.coverage?.pushed ?? 0);
    return {
      live: true,
      label: 'Partly live',
      // No interval here: calendars poll on the user's setting, Todoist accounts on their own
      // (scheduler.ts), and one number for both would be wrong for one of them.
      detail: polled.length === 1 ? `${names}: polling` : `${polled.length} of ${total} polling`,
      title: `Changes arrive within seconds through the relay, except for ${names}, which Almanac polls on its regular schedule.`,
    };
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
      steady: 'Relay unreachable · retrying',
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
  const polling = `polling ${pollEvery(status)}`;
  if (!status.relayConfigured) return `Not configured — ${polling}`;
  switch (relay.state) {
    case 'live': {
      const polled = relay.coverage?.polled ?? [];
      if (polled.length === 0) return 'Live — changes arrive within seconds';
      if ((relay.coverage?.pushed ?? 0) === 0) {
        return `Connected — nothing watched yet; ${polling}`;
      }
      return `Live — changes arrive within seconds, except ${listOf(polled)} (${polling})`;
    }
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
      return `Off (no account connected) — ${polling}`;
  }
}

/** How often the connected accounts poll, truthfully: calendars on the user's setting
 * (`pollMinutes`), Todoist accounts on the engine's own interval (scheduler.ts) — "every 15 min",
 * or "every 15 min (tasks every 10 min)" when both kinds are connected and the numbers differ. */
export function pollEvery(status: Status): string {
  const tasks = Math.round(DEFAULT_SCHEDULE.todoistIntervalMs / 60_000);
  const google = status.accounts.some((a) => a.provider === 'google');
  const todoist = status.accounts.some((a) => a.provider === 'todoist');
  if (todoist && !google) return `every ${tasks} min`;
  if (todoist && tasks !== status.pollMinutes) {
    return `every ${status.pollMinutes} min (tasks every ${tasks} min)`;
  }
  return `every ${status.pollMinutes} min`;
}

/** "Holidays" / "Holidays and Todoist (me)" / "Holidays, Birthdays and Todoist (me)". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** `now` drives the "retrying in 40 s" countdown; pages that re-render on a timer pass theirs.
 * `detail: false` shows the pill alone (the popup's narrow header puts the detail on its own
 * line, with PushDetail). */
export function StatusIndicator(props: {
  status: Status | undefined;
  now?: number;
  detail?: boolean;
}) {
  const { status } = props;
  if (!status) return null;
  const line = describePush(status, props.now ?? Date.now());
  return (
    <span className="row" style={{ gap: 6 }}>
      <span className={line.live ? 'pill live' : 'pill'} title={line.title}>
        <span className="dot" aria-hidden="true" /> {line.label}
      </span>
      {props.detail !== false ? <DetailText line={line} /> : null}
    </span>
  );
}

/** The indicator's detail ("Holidays: polling", "Relay unreachable · retrying in 40 s") alone. */
export function PushDetail(props: { status: Status | undefined; now?: number }) {
  if (!props.status) return null;
  const line = describePush(props.status, props.now ?? Date.now());
  // A landmark of its own: its countdown is no longer inside the live region (DetailText), and
  // content outside every landmark is lost to landmark navigation (axe's "region").
  return line.detail ? (
    <section className="push-detail" aria-label="Live updates">
      <DetailText line={line} />
    </section>
  ) : null;
}

function DetailText({ line }: { line: PushLine }) {
  if (!line.detail) return null;
  const steady = line.steady ?? line.detail;
  return (
    <span className="muted" style={{ fontSize: 12 }} title={line.title}>
      <span role="status">{steady}</span>
      {line.detail.slice(steady.length)}
    </span>
  );
}
