// One account in the popup: its calendars (Google) or what it offers (Todoist), the first-sync
// progress, and the way out of "needs sign-in".
import type { AccountStatus } from '../../platform/messages';
import type { AccountView } from '../popup-model';
import { plural } from '../relative-time';
import { CalendarRow } from './calendar-row';
import { FailedWrites } from './failed-writes';
import { ProgressBar } from './progress-bar';

export function AccountCard(props: {
  account: AccountView;
  status: AccountStatus | undefined;
  now: number;
  onRetry: (scope: string) => void;
  onSignIn: (label: string, provider: 'google' | 'todoist') => void;
  /** A refused Todoist write: send again / drop (by outbox id). */
  onRetryWrite: (outboxId: string) => void;
  onDiscardWrite: (outboxId: string) => void;
  retrying: ReadonlySet<string>;
}) {
  const { account, status } = props;
  const { source } = account;
  const label = source.label ?? source.id;
  const google = source.provider === 'google';
  const needsSignIn = account.needsSignIn || status?.signedIn === false;
  return (
    <section className="account" aria-label={`${google ? 'Google' : 'Todoist'} account ${label}`}>
      <h2>
        <span>
          {label} <span className="provider">· {google ? 'Google Calendar' : 'Todoist'}</span>
        </span>
      </h2>
      {needsSignIn ? (
        <div className="notice row spread" role="alert">
          <span>Sign-in expired. Sign in again to keep syncing.</span>
          <button
            type="button"
            className="small primary"
            onClick={() => props.onSignIn(label, source.provider)}
          >
            Sign in
          </button>
        </div>
      ) : null}
      {google ? <GoogleBody {...props} /> : <TodoistBody {...props} />}
    </section>
  );
}

function GoogleBody(props: {
  account: AccountView;
  now: number;
  onRetry: (scope: string) => void;
  retrying: ReadonlySet<string>;
}) {
  const { account, now } = props;
  const running = account.calendars.find((c) => c.phase.kind === 'syncing');
  const firstSync = account.firstSync;
  return (
    <>
      {account.listError ? (
        <div className="alert row spread" role="alert">
          <span>Calendar list: {account.listError}</span>
          {account.listScope ? (
            <button
              type="button"
              className="small"
              onClick={() => props.onRetry(account.listScope!)}
            >
              Retry
            </button>
          ) : null}
        </div>
      ) : null}
      {account.calendars.length === 0 ? (
        <p className="muted" role="status">
          {account.listActivity ? 'Fetching your calendar list…' : 'No calendars selected yet.'}
        </p>
      ) : null}
      {firstSync ? (
        <ProgressBar
          value={firstSync.done}
          max={firstSync.total}
          label={`First sync: ${firstSync.done} of ${plural(firstSync.total, 'calendar')}`}
          {...(running?.phase.kind === 'syncing'
            ? {
                detail: `${running.title}: ${plural(running.phase.activity.pages, 'page')}, ${plural(running.phase.activity.items, 'event')} fetched`,
              }
            : {})}
        />
      ) : null}
      {account.calendars.length > 0 ? (
        <ul className="calendar-list">
          {account.calendars.map((view) => (
            <CalendarRow
              key={view.key}
              view={view}
              now={now}
              onRetry={props.onRetry}
              retrying={props.retrying.has(view.scope)}
            />
          ))}
        </ul>
      ) : null}
    </>
  );
}

function TodoistBody(props: {
  account: AccountView;
  now: number;
  onRetry: (scope: string) => void;
  onRetryWrite: (outboxId: string) => void;
  onDiscardWrite: (outboxId: string) => void;
  retrying: ReadonlySet<string>;
}) {
  const tasks = props.account.tasks;
  return (
    <>
      {tasks ? (
        <FailedWrites
          failed={tasks.failed}
          busy={props.retrying}
          onRetry={props.onRetryWrite}
          onDiscard={props.onDiscardWrite}
        />
      ) : null}
      {tasks ? (
        <ul className="calendar-list">
          <CalendarRow
            view={{
              key: tasks.scope,
              scope: tasks.scope,
              title: 'Tasks',
              color: '#e44332',
              primary: false,
              events: tasks.open,
              synced: tasks.phase.kind === 'synced',
              phase: tasks.phase,
            }}
            noun="open task"
            now={props.now}
            onRetry={props.onRetry}
            retrying={props.retrying.has(tasks.scope)}
          />
        </ul>
      ) : null}
      {tasks && tasks.pending > 0 ? (
        <p className="muted" role="status">
          {plural(tasks.pending, 'change')} waiting to be sent to Todoist
        </p>
      ) : null}
      <p className="muted">
        Quick add: select text on any page, right-click, “Add as Todoist task”.
      </p>
    </>
  );
}
