// Accounts: connect Google (sign-in window), connect Todoist (OAuth or a pasted API token, checked
// before it is stored), and disconnect (which wipes the account's secrets and data).
import { useId, useRef, useState } from 'react';
import type { AccountStatus } from '../../platform/messages';
import { useAction } from '../hooks';
import { send } from '../messaging';
import { useAccountStatus } from './account-status';
import { ConfirmStep } from './confirm-step';

export function AccountsSection() {
  const { accounts, error, checking, refresh } = useAccountStatus();
  const action = useAction();
  const [token, setToken] = useState('');
  const [notice, setNotice] = useState<string>();
  const tokenId = useId();
  // A disconnected account's line goes away with the focus in it: the heading takes the focus.
  const heading = useRef<HTMLHeadingElement>(null);
  const disconnected = (account: AccountStatus) => {
    heading.current?.focus();
    setNotice(`${account.label} was disconnected.`);
    refresh();
  };

  const connect = (provider: 'google' | 'todoist', withToken?: string) =>
    void action
      .run(() => send({ type: 'connect', provider, ...(withToken ? { token: withToken } : {}) }))
      .then((done) => {
        if (done && withToken) setToken('');
        if (done) setNotice(undefined);
        refresh();
      });

  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title" ref={heading} tabIndex={-1}>
        Accounts
      </h2>
      {notice ? <p role="status">{notice}</p> : null}
      {error ? (
        <div className="alert row spread" role="alert">
          <span title={error.detail}>{error.text}</span>
          <button type="button" className="small" disabled={checking} onClick={refresh}>
            Retry
          </button>
        </div>
      ) : null}
      {action.error ? (
        <div className="alert" role="alert">
          {action.error}
        </div>
      ) : null}
      {accounts === undefined && !error ? (
        <p className="muted" role="status">
          Checking your accounts…
        </p>
      ) : null}
      {accounts?.length === 0 ? <p className="muted">No account connected yet.</p> : null}
      {accounts?.map((a) => (
        <AccountLine
          key={a.sourceId}
          account={a}
          onChanged={refresh}
          onDisconnected={() => disconnected(a)}
        />
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

function AccountLine(props: {
  account: AccountStatus;
  onChanged: () => void;
  onDisconnected: () => void;
}) {
  const { account } = props;
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
        <ConfirmStep
          small
          label="Disconnect…"
          question="Remove this account and its data from this browser?"
          confirmLabel="Disconnect"
          busy={action.busy}
          onConfirm={async () => {
            const done = await action.run(async () => {
              await send({ type: 'disconnect', sourceId: account.sourceId });
              return true;
            });
            if (done) props.onDisconnected();
            return done === true;
          }}
        />
      </div>
    </div>
  );
}
