import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_IDS } from '../emulators/google/index';
import { beforeEachRequest, isEventsPage2 } from './helpers/fetch-hooks';
import { createHarness, type Harness, START } from './helpers/harness';
import { timedEvent } from './helpers/remote';

const MIN = 60_000;
const DAY = 86_400_000;
const work = CALENDAR_IDS.work;
const eventsPath = '/calendar/v3/calendars/*/events';
let h: Harness;
afterEach(() => h?.store.close());

/** Small pages so one calendar takes several; `failPage2` arms a 503 (×3, beyond the in-run
 * retries) for the next follow-up page. */
async function setup() {
  let failPage2 = false;
  let expirePage2 = false;
  h = await createHarness({
    google: { calendarSync: { maxResults: 40 } },
    wrapFetch: (inner, { google }) =>
      beforeEachRequest((url) => {
        if (!isEventsPage2(url)) return;
        if (failPage2) {
          failPage2 = false;
          google.faults.add({
            match: { method: 'GET', path: eventsPath },
            respond: { status: 503 },
            times: 3,
          });
        }
        if (expirePage2) {
          expirePage2 = false;
          google.expireSyncTokens({ calendarId: work });
        }
      })(inner),
  });
  await h.engine.sync(h.listScope, 'test');
  return {
    armFailure: () => {
      failPage2 = true;
    },
    armExpiry: () => {
      expirePage2 = true;
    },
  };
}

describe('paginated listings', () => {
  it('follows every page of a full listing; the token arrives with the last one', async () => {
    await setup();
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result.pages).toBeGreaterThan(3);
    expect(result.requests).toBe(result.pages);
    const pages = h.listRequests().filter((r) => r.endpoint === 'events.list');
    // spec §1: follow-up pages repeat the query plus pageToken.
    const first = new URLSearchParams(pages[0]?.query);
    for (const page of pages.slice(1)) {
      const q = new URLSearchParams(page.query);
      expect(q.has('pageToken')).toBe(true);
      q.delete('pageToken');
      expect(q.toString()).toBe(first.toString());
    }
    await h.expectConverged(work);
  });

  it('a full listing failing on page 2: no token, nothing deleted, the next run converges', async () => {
    const { armFailure } = await setup();
    armFailure();
    const failed = await h.engine.sync(h.scope(work), 'test');
    expect(failed.outcome).toBe('error');
    expect(failed.state).toMatchObject({ status: 'retrying', consecutiveFailures: 1 });
    expect(failed.state.lastError).toMatchObject({ name: 'Transient', status: 503 });
    expect(await h.cursor(work)).toBeUndefined();
    // Page 1's rows are current truth (idempotent upserts), never a deletion.
    const truth = new Map(h.google.snapshot('demo', work).map((e) => [e.id, e.etag]));
    const partial = await h.stored(work);
    expect(partial.length).toBe(40);
    for (const e of partial) expect(truth.get(e.id)).toBe(e.etag);

    h.clock.set(failed.state.nextRunAt ?? 0);
    const retried = await h.engine.runDue('test');
    expect(retried.find((r) => r.scope === h.scope(work).id)).toMatchObject({
      outcome: 'ok',
      mode: 'full',
    });
    await h.expectConverged(work);
  });

  it('an incremental listing failing on page 2 leaves store and token exactly as they were', async () => {
    const { armFailure } = await setup();
    await h.engine.sync(h.scope(work), 'test');
    const before = await h.cursor(work);
    const rowsBefore = await h.stored(work);
    for (let i = 0; i < 50; i++)
      await h.remote.insert(work, timedEvent(`New ${i}`, START + i * DAY));
    await h.remote.remove(work, rowsBefore.find((e) => !e.seriesId)?.id ?? '');
    h.clock.advance(15 * MIN);
    h.store.writes.reset();
    armFailure();
    const failed = await h.engine.sync(h.scope(work), 'test');
    expect(failed).toMatchObject({ outcome: 'error', mode: 'incremental', changes: 0 });
    expect(h.store.writes.data()).toBe(0);
    expect(await h.cursor(work)).toEqual(before);
    expect(await h.stored(work)).toEqual(rowsBefore);

    h.clock.advance(15 * MIN);
    const ok = await h.engine.sync(h.scope(work), 'test');
    expect(ok).toMatchObject({ outcome: 'ok', mode: 'incremental', fullResync: false });
    expect(ok.pages).toBeGreaterThan(1);
    await h.expectConverged(work);
  });

  it('410 on page 2 of an incremental: wipe the token, full resync, converge, count it', async () => {
    const { armExpiry } = await setup();
    await h.engine.sync(h.scope(work), 'test');
    for (let i = 0; i < 50; i++)
      await h.remote.insert(work, timedEvent(`New ${i}`, START + i * DAY));
    h.clock.advance(15 * MIN);
    armExpiry();
    const since = h.google.log.lastSeq;
    const result = await h.engine.sync(h.scope(work), 'test');
    expect(result).toMatchObject({ outcome: 'ok', mode: 'full', fullResync: true });
    const statuses = h.listRequests(since).map((r) => r.status);
    expect(statuses.slice(0, 2)).toEqual([200, 410]);
    await h.expectConverged(work);
    const run = (await h.store.db.runs.toArray()).at(-1);
    expect(run).toMatchObject({ fullResync: true, outcome: 'ok' });
    const day = new Date(h.clock.now()).toISOString().slice(0, 10);
    const metrics = await h.store.sync.readMetrics(day);
    expect(metrics.find((m) => m.name === 'full-resyncs')?.value).toBe(1);
  });
});
