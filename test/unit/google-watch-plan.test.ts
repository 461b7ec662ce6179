// The watch plan (sync/google/watch-plan.ts): when a calendar needs a channel made, renewed,
// retired or nothing at all, from its row alone.
import { describe, expect, it } from 'vitest';
import type { CalendarWatch, WatchChannel } from '../../extension/store/records';
import { newChannelId } from '../../extension/sync/google/watch-channel';
import {
  afterCreate,
  afterStop,
  DEFAULT_WATCH_POLICY,
  isPushed,
  knowsChannel,
  planCalendar,
  renewAt,
  sameWatch,
  type WatchContext,
} from '../../extension/sync/google/watch-plan';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 0, 6, 12);
const TARGET = { relayUrl: 'https://relay.test', subscriberId: 'sub_0001_abcdefghij' };

function channel(over: Partial<WatchChannel> = {}): WatchChannel {
  return {
    channelId: 'almanac-one',
    resourceId: 'res-1',
    createdAt: NOW - DAY,
    expiration: NOW + 6 * DAY,
    ...TARGET,
    ...over,
  };
}

const ctx = (over: Partial<WatchContext> = {}): WatchContext => ({
  now: NOW,
  target: TARGET,
  live: true,
  policy: DEFAULT_WATCH_POLICY,
  ...over,
});

describe('watch plan', () => {
  it('a synced calendar without a channel gets one, but only while the stream is live', () => {
    expect(planCalendar(undefined, true, ctx())).toEqual({ watch: undefined, create: true });
    expect(planCalendar(undefined, true, ctx({ live: false })).create).toBe(false);
    expect(planCalendar(undefined, true, ctx({ target: 'unsettled' })).create).toBe(false);
    expect(planCalendar(undefined, false, ctx()).create).toBe(false);
  });

  it('a valid channel: nothing to do, nothing rewritten', () => {
    const watch: CalendarWatch = { current: channel() };
    const plan = planCalendar(watch, true, ctx());
    expect(plan.create).toBe(false);
    expect(sameWatch(plan.watch, watch)).toBe(true);
  });

  it('renews a 7-day channel with a day left, a 1-hour one with a quarter of its life left', () => {
    const week = channel({ createdAt: NOW, expiration: NOW + 7 * DAY });
    expect(renewAt(week, DEFAULT_WATCH_POLICY)).toBe(NOW + 6 * DAY);
    expect(planCalendar({ current: week }, true, ctx({ now: NOW + 6 * DAY - 1 })).create).toBe(
      false,
    );
    const due = planCalendar({ current: week }, true, ctx({ now: NOW + 6 * DAY }));
    // A renewal makes the new channel first: the old one stays current until then.
    expect(due).toEqual({ watch: { current: week }, create: true });
    const hour = channel({ createdAt: NOW, expiration: NOW + HOUR });
    expect(renewAt(hour, DEFAULT_WATCH_POLICY)).toBe(NOW + 45 * 60_000);
    // No renewal while the stream is down: the channel keeps delivering to the relay's log.
    expect(
      planCalendar({ current: week }, true, ctx({ now: NOW + 6 * DAY, live: false })).create,
    ).toBe(false);
  });

  it('deselected, account gone or relay cleared: the channel is retired, live or not', () => {
    const current = channel();
    for (const plan of [
      planCalendar({ current }, false, ctx()),
      planCalendar({ current }, true, ctx({ target: 'none', live: false })),
    ]) {
      expect(plan).toEqual({ watch: { retiring: [current] }, create: false });
    }
  });

  it('a relay subscriber not known this moment leaves channels alone', () => {
    const watch: CalendarWatch = { current: channel() };
    const plan = planCalendar(watch, true, ctx({ target: 'unsettled' }));
    expect(plan).toEqual({ watch, create: false });
  });

  it('a channel for another subscriber or relay is replaced: a new one, the old one retired', () => {
    const old = channel({ subscriberId: 'sub_0002_abcdefghij' });
    expect(planCalendar({ current: old }, true, ctx())).toEqual({
      watch: { retiring: [old] },
      create: true,
    });
  });

  it('expired channels are forgotten without a stop call; stale pending markers too', () => {
    const expired = channel({ expiration: NOW - 1 });
    const plan = planCalendar(
      {
        current: expired,
        retiring: [channel({ channelId: 'almanac-old', expiration: NOW })],
        pending: { channelId: 'almanac-lost', since: NOW - 11 * 60_000 },
      },
      true,
      ctx(),
    );
    expect(plan).toEqual({ watch: undefined, create: true });
    // A fresh pending marker: a request in flight; no second one.
    const inFlight = { pending: { channelId: 'almanac-p', since: NOW - 60_000 } };
    expect(planCalendar(inFlight, true, ctx())).toEqual({ watch: inFlight, create: false });
  });

  it('a refused calendar is asked again only after its retry time', () => {
    const failure = {
      at: NOW - HOUR,
      retryAt: NOW - HOUR + DAY,
      message: 'push not supported',
      refused: true,
      status: 400,
    };
    expect(planCalendar({ failure }, true, ctx()).create).toBe(false);
    expect(planCalendar({ failure }, true, ctx({ now: failure.retryAt })).create).toBe(true);
    // Deselecting forgets it: selecting again asks at once.
    expect(planCalendar({ failure }, false, ctx()).watch).toBeUndefined();
  });

  it('afterCreate and afterStop: the overlap, then the old id remembered for late messages', () => {
    const old = channel();
    const fresh = channel({ channelId: 'almanac-two', resourceId: 'res-1', createdAt: NOW });
    const renewed = afterCreate(
      { current: old, pending: { channelId: 'almanac-two', since: NOW } },
      fresh,
    );
    expect(renewed).toEqual({ current: fresh, retiring: [old] });
    expect(knowsChannel(renewed, 'almanac-one')).toBe(true);
    expect(knowsChannel(renewed, 'almanac-two')).toBe(true);
    const stopped = afterStop(renewed, 'almanac-one', DEFAULT_WATCH_POLICY);
    expect(stopped).toEqual({ current: fresh, stopped: ['almanac-one'] });
    expect(knowsChannel(stopped, 'almanac-one')).toBe(true);
    expect(knowsChannel(stopped, 'almanac-three')).toBe(false);
    let many = stopped;
    for (const id of ['a', 'b', 'c', 'd', 'e']) many = afterStop(many, id, DEFAULT_WATCH_POLICY);
    expect(many?.stopped).toEqual(['b', 'c', 'd', 'e']);
  });

  it('pushed: a current, unexpired channel to our relay and subscriber', () => {
    expect(isPushed({ current: channel() }, TARGET, NOW)).toBe(true);
    expect(isPushed({ current: channel({ expiration: NOW }) }, TARGET, NOW)).toBe(false);
    expect(isPushed({ current: channel() }, 'unsettled', NOW)).toBe(false);
    expect(isPushed({ current: channel({ relayUrl: 'https://other' }) }, TARGET, NOW)).toBe(false);
    expect(isPushed(undefined, TARGET, NOW)).toBe(false);
  });

  it('sameWatch ignores the order fields were written in', () => {
    const c = channel();
    expect(sameWatch({ current: c, stopped: ['x'] }, { stopped: ['x'], current: c })).toBe(true);
    expect(sameWatch({ current: c }, { current: { ...c, expiration: 1 } })).toBe(false);
    expect(sameWatch(undefined, {})).toBe(true);
  });

  it('channel ids fit the spec (≤ 64 chars of [A-Za-z0-9-_+/=]) and differ even if random does not', () => {
    const a = newChannelId(() => 0.5, NOW, 1);
    const b = newChannelId(() => 0.5, NOW, 2);
    const c = newChannelId(Math.random, NOW + 7 * DAY, 9_999);
    for (const id of [a, b, c]) expect(id).toMatch(/^[A-Za-z0-9\-_+/=]{1,64}$/);
    expect(a).not.toBe(b);
  });
});
