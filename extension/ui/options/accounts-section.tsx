// Accounts: connect Google (sign-in window), connect Todoist (OAuth or a pasted API token, checked
// before it is stored), and disconnect (which wipes the account's secrets and data).
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { AccountStatus } from '../../platform/messages';
import { uiDb } from '../db';
import { useAction, useStatus } from '../hooks';
import { send } from '../messaging';

export function AccountsSection() {
  const sources = useLiveQuery(() => uiDb().sources.toArray(), []);
  const { status, refresh } = useStatus(sources?.length);
  const action = useAction();
  const [token, setToken] = useState('');
  const tokenId = useId();
  const accounts = status?.accounts ?? [];

  const connect = (provider: 'google' | 'todoist', withToken?: string) =>
    void action
      .run(() => send({ type: 'connect', provider, ...(withToken ? { token: withToken } : {}) }))
      .then((done) => {
        if (done && withToken) setToken('');
        refresh();
      });

  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">Accounts</h2>
      {action.error ? (
        <div className="alert" role="alert">
          {action.error}
        </div>
      ) : null}
      {accounts.length === 0 ? <p className="muted">No account connected yet.</p> : null}
      {accounts.map((a) => (
        <AccountLine key={a.sourceId} account={a} onChanged={refresh} />
      ))}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={action.busy}
          onClick={() => connect('google')}
        >
          Connect Google Calendar
        </button>
        <button type="button" disabled={action.busy} onClick={() => connect('todoist')}>
          Connect Todoist
        </button>
      </div>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) connect('todoist', token.trim());
        }}
      >
        <label htmlFor={tokenId}>Or paste a Todoist API token</label>
        <input
          id={tokenId}
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder="API token"
          title="Todoist → Settings → Integrations → Developer"
        />
        <button type="submit" disabled={action.busy || token.trim() === ''}>
          Check and connect
        </button>
      </form>
    </section>
  );
}

function AccountLine(props: { account: AccountStatus; onChanged: () => void }) {
  const { account } = props;
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const provider = account.provider === 'google' ? 'Google Calendar' : 'Todoist';
  const how =
    account.method === 'chrome'
      ? 'Connected through Chrome’s sign-in'
      : account.method === 'token'
        ? 'Connected with an API token'
        : 'Connected';
  return (
    <div className="account-line" data-account={account.sourceId}>
      <div>
        <strong>{account.label}</strong> <span className="muted">· {provider}</span>
        <div className="muted">{account.signedIn ? how : 'Needs sign-in'}</div>
        {action.error ? <div className="alert">{action.error}</div> : null}
      </div>
      <div className="row">
        {!account.signedIn ? (
          <button
            type="button"
            className="primary small"
            disabled={action.busy}
            onClick={() =>
              void action
                .run(() =>
                  send(
                    account.provider === 'google'
                      ? { type: 'connect', provider: 'google', loginHint: account.label }
                      : // A pasted token that stopped working is replaced with the form below.
                        { type: 'connect', provider: 'todoist' },
                  ),
                )
                .then(props.onChanged)
            }
          >
            Sign in
          </button>
        ) : null}
        {confirming ? (
          <>
            <span className="muted">Remove this account and its data from this browser?</span>
            <button
              type="button"
              className="small danger"
              disabled={action.busy}
              onClick={() =>
                void action
                  .run(() => send({ type: 'disconnect', sourceId: account.sourceId }))
                  .then(props.onChanged)
              }
            >
              Disconnect
            </button>
            <button type="button" className="small" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="small" onClick={() => setConfirming(true)}>
            Disconnect…
          </button>
        )}
      </div>
    </div>
  );
}
