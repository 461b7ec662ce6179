// The toolbar popup: per account and calendar "synced N minutes ago" / syncing with first-sync
// progress / the error and Retry / needs sign-in; "Sync now"; polling-or-live; requests today.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { APP_ICON_DATA_URL } from '../../platform/app-icon';
import { AccountCard } from '../components/account-card';
import { EmptyState } from '../components/empty-state';
import { PushDetail, StatusIndicator } from '../components/status-indicator';
import { uiDb } from '../db';
import { useAction, useNow, useStatus } from '../hooks';
import { send } from '../messaging';
import { loadPopupModel } from '../popup-model';
import { plural } from '../relative-time';

export function PopupApp() {
  const db = uiDb();
  const now = useNow();
  // Ticks faster than `now` so "retrying in 40 s" counts down and Live shows up promptly.
  const pushTick = useNow(5_000);
  const model = useLiveQuery(() => loadPopupModel(db, Date.now()), []);
  // Re-ask the background whenever the store moves (a run finished, an account changed) and on
  // every tick: the relay's state lives in the background, not in the store.
  const storeKey = `${model?.lastRun?.seq}|${model?.accounts.map((a) => `${a.source.id}:${a.needsSignIn}`).join('|')}`;
  const { status, error: statusError, refresh } = useStatus(storeKey, pushTick);
  const action = useAction();
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());

  const syncing =
    (status?.syncing.length ?? 0) > 0 ||
    model?.accounts.some(
      (a) => a.calendars.some((c) => c.phase.kind === 'syncing') || a.listActivity !== undefined,
    );

  const syncNow = () => action.run(() => send({ type: 'syncNow' })).then(refresh);
  /** Runs one thing keyed by `key` (a scope or an outbox id), marking it busy meanwhile. */
  const busyWhile = (key: string, work: () => Promise<unknown>) => {
    setRetrying((s) => new Set(s).add(key));
    void action.run(work).finally(() => {
      setRetrying((s) => {
        const next = new Set(s);
        next.delete(key);
        return next;
      });
      refresh();
    });
  };
  const retry = (scope: string) => busyWhile(scope, () => send({ type: 'syncNow', scope }));
  const retryWrite = (outboxId: string) =>
    busyWhile(outboxId, () => send({ type: 'retryWrite', outboxId }));
  const discardWrite = (outboxId: string) =>
    busyWhile(outboxId, () => send({ type: 'discardWrite', outboxId }));
  const signIn = (label: string, provider: 'google' | 'todoist') => {
    if (provider === 'todoist') {
      void browser.runtime.openOptionsPage();
      return;
    }
    void action
      .run(() => send({ type: 'connect', provider: 'google', loginHint: label }))
      .then(refresh);
  };
  const connectGoogle = () =>
    void action.run(() => send({ type: 'connect', provider: 'google' })).then(refresh);
  const openOptions = () => void browser.runtime.openOptionsPage();

  if (model === undefined) return <div className="popup" aria-busy="true" />;
  const empty = model.accounts.length === 0;
  return (
    <div className="popup">
      <header>
        <h1>
          <img src={APP_ICON_DATA_URL} alt="" />
          Almanac
        </h1>
        {!empty ? <StatusIndicator status={status} now={pushTick} detail={false} /> : null}
        {!empty ? (
          <button
            type="button"
            className="primary small"
            onClick={syncNow}
            disabled={action.busy || syncing}
          >
            {syncing ? 'Syncing…' : 'Sync now'}
          </button>
        ) : null}
      </header>
      {!empty ? <PushDetail status={status} now={pushTick} /> : null}
      <main>
        {action.error ? (
          <div className="alert" role="alert">
            {action.error}
          </div>
        ) : null}
        {statusError && !empty ? (
          // The live/polling state and each account's sign-in come from this answer: say why
          // they are missing or stale (cleared by the next answer, asked every few seconds).
          <p className="alert" role="status">
            {statusError}
          </p>
        ) : null}
        {empty ? (
          <EmptyState
            busy={action.busy}
            onConnectGoogle={connectGoogle}
            onOpenOptions={openOptions}
          />
        ) : (
          model.accounts.map((account) => (
            <AccountCard
              key={account.source.id}
              account={account}
              status={status?.accounts.find((a) => a.sourceId === account.source.id)}
              now={now}
              onRetry={retry}
              onSignIn={signIn}
              onRetryWrite={retryWrite}
              onDiscardWrite={discardWrite}
              retrying={retrying}
            />
          ))
        )}
      </main>
      <footer>
        <span className="muted" title="API requests Almanac made today (UTC), all accounts">
          {plural(model.requestsToday, 'request')} today
          {status && status.queuedQuickAdds > 0
            ? ` · ${status.queuedQuickAdds} waiting to be added`
            : ''}
        </span>
        <button type="button" className="link" onClick={openOptions}>
          Options
        </button>
      </footer>
    </div>
  );
}
