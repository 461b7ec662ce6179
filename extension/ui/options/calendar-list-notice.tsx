// What the options page says about one Google account's calendar list while it has no calendars
// to offer, or while fetching the list fails: the list's scope state (store `scopes`, keyed by
// calendarListScope) tells "still fetching" from "failing" (e.g. a 403 "Access Not Configured" is
// retried with backoff for as long as it lasts) and from "needs sign-in". Worded as in the popup.
import type { ScopeState } from '../../store/records';
import { describeError } from '../error-text';

export function CalendarListNotice(props: {
  state: ScopeState | undefined;
  hasCalendars: boolean;
  retrying: boolean;
  onRetry: () => void;
}) {
  const { state } = props;
  if (state?.status === 'retrying' && state.lastError) {
    return (
      <div className="alert row spread" role="alert">
        <span title={state.lastError.message}>Calendar list: {describeError(state.lastError)}</span>
        <button type="button" className="small" disabled={props.retrying} onClick={props.onRetry}>
          {props.retrying ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    );
  }
  if (props.hasCalendars) return null;
  if (state?.status === 'needs-sign-in') {
    return <p className="muted">Sign in again (under Accounts) to fetch the calendar list.</p>;
  }
  return (
    <p className="muted" role="status">
      Fetching the calendar list…
    </p>
  );
}
