// The options page's account and calendar-list states as markup (react-dom/server, no browser):
// what a person reads before the background has answered and while the calendar list fails.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ScopeState } from '../../extension/store/records';
import { BackgroundError } from '../../extension/ui/messaging';
import { describeStatusError } from '../../extension/ui/options/account-status';
import { AccountsSection } from '../../extension/ui/options/accounts-section';
import { CalendarListNotice } from '../../extension/ui/options/calendar-list-notice';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the accounts section', () => {
  it('says it is checking, not "no account", before the background has answered', () => {
    const html = renderToStaticMarkup(createElement(AccountsSection));
    expect(text(html)).toContain('Checking your accounts…');
    expect(text(html)).not.toContain('No account connected yet');
  });

  it('words a background that is not answering without its internals', () => {
    const err = new BackgroundError(
      'unavailable',
      "Almanac's background is not answering (Error: Could not establish connection. Receiving end does not exist.).",
    );
    expect(describeStatusError(err)).toEqual({
      text: 'Couldn’t check your accounts: Almanac’s background isn’t answering.',
      detail: err.message,
    });
  });
});

describe('a calendar list that cannot be fetched', () => {
  const notAllowed: ScopeState = {
    scope: 'google:calendar-list:google.me@example.com',
    status: 'retrying',
    consecutiveFailures: 3,
    nextRunAt: 1,
    lastError: {
      name: 'RequestRejected',
      message: 'Access Not Configured. Calendar API has not been used in project 1 before.',
      status: 403,
      reason: 'accessNotConfigured',
      at: 0,
    },
  };
  const notice = (state: ScopeState | undefined, extra: { hasCalendars?: boolean } = {}) =>
    renderToStaticMarkup(
      createElement(CalendarListNotice, {
        state,
        hasCalendars: extra.hasCalendars ?? false,
        retrying: false,
        onRetry: () => undefined,
      }),
    );

  it('shows the error as the popup words it, with Retry, not "Fetching…" forever', () => {
    const html = notice(notAllowed);
    expect(html).toContain('role="alert"');
    expect(text(html)).toBe(
      'Calendar list: Refused by the server: Access Not Configured. Calendar API has not been used in project 1 before. Retry',
    );
    // Calendars already listed stay offered; the failing refresh is still said.
    expect(text(notice(notAllowed, { hasCalendars: true }))).toContain('Retry');
  });

  it('is "Fetching…" only while nothing has failed', () => {
    expect(text(notice(undefined))).toBe('Fetching the calendar list…');
    expect(notice(undefined, { hasCalendars: true })).toBe('');
    const parked: ScopeState = { ...notAllowed, status: 'needs-sign-in', nextRunAt: null };
    expect(text(notice(parked))).toBe('Sign in again (under Accounts) to fetch the calendar list.');
  });
});
