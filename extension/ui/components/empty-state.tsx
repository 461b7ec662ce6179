// First run: nothing connected yet.
import { APP_ICON_DATA_URL } from '../../platform/app-icon';

export function EmptyState(props: {
  busy: boolean;
  onConnectGoogle: () => void;
  onOpenOptions: () => void;
}) {
  return (
    <div className="empty">
      <img className="logo" src={APP_ICON_DATA_URL} alt="" />
      <h2>Your calendars, right here</h2>
      <p className="muted">
        Connect Google Calendar to see your events in the browser, even offline. Todoist can be
        added in the options.
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={props.busy}
          onClick={props.onConnectGoogle}
        >
          {props.busy ? 'Waiting for Google…' : 'Connect Google Calendar'}
        </button>
        <button type="button" onClick={props.onOpenOptions}>
          Options
        </button>
      </div>
    </div>
  );
}
