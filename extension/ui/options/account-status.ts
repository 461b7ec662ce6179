// The accounts as the background reports them (getStatus), for the options page. Unlike the shared
// useStatus, a failed answer is kept and shown (with a way to ask again) rather than read as "no
// accounts", and the answer is asked again whenever what it is made of changes in the store:
// the accounts themselves, and which scopes need sign-in (that is what turns an account to
// "Needs sign-in", message-handlers.ts `status`).
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import type { AccountStatus } from '../../platform/messages';
import { uiDb } from '../db';
import { BackgroundError, send } from '../messaging';

export interface AccountStatusState {
  /** Undefined until the first answer. */
  readonly accounts: readonly AccountStatus[] | undefined;
  /** The last ask failed (in words for the page; `detail` keeps the raw message). */
  readonly error: { readonly text: string; readonly detail: string } | undefined;
  readonly checking: boolean;
  readonly refresh: () => void;
}

export function useAccountStatus(): AccountStatusState {
  const storeKey = useLiveQuery(async () => {
    const db = uiDb();
    const [sources, scopes] = await Promise.all([db.sources.toArray(), db.scopes.toArray()]);
    return JSON.stringify([
      sources.map((s) => [s.id, s.label]),
      scopes.filter((s) => s.status === 'needs-sign-in').map((s) => s.scope),
    ]);
  }, []);
  const [tick, setTick] = useState(0);
  const [accounts, setAccounts] = useState<readonly AccountStatus[]>();
  const [error, setError] = useState<AccountStatusState['error']>();
  const [checking, setChecking] = useState(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: asks again when the store or Retry says so.
  useEffect(() => {
    let live = true;
    setChecking(true);
    send({ type: 'getStatus' }).then(
      (status) => {
        if (!live) return;
        setAccounts(status.accounts);
        setError(undefined);
        setChecking(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(describeStatusError(err));
        setChecking(false);
      },
    );
    return () => {
      live = false;
    };
  }, [storeKey, tick]);

  return { accounts, error, checking, refresh: useCallback(() => setTick((t) => t + 1), []) };
}

export function describeStatusError(err: unknown): { text: string; detail: string } {
  // The raw text, for the tooltip (a BackgroundError may carry it apart from its words).
  const detail =
    err instanceof BackgroundError
      ? (err.detail ?? err.message)
      : err instanceof Error
        ? err.message
        : String(err);
  const text =
    err instanceof BackgroundError && err.code === 'unavailable'
      ? 'Couldn’t check your accounts: Almanac’s background isn’t answering.'
      : 'Couldn’t check your accounts.';
  return { text, detail };
}
