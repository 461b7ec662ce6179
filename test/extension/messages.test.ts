// Runtime messages: validated with zod, answered with typed errors, never left unanswered.
import { describe, expect, it } from 'vitest';
import { SignInCancelled } from '../../extension/platform/google-sign-in';
import {
  createMessageListener,
  createMessageRouter,
  type Handlers,
  MessageFailure,
} from '../../extension/platform/message-router';
import type { Reply } from '../../extension/platform/messages';
import { AuthExpired, Transient } from '../../extension/sync/errors';

const notCalled = async (): Promise<never> => {
  throw new Error('handler must not run');
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getStatus: notCalled,
    syncNow: notCalled,
    connect: notCalled,
    disconnect: notCalled,
    updateSettings: notCalled,
    setCalendarSelected: notCalled,
    quickAdd: notCalled,
    completeTask: notCalled,
    addTask: notCalled,
    updateTask: notCalled,
    deleteTask: notCalled,
    retryWrite: notCalled,
    discardWrite: notCalled,
    resetAndResync: notCalled,
    ...overrides,
  };
}

describe('message validation', () => {
  const route = createMessageRouter(
    handlers({ syncNow: async (m) => [{ scope: m.scope ?? 'all', outcome: 'ok' }] }),
  );

  it.each([
    [undefined, /Unknown message type null/],
    ['syncNow', /Unknown message type null/],
    [
      { type: 'launchMissiles' },
      /Unknown message type "launchMissiles"; expected one of getStatus/,
    ],
    [{ type: 'syncNow', scope: 42 }, /Invalid message at scope/],
    [{ type: 'syncNow', extra: true }, /Invalid message/],
    [{ type: 'connect', provider: 'outlook' }, /Invalid message at provider/],
    [{ type: 'setCalendarSelected', calendarKey: 'a', selected: 'yes' }, /at selected/],
    [
      { type: 'quickAdd', request: { target: 'google', calendarKey: 'k', text: '  ' } },
      /at request\.text/,
    ],
    [
      { type: 'updateSettings', settings: { safetyPollMinutes: 0 } },
      /at settings\.safetyPollMinutes/,
    ],
    [{ type: 'updateSettings', settings: { relayUrl: 'ftp://x' } }, /at settings\.relayUrl/],
    [{ type: 'completeTask', sourceId: 'todoist.1', taskId: '' }, /at taskId/],
    [{ type: 'completeTask', sourceId: 'todoist.1', taskId: 't', done: 'yes' }, /at done/],
    [{ type: 'addTask', sourceId: 'todoist.1', task: { content: ' ' } }, /at task\.content/],
    [
      { type: 'addTask', sourceId: 'todoist.1', task: { content: 'x', priority: 5 } },
      /at task\.priority/,
    ],
    [{ type: 'updateTask', sourceId: 'todoist.1', taskId: 't', patch: {} }, /at patch/],
    [{ type: 'updateTask', sourceId: 'todoist.1', taskId: 't', patch: { id: 'x' } }, /at patch/],
    [{ type: 'deleteTask', sourceId: 'todoist.1' }, /at taskId/],
    [{ type: 'retryWrite' }, /at outboxId/],
  ])('refuses %j with a clear error', async (raw, message) => {
    const reply = await route(raw);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('bad-message');
      expect(reply.error.message).toMatch(message);
    }
  });

  it('routes a valid message to its handler', async () => {
    expect(await route({ type: 'syncNow', scope: 'google:calendar-list:me' })).toEqual({
      ok: true,
      data: [{ scope: 'google:calendar-list:me', outcome: 'ok' }],
    });
  });
});

describe('handler failures become typed error replies', () => {
  it.each([
    [new MessageFailure('not-implemented', 'later'), 'not-implemented'],
    [new SignInCancelled('closed'), 'cancelled'],
    [new AuthExpired('401'), 'needs-sign-in'],
    [new Transient('503'), 'unavailable'],
    [new TypeError('boom'), 'internal'],
  ])('%s → %s', async (error, code) => {
    const route = createMessageRouter(handlers({ getStatus: async () => Promise.reject(error) }));
    expect(await route({ type: 'getStatus' })).toMatchObject({
      ok: false,
      error: { code, message: error.message },
    });
  });

  it('names a sync failure’s class and status, for the page to say in words', async () => {
    const route = createMessageRouter(
      handlers({
        getStatus: async () => Promise.reject(new Transient('network error on sync')),
        syncNow: async () =>
          Promise.reject(new AuthExpired('401 on calendars.get', { status: 401 })),
      }),
    );
    expect(await route({ type: 'getStatus' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'network error on sync', kind: 'Transient' },
    });
    expect(await route({ type: 'syncNow' })).toMatchObject({
      error: { code: 'needs-sign-in', kind: 'AuthExpired', status: 401 },
    });
  });
});

describe('the onMessage listener', () => {
  it('answers asynchronously through sendResponse and returns true', async () => {
    const route = async (): Promise<Reply> => ({ ok: true, data: 1 });
    const listener = createMessageListener(route, () => 'me');
    const answer = new Promise((resolve) => {
      expect(listener({ type: 'getStatus' }, { id: 'me' }, resolve)).toBe(true);
    });
    expect(await answer).toEqual({ ok: true, data: 1 });
  });

  it('refuses messages from other extensions', async () => {
    const listener = createMessageListener(notCalled, () => 'me');
    const answer = new Promise((resolve) =>
      listener({ type: 'getStatus' }, { id: 'other' }, resolve),
    );
    expect(await answer).toMatchObject({ ok: false, error: { code: 'bad-message' } });
  });
});
