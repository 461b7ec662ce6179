// Google watch channels end to end in one process (google-watch-world.ts): the calendar watcher
// makes, renews and stops channels against the emulator; the emulator's deliveries travel the
// relay's own app and SSE stream to the router, which runs the engine. Request logs asserted.
import { afterEach, describe, expect, it } from 'vitest';
import { setCalendarSelected } from '../../extension/store/calendar-selection';
import { calendarKey } from '../../extension/sync/scope';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createWatchWorld, RELAY_URL, type WatchWorld } from './google-watch-world';
import { cycle, DEMO_CALENDARS, SOURCE } from './helpers/harness';
import { createRemote, timedEvent } from './helpers/remote';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let w: WatchWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

/** A world whose calendars are synced and watched. */
async function watched(): Promise<WatchWorld> {
  const world = await createWatchWorld();
  await cycle(world.h);
  const summary = await world.watcher.maintain();
  expect(summary).toEqual({ created: DEMO_CALENDARS.length, stopped: 0, failed: 0 });
  await world.settle();
  return world;
}

const pushRuns = async (world: WatchWorld, calendarId: string) =>
  (await world.runs(calendarId)).filter((r) => r.reason === 'push');

describe('Google watch channels (engine, emulator, the relay in memory)', () => {
  it('while the stream is live, every synced calendar gets one channel to the relay', async () => {
    w = await watched();
    const calls = w.channelCalls();
    expect(calls.map((c) => c.endpoint)).toEqual(DEMO_CALENDARS.map(() => 'events.watch'));
    const channels = w.h.google.channels();
    expect(channels).toHaveLength(DEMO_CALENDARS.length);
    for (const calendarId of DEMO_CALENDARS) {
      const watch = await w.watchOf(calendarId);
      const channel = channels.find((c) => c.id === watch?.current?.channelId);
      expect(channel, calendarId).toMatchObject({
        address: `${RELAY_URL}/hooks/google`,
        resourceId: watch?.current?.resourceId,
        expiration: watch?.current?.expiration,
      });
      // The relay's token, bound to our subscriber (it routed the `sync` message below).
      expect(channel?.token).toMatch(new RegExp(`^v1\\.${w.creds.subscriberId}\\.`));
      expect(watch?.current).toMatchObject({
        relayUrl: RELAY_URL,
        subscriberId: w.creds.subscriberId,
      });
      expect(watch?.current?.expiration).toBe(w.h.clock.now() + 7 * DAY);
    }
    // Each channel's first message (`sync`) reached us and caused no run.
    const sync = w.h.google.push
      .history()
      .filter((d) => d.headers['X-Goog-Resource-State'] === 'sync');
    expect(sync.map((d) => d.outcome)).toEqual(DEMO_CALENDARS.map(() => 'delivered'));
    for (const calendarId of DEMO_CALENDARS) expect(await pushRuns(w, calendarId)).toEqual([]);

    // A second pass over healthy channels: no API call, no write.
    const since = w.h.google.log.lastSeq;
    w.h.store.writes.reset();
    expect(await w.watcher.maintain()).toEqual({ created: 0, stopped: 0, failed: 0 });
    expect(w.channelCalls(since)).toEqual([]);
    expect(w.h.store.writes.byTable().calendars ?? 0).toBe(0);
  });

  it('a remote change: exactly one incremental push run of that calendar, no other', async () => {
    w = await watched();
    const since = w.h.google.log.lastSeq;
    const made = await w.h.remote.insert(
      CALENDAR_IDS.personal,
      timedEvent('Dentist', w.h.clock.now() + DAY),
    );
    await w.settle();
    expect(await pushRuns(w, CALENDAR_IDS.personal)).toEqual([
      { reason: 'push', mode: 'incremental' },
    ]);
    for (const other of DEMO_CALENDARS.filter((c) => c !== CALENDAR_IDS.personal)) {
      expect(await pushRuns(w, other)).toEqual([]);
    }
    expect((await w.h.stored(CALENDAR_IDS.personal)).map((e) => e.id)).toContain(made.id);
    // One listing, and nothing else (remote writes are not the engine's).
    expect(w.h.listRequests(since).map((e) => e.endpoint)).toEqual(['events.list']);
    await w.h.expectConverged(CALENDAR_IDS.personal);
  });

  it('renewal: a new channel first, then the old one stopped; both route during the overlap', async () => {
    w = await watched();
    const first = await w.watchOf(CALENDAR_IDS.work);
    // Less than a day left: the next pass renews. The first stop fails (the 503 outlasts the
    // in-run retries), so for a while both channels deliver.
    w.h.clock.advance(6 * DAY + HOUR);
    w.h.google.faults.add({
      match: { method: 'POST', path: '/calendar/v3/channels/stop' },
      respond: { status: 503 },
      times: 3 * DEMO_CALENDARS.length,
    });
    const since = w.h.google.log.lastSeq;
    expect(await w.watcher.maintain()).toMatchObject({ created: 4, stopped: 0 });
    await w.settle();
    const overlap = await w.watchOf(CALENDAR_IDS.work);
    expect(overlap?.current?.channelId).not.toBe(first?.current?.channelId);
    expect(overlap?.retiring?.map((c) => c.channelId)).toEqual([first?.current?.channelId]);
    expect(w.h.google.channels()).toHaveLength(2 * DEMO_CALENDARS.length);

    // A change now reaches us twice (old and new channel): the router folds them into ONE run.
    // (A fresh remote client: the first one's token expired days ago.)
    const remote = createRemote(w.h.google, 'demo');
    await remote.insert(CALENDAR_IDS.work, timedEvent('Standup', w.h.clock.now() + HOUR));
    await w.settle();
    const exists = w.h.google.push
      .history()
      .filter((d) => d.headers['X-Goog-Resource-State'] === 'exists');
    expect(exists.map((d) => d.headers['X-Goog-Channel-ID']).sort()).toEqual(
      [first?.current?.channelId, overlap?.current?.channelId].sort(),
    );
    expect(await pushRuns(w, CALENDAR_IDS.work)).toEqual([{ reason: 'push', mode: 'incremental' }]);

    // The next pass stops the old channels; their ids still route (late messages in the log).
    expect(await w.watcher.maintain()).toMatchObject({ created: 0, stopped: 4 });
    const after = await w.watchOf(CALENDAR_IDS.work);
    expect(after?.retiring).toBeUndefined();
    expect(after?.stopped).toEqual([first?.current?.channelId]);
    expect(w.h.google.channels()).toHaveLength(DEMO_CALENDARS.length);
    // (The first watch met a 401 — the access token expired days ago — and was resent once.)
    expect(w.channelCalls(since).filter((c) => c.status === 401)).toHaveLength(1);
    const calls = w.channelCalls(since).filter((c) => c.status < 400);
    expect(calls.map((c) => c.endpoint).sort()).toEqual([
      ...DEMO_CALENDARS.map(() => 'channels.stop'),
      ...DEMO_CALENDARS.map(() => 'events.watch'),
    ]);
    // The 503s: three tries of each stop in the first pass (the http layer's in-run retries).
    expect(w.channelCalls(since).filter((c) => c.status === 503)).toHaveLength(12);
  });

  it('deselecting a calendar stops its channel', async () => {
    w = await watched();
    const key = calendarKey(SOURCE, CALENDAR_IDS.family);
    const before = await w.watchOf(CALENDAR_IDS.family);
    const since = w.h.google.log.lastSeq;
    await setCalendarSelected(w.h.store.db, key, false);
    expect(await w.watcher.maintain()).toEqual({ created: 0, stopped: 1, failed: 0 });
    expect(w.channelCalls(since).map((c) => [c.path, c.status])).toEqual([
      ['/calendar/v3/channels/stop', 204],
    ]);
    expect(w.h.google.channels().map((c) => c.id)).not.toContain(before?.current?.channelId);
    expect(await w.watchOf(CALENDAR_IDS.family)).toEqual({
      stopped: [before?.current?.channelId],
    });
  });

  it('the relay cleared: every channel stops; a new subscriber: channels are replaced', async () => {
    w = await watched();
    w.destination = { relayUrl: RELAY_URL, subscriberId: 'sub_other_subscriber_1' };
    // The token port still issues for the old subscriber here; what matters is the plan: each
    // channel for another subscriber is replaced by a new one, then stopped.
    expect(await w.watcher.maintain()).toMatchObject({ created: 4, stopped: 4 });
    w.destination = 'unsettled';
    const since = w.h.google.log.lastSeq;
    expect(await w.watcher.maintain()).toEqual({ created: 0, stopped: 0, failed: 0 });
    expect(w.channelCalls(since)).toEqual([]);
    w.destination = 'none';
    expect(await w.watcher.maintain()).toEqual({ created: 0, stopped: 4, failed: 0 });
    expect(w.h.google.channels()).toEqual([]);
  });

  it('a calendar Google refuses keeps polling, and is asked again only a day later', async () => {
    w = await createWatchWorld();
    await cycle(w.h);
    const holidays = `/calendar/v3/calendars/${encodeURIComponent(CALENDAR_IDS.holidays)}/events/watch`;
    w.h.google.faults.add({
      match: { method: 'POST', path: holidays },
      respond: {
        status: 400,
        body: {
          error: {
            errors: [
              {
                domain: 'global',
                reason: 'pushNotSupportedForRequestedResource',
                message: 'Push notifications are not supported by this resource.',
              },
            ],
            code: 400,
            message: 'Push notifications are not supported by this resource.',
          },
        },
      },
    });
    expect(await w.watcher.maintain()).toEqual({ created: 3, stopped: 0, failed: 1 });
    const failure = (await w.watchOf(CALENDAR_IDS.holidays))?.failure;
    expect(failure).toMatchObject({ refused: true, status: 400, retryAt: w.h.clock.now() + DAY });

    // Hourly passes for the rest of the day: not one more request for it.
    const since = w.h.google.log.lastSeq;
    for (let hour = 1; hour < 24; hour++) {
      w.h.clock.advance(HOUR);
      expect(await w.watcher.maintain()).toEqual({ created: 0, stopped: 0, failed: 0 });
    }
    expect(w.channelCalls(since)).toEqual([]);
    w.h.clock.advance(HOUR);
    expect(await w.watcher.maintain()).toEqual({ created: 0, stopped: 0, failed: 1 });
    expect(w.channelCalls(since).map((c) => c.path)).toEqual([holidays]);
  });

  it('a passing failure (503) is retried after 30 minutes, not on every pass', async () => {
    w = await createWatchWorld();
    await cycle(w.h);
    w.h.google.faults.add({
      match: { method: 'POST', path: '/calendar/v3/calendars/*/events/watch' },
      respond: { status: 503 },
      times: 3 * DEMO_CALENDARS.length,
    });
    expect(await w.watcher.maintain()).toEqual({ created: 0, stopped: 0, failed: 4 });
    expect(await w.watcher.maintain()).toEqual({ created: 0, stopped: 0, failed: 0 });
    w.h.clock.advance(30 * 60_000);
    expect(await w.watcher.maintain()).toEqual({ created: 4, stopped: 0, failed: 0 });
  });

  it('a channel id Google says is taken is replaced by a new one at once, not a refusal', async () => {
    w = await createWatchWorld();
    await cycle(w.h);
    w.h.google.faults.add({
      match: { method: 'POST', path: '/calendar/v3/calendars/*/events/watch' },
      respond: {
        status: 400,
        body: {
          error: {
            errors: [
              { domain: 'global', reason: 'channelIdNotUnique', message: 'Channel id not unique' },
            ],
            code: 400,
            message: 'Channel id not unique',
          },
        },
      },
      times: 1,
    });
    expect(await w.watcher.maintain()).toEqual({ created: 4, stopped: 0, failed: 0 });
    const paths = w.channelCalls().map((c) => c.path);
    expect(paths).toHaveLength(5);
    expect(paths[0]).toBe(paths[1]);
  });

  it("channel calls are counted in the day's metrics, like a run's requests", async () => {
    w = await watched();
    const day = new Date(w.h.clock.now()).toISOString().slice(0, 10);
    const metrics = await w.h.store.sync.readMetrics(day);
    expect(metrics.find((m) => m.name === 'requests:events.watch')?.value).toBe(4);
    await setCalendarSelected(w.h.store.db, calendarKey(SOURCE, CALENDAR_IDS.family), false);
    await w.watcher.maintain();
    const after = await w.h.store.sync.readMetrics(day);
    expect(after.find((m) => m.name === 'requests:channels.stop')?.value).toBe(1);
  });

  it('no channel is made while the stream is down; none is stopped either', async () => {
    w = await createWatchWorld();
    await cycle(w.h);
    await w.client.stop();
    expect(await w.watcher.maintain()).toEqual({ created: 0, stopped: 0, failed: 0 });
    expect(w.channelCalls()).toEqual([]);
  });

  it('a channel no calendar knows is stopped once, with the resourceId its message carries', async () => {
    w = await watched();
    // The row forgot its channel (say, the worker stopped between Google's answer and our write).
    const key = calendarKey(SOURCE, CALENDAR_IDS.work);
    const orphan = (await w.watchOf(CALENDAR_IDS.work))?.current;
    await w.h.store.db.calendars.update(key, { watch: undefined });
    const since = w.h.google.log.lastSeq;
    await w.h.remote.insert(CALENDAR_IDS.work, timedEvent('Lunch', w.h.clock.now() + HOUR));
    await w.settle();
    expect(await pushRuns(w, CALENDAR_IDS.work)).toEqual([]);
    expect(w.channelCalls(since).map((c) => [c.path, c.status])).toEqual([
      ['/calendar/v3/channels/stop', 204],
    ]);
    expect(w.h.google.channels().map((c) => c.id)).not.toContain(orphan?.channelId);
    // A message that names a channel of ours (a late one of a renewed channel) is no stranger.
    const known = (await w.watchOf(CALENDAR_IDS.personal))?.current;
    await w.watcher.stranger({
      channelId: known?.channelId ?? '',
      resourceId: known?.resourceId ?? '',
    });
    expect(w.channelCalls(since)).toHaveLength(1);
  });
});
