import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_IDS } from '../emulators/google/index';
import { AUTH_ERROR_BODY } from '../support/google-bodies';
import { createHarness, cycle, type Harness, SOURCE } from './helpers/harness';

const MIN = 60_000;
const work = CALENDAR_IDS.work;
let h: Harness;
afterEach(() => h?.store.close());

/** The next `times` events listings answer 401 authError, whatever the token. */
function rejectTokens(times: number) {
  h.google.faults.add({
    match: { path: '/calendar/v3/calendars/*/events' },
    respond: { status: 401, body: AUTH_ERROR_BODY },
    times,
  });
}

describe('auth', () => {
  it('an access token that expired (1 h) is dropped and renewed once, transparently', async () => {
    h = await createHarness();
    await cycle(h);
    h.clock.advance(75 * MIN);
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result).toMatchObject({ outcome: 'ok', mode: 'incremental', requests: 2 });
    expect(h.tokens.invalidated).toEqual([h.tokens.issued[0]]);
    expect(h.tokens.issued).toHaveLength(2);
  });

  it('401 then a renewed token: the run succeeds with one extra request', async () => {
    h = await createHarness();
    await cycle(h);
    rejectTokens(1);
    h.clock.advance(15 * MIN);
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result).toMatchObject({ outcome: 'ok', requests: 2 });
    expect(result.state.status).toBe('ok');
    expect(h.tokens.invalidated).toHaveLength(1);
  });

  it('401 twice: needs sign-in, never due by itself, token kept; resumes after sign-in', async () => {
    h = await createHarness();
    await cycle(h);
    const before = await h.cursor(work);
    rejectTokens(2);
    h.clock.advance(15 * MIN);
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result).toMatchObject({ outcome: 'error', requests: 2 });
    expect(result.state).toMatchObject({
      status: 'needs-sign-in',
      nextRunAt: null,
      consecutiveFailures: 1,
    });
    expect(result.state.lastError).toMatchObject({
      name: 'AuthExpired',
      status: 401,
      reason: 'authError',
    });
    expect(await h.cursor(work)).toEqual(before);
    h.clock.advance(24 * 60 * MIN);
    expect((await h.engine.dueScopes()).map((s) => s.id)).not.toContain(h.scope(work).id);

    await h.engine.resumeSource(SOURCE);
    expect((await h.engine.dueScopes()).map((s) => s.id)).toContain(h.scope(work).id);
    const resumed = await h.engine.sync(h.scope(work), 'signed-in');
    expect(resumed).toMatchObject({ outcome: 'ok', mode: 'incremental' });
    expect(resumed.state).toMatchObject({ status: 'ok', consecutiveFailures: 0 });
  });

  it('no token at all (signed out): needs sign-in without sending a request', async () => {
    h = await createHarness();
    await cycle(h);
    h.tokens.signedOut = true;
    const since = h.google.log.lastSeq;
    h.clock.advance(15 * MIN);
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result.state).toMatchObject({ status: 'needs-sign-in' });
    expect(h.listRequests(since)).toEqual([]);
  });
});
