// The page's states around the data: loading, signed out (nothing connected), accounts that need
// signing in again or calendars whose sync is failing (a banner: what was synced is still shown),
// and an unexpected error (a boundary, so one bad row cannot blank the page).
import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';
import type { AccountStatus } from '../../platform/messages';
import type { CalendarRecord, ScopeState } from '../../store/records';
import { calendarScope } from '../../sync/scope';
import { EmptyState } from '../components/empty-state';
import { ErrorBoundary, PageError } from '../components/error-boundary';
import { describeError } from '../error-text';
import { calendarName } from './event-view';

export function Loading() {
  return (
    <div className="agenda-loading" aria-busy="true">
      <span className="visually-hidden">Loading your agenda…</span>
      {[0, 1, 2].map((i) => (
        <div key={i} className="skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}

export function SignedOut(props: { busy: boolean; onConnect: () => void }) {
  return (
    <div className="agenda-signed-out">
      <EmptyState
        busy={props.busy}
        onConnectGoogle={props.onConnect}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />
    </div>
  );
}

export interface Problem {
  readonly key: string;
  readonly text: string;
  readonly action?: { readonly label: string; readonly run: () => void };
}

/** Accounts to sign in again, then calendars whose last sync failed. */
export function problemsOf(
  accounts: readonly AccountStatus[],
  scopes: readonly ScopeState[],
  calendars: readonly CalendarRecord[],
  actions: { signIn: (a: AccountStatus) => void; retry: (scope: string) => void },
): Problem[] {
  const problems: Problem[] = accounts
    .filter((a) => !a.signedIn)
    .map((a) => ({
      key: `account:${a.sourceId}`,
      text: `${a.provider === 'google' ? 'Google' : 'Todoist'} (${a.label}) needs you to sign in again. Showing what was synced before.`,
      action: { label: 'Sign in', run: () => actions.signIn(a) },
    }));
  const byScope = new Map(calendars.map((c) => [calendarScope(c.sourceId, c.id).id, c]));
  // Calendars failing for the same reason are one line (offline, every calendar fails alike:
  // one line each was a wall of alerts, read out whole at each change), with one Retry for all.
  const failing = new Map<string, { why: string; names: string[]; scopes: string[] }>();
  for (const state of scopes) {
    if (state.status !== 'retrying' || !state.lastError) continue;
    const calendar = byScope.get(state.scope);
    const todoist = state.scope.startsWith('todoist:');
    if (!calendar && !todoist) continue;
    // In words, as the popup says it ("network error on events.list" is the engine's text).
    const why = describeError(state.lastError);
    const group = todoist ? `${state.scope}|${why}` : `calendars|${why}`;
    const entry = failing.get(group) ?? { why, names: [], scopes: [] };
    entry.names.push(calendar ? calendarName(calendar) : 'Todoist');
    entry.scopes.push(state.scope);
    failing.set(group, entry);
  }
  for (const { why, names, scopes: failed } of failing.values()) {
    problems.push({
      key: failed.join(' '),
      text: `Couldn’t sync ${namesText(names)}: ${why}`,
      action: {
        label: 'Retry',
        run: () => {
          for (const scope of failed) actions.retry(scope);
        },
      },
    });
  }
  return problems;
}

/** "Work", "Work and Family", "Work, Family and 1 more calendar", "… and 3 more calendars". */
function namesText(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  const more = names.length - 2;
  return `${names[0]}, ${names[1]} and ${more} more ${more === 1 ? 'calendar' : 'calendars'}`;
}

export function ProblemBanner(props: { problems: readonly Problem[] }) {
  if (props.problems.length === 0) return null;
  return (
    <div className="agenda-problems" role="alert">
      {props.problems.map((p) => (
        <p key={p.key}>
          {p.text}
          {p.action ? (
            <button type="button" className="small" onClick={p.action.run}>
              {p.action.label}
            </button>
          ) : null}
        </p>
      ))}
    </div>
  );
}

export function ErrorState(props: { error: Error }) {
  return (
    <PageError
      className="agenda-error"
      title="Almanac couldn’t read your agenda"
      error={props.error}
    />
  );
}

/** The new tab's: what it shows when its render throws. */
export function AgendaErrorBoundary(props: { children: ReactNode }) {
  return (
    <ErrorBoundary fallback={(error) => <ErrorState error={error} />}>
      {props.children}
    </ErrorBoundary>
  );
}
