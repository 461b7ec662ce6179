// The new tab's banner of problems (agenda-states.tsx problemsOf): accounts to sign in again, then
// calendars and Todoist accounts whose last sync failed, in words a person can act on.
import { describe, expect, it } from 'vitest';
import type { ScopeState } from '../../../extension/store/records';
import { calendarScope, todoistScope } from '../../../extension/sync/scope';
import { problemsOf } from '../../../extension/ui/agenda/agenda-states';
import { calendar } from './fixtures';

const at = 1_736_182_800_000;
const actions = { signIn: () => undefined, retry: () => undefined };
const work = calendar();

function failing(scope: string, lastError: ScopeState['lastError']): ScopeState {
  return { scope, status: 'retrying', lastError } as ScopeState;
}

describe('the new tab’s problems', () => {
  it('says why a calendar or Todoist did not sync in words, not the engine’s text', () => {
    const problems = problemsOf(
      [],
      [
        failing(calendarScope(work.sourceId, work.id).id, {
          name: 'Transient',
          message: 'network error on events.list',
          at,
        }),
        failing(todoistScope('todoist.1').id, {
          name: 'RateLimited',
          message: 'HTTP 429',
          at,
          status: 429,
        }),
      ],
      [work],
      actions,
    );
    expect(problems.map((p) => p.text)).toEqual([
      'Couldn’t sync Work: Could not reach the server (offline?)',
      'Couldn’t sync Todoist: Too many requests — waiting before trying again',
    ]);
  });

  it('says calendars failing alike in one line, with one Retry for them all', () => {
    const names = ['Work', 'Family', 'Gym', 'Birthdays'];
    const calendars = names.map((summary, i) =>
      calendar({ summary, id: `c${i}@example.com`, key: `g1:c${i}` }),
    );
    const offline = { name: 'Transient', message: 'network error on events.list', at };
    const scopes = calendars.map((c) => calendarScope(c.sourceId, c.id).id);
    const retried: string[] = [];
    const problems = problemsOf(
      [],
      [
        ...scopes.map((scope) => failing(scope, offline)),
        failing(todoistScope('todoist.1').id, offline),
      ],
      calendars,
      { signIn: () => undefined, retry: (scope) => retried.push(scope) },
    );
    expect(problems.map((p) => p.text)).toEqual([
      'Couldn’t sync Work, Family and 2 more calendars: Could not reach the server (offline?)',
      'Couldn’t sync Todoist: Could not reach the server (offline?)',
    ]);
    problems[0]?.action?.run();
    expect(retried).toEqual(scopes);
    // Two alike, and one failing for another reason.
    const two = problemsOf(
      [],
      [
        failing(scopes[0]!, offline),
        failing(scopes[1]!, offline),
        failing(scopes[2]!, { name: 'RateLimited', message: 'HTTP 429', at, status: 429 }),
      ],
      calendars,
      actions,
    );
    const three = problemsOf(
      [],
      scopes.slice(0, 3).map((scope) => failing(scope, offline)),
      calendars,
      actions,
    );
    expect(three[0]?.text).toBe(
      'Couldn’t sync Work, Family and 1 more calendar: Could not reach the server (offline?)',
    );
    expect(two.map((p) => p.text)).toEqual([
      'Couldn’t sync Work and Family: Could not reach the server (offline?)',
      'Couldn’t sync Gym: Too many requests — waiting before trying again',
    ]);
  });
});
