// One calendar in the popup: color, name, event count, and its sync state in words.

import { describeError } from '../error-text';
import type { CalendarView } from '../popup-model';
import { plural, timeAgo, timeUntil } from '../relative-time';

export function CalendarRow(props: {
  view: CalendarView;
  now: number;
  onRetry: (scope: string) => void;
  retrying: boolean;
  /** What the count counts (default "event"). */
  noun?: string;
}) {
  const { view } = props;
  return (
    <li className="calendar-row" data-calendar={view.key}>
      <span className="swatch" style={{ background: view.color }} aria-hidden="true" />
      <span className="name" title={view.title}>
        {view.title}
      </span>
      <span className="count">{plural(view.events, props.noun ?? 'event')}</span>
      <Phase {...props} />
    </li>
  );
}

function Phase(props: {
  view: CalendarView;
  now: number;
  onRetry: (scope: string) => void;
  retrying: boolean;
}) {
  const { view, now } = props;
  const phase = view.phase;
  switch (phase.kind) {
    case 'syncing': {
      const a = phase.activity;
      const detail =
        a.pages > 0 ? ` — ${plural(a.pages, 'page')}, ${plural(a.items, 'change')}` : '';
      return (
        <span className="status" role="status">
          {view.synced ? 'Syncing…' : 'First sync…'}
          {detail}
        </span>
      );
    }
    case 'needs-sign-in':
      return <span className="status warn">Needs sign-in</span>;
    case 'error':
      return (
        <span className="status error" role="alert">
          <span title={phase.error.message}>
            Sync failed: {describeError(phase.error)}
            {phase.retryAt !== null ? (
              <span className="muted"> · retrying {timeUntil(phase.retryAt, now)}</span>
            ) : null}
          </span>
          <button
            type="button"
            className="small"
            disabled={props.retrying}
            onClick={() => props.onRetry(view.scope)}
            aria-label={`Retry syncing ${view.title}`}
          >
            {props.retrying ? 'Retrying…' : 'Retry'}
          </button>
        </span>
      );
    case 'synced':
      return <span className="status">Synced {timeAgo(phase.at, now)}</span>;
    case 'waiting':
      return <span className="status">Waiting for its first sync</span>;
  }
}
