import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../emulators/common/clock';
import { CALENDAR_IDS, createGoogleEmulator } from '../emulators/google/index';
import { createHarness, cycle, DEMO_CALENDARS, type Harness, START } from './helpers/harness';

const MIN = 60_000;
const work = CALENDAR_IDS.work;
const eventsPath = '/calendar/v3/calendars/*/events';
/** A spec §6 rate-limit answer that asks for `retryAfterS` seconds. */
const rateLimited = (status: number, reason: string, retryAfterS: number) => ({
  status,
  headers: { 'retry-after': String(retryAfterS) },
  body: {
    error: {
      errors: [{ domain: 'usageLimits', reason, message: 'Rate Limit Exceeded' }],
      code: status,
      message: 'Rate Limit Exceeded',
    },
  },
});
let h: Harness;
afterEach(() => h?.store.close());

describe('rate limits and transient failures', () => {
  it('429 with a long Retry-After: the run fails, the token stays, retry not before it', async () => {
    h = await createHarness();
    await cycle(h);
    const before = await h.cursor(work);
    h.google.faults.add({
      match: { path: eventsPath },
      respond: rateLimited(429, 'rateLimitExceeded', 600),
      times: 1,
    });
    h.clock.advance(15 * MIN);
    const at = h.clock.now();
    const failed = await h.engine.sync(h.scope(work), 'test');
    expect(failed).toMatchObject({ outcome: 'error', requests: 1 });
    expect(failed.state).toMatchObject({ status: 'retrying', consecutiveFailures: 1 });
    expect(failed.state.lastError).toMatchObject({
      name: 'RateLimited',
      status: 429,
      retryAfterMs: 600_000,
    });
    expect(failed.state.nextRunAt).toBeGreaterThanOrEqual(at + 600_000);
    expect(await h.cursor(work)).toEqual(before);

    h.clock.set(failed.state.nextRunAt ?? 0);
    const ok = await h.engine.sync(h.scope(work), 'test');
    expect(ok).toMatchObject({ outcome: 'ok', mode: 'incremental', fullResync: false });
    expect(ok.state.consecutiveFailures).toBe(0);
  });

  it('403 userRateLimitExceeded with a short Retry-After is waited out within the run', async () => {
    h = await createHarness();
    await cycle(h);
    h.google.faults.add({
      match: { path: eventsPath },
      respond: rateLimited(403, 'userRateLimitExceeded', 2),
      times: 1,
    });
    h.clock.advance(15 * MIN);
    const at = h.clock.now();
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result).toMatchObject({ outcome: 'ok', requests: 2 });
    // A faulted request is logged before any route names its endpoint: read the raw log.
    const [first, second] = h.google.log.entries().slice(-2);
    expect(first?.status).toBe(403);
    expect((second?.at ?? 0) - at).toBeGreaterThanOrEqual(2_000);
  });

  it('two 503s are retried within the run (three attempts) and it converges', async () => {
    h = await createHarness();
    await cycle(h);
    h.google.faults.add({ match: { path: eventsPath }, respond: { status: 503 }, times: 2 });
    h.clock.advance(15 * MIN);
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result).toMatchObject({ outcome: 'ok', requests: 3 });
    await h.expectConverged(work);
  });

  it("the emulator's own per-minute quota: failing scopes back off and all converge", async () => {
    const clock = new ManualClock(START);
    const emulator = createGoogleEmulator({ clock, seed: 'demo', rateLimitPerMinute: 3 });
    h = await createHarness({ clock, emulator });
    const first = await cycle(h);
    expect(first.filter((r) => r.outcome === 'error').length).toBeGreaterThan(0);
    for (const r of first.filter((x) => x.outcome === 'error')) {
      expect(r.state.lastError).toMatchObject({
        name: 'RateLimited',
        status: 403,
        reason: 'userRateLimitExceeded',
      });
    }
    for (let i = 0; i < 30; i++) {
      h.clock.advance(MIN);
      await cycle(h);
    }
    for (const id of DEMO_CALENDARS) await h.expectConverged(id);
    // The quota answers before a route names the endpoint: count on the raw log.
    expect(h.google.log.entries().filter((e) => e.status === 403).length).toBeGreaterThan(0);
  });

  it('repeated 5xx: each failed run backs off further, and the token is never dropped', async () => {
    h = await createHarness();
    await cycle(h);
    const before = await h.cursor(work);
    h.google.faults.add({ match: { path: eventsPath }, respond: { status: 500 } });
    const delays: number[] = [];
    for (let i = 1; i <= 4; i++) {
      h.clock.advance(15 * MIN);
      const at = h.clock.now();
      const failed = await h.engine.sync(h.scope(work), 'test');
      expect(failed.state).toMatchObject({ status: 'retrying', consecutiveFailures: i });
      delays.push((failed.state.nextRunAt ?? 0) - at);
    }
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(30_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(2 * 60 * MIN);
    expect(await h.cursor(work)).toEqual(before);
    h.google.faults.clear();
    h.clock.advance(2 * 60 * MIN);
    expect(await h.engine.sync(h.scope(work), 'test')).toMatchObject({
      outcome: 'ok',
      fullResync: false,
    });
  });
});
