// What the popup and the options page say about push, from getStatus's answer.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Status } from '../../../extension/platform/messages';
import type { RelayStatus } from '../../../extension/sync/push/relay-status';
import {
  describePush,
  listOf,
  PushDetail,
  pollEvery,
  relayStatusText,
  StatusIndicator,
} from '../../../extension/ui/components/status-indicator';

const NOW = 1_000_000;

function status(relay: RelayStatus, relayConfigured = true): Status {
  return {
    mode: relay.state === 'live' ? 'live' : 'polling',
    pollMinutes: 15,
    relayConfigured,
    relay,
    accounts: [],
    syncing: [],
    nextAlarmAt: undefined,
    queuedQuickAdds: 0,
  };
}

describe('popup: live or polling', () => {
  it('Live with the dot only while the stream is live', () => {
    expect(describePush(status({ state: 'live', since: 0 }), NOW)).toMatchObject({
      live: true,
      label: 'Live',
    });
    expect(describePush(status({ state: 'connecting', since: 0 }), NOW)).toMatchObject({
      live: false,
      label: 'Polling · every 15 min',
      detail: 'Connecting to the relay…',
    });
  });

  it('live over every synced scope: "Live"', () => {
    const all = status({ state: 'live', since: 0, coverage: { pushed: 4, polled: [] } });
    expect(describePush(all, NOW)).toMatchObject({ live: true, label: 'Live' });
    expect(describePush(all, NOW).detail).toBeUndefined();
    expect(relayStatusText(all, NOW)).toBe('Live — changes arrive within seconds');
  });

  it('a calendar Google would not watch: "Partly live", and it is named', () => {
    const one = status({ state: 'live', since: 0, coverage: { pushed: 3, polled: ['Holidays'] } });
    const line = describePush(one, NOW);
    expect(line).toMatchObject({
      live: true,
      label: 'Partly live',
      detail: 'Holidays: polling',
    });
    expect(line.title).toBe(
      'Changes arrive within seconds through the relay, except for Holidays, which Almanac polls on its regular schedule.',
    );
    expect(relayStatusText(one, NOW)).toBe(
      'Live — changes arrive within seconds, except Holidays (polling every 15 min)',
    );
    const two = status({
      state: 'live',
      since: 0,
      coverage: { pushed: 2, polled: ['Holidays', 'Todoist (me)'] },
    });
    expect(describePush(two, NOW).detail).toBe('2 of 4 polling');
    expect(describePush(two, NOW).title).toContain('except for Holidays and Todoist (me),');
  });

  it('stream live but nothing watched yet: not "Live" at all', () => {
    const none = status({ state: 'live', since: 0, coverage: { pushed: 0, polled: ['Work'] } });
    expect(describePush(none, NOW)).toMatchObject({
      live: false,
      label: 'Polling · every 15 min',
      detail: 'Relay connected · nothing watched yet',
    });
    expect(relayStatusText(none, NOW)).toBe(
      'Connected — nothing watched yet; polling every 15 min',
    );
  });

  it('names lists the way people read them', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['A'])).toBe('A');
    expect(listOf(['A', 'B'])).toBe('A and B');
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('retrying: "Relay unreachable · retrying in 40 s", with the reason in the title', () => {
    const line = describePush(
      status({ state: 'retrying', since: 0, lastError: 'HTTP 503', nextRetryAt: NOW + 39_200 }),
      NOW,
    );
    expect(line.detail).toBe('Relay unreachable · retrying in 40 s');
    expect(line.title).toContain('HTTP 503');
    const later = status({ state: 'retrying', since: 0, nextRetryAt: NOW + 150_000 });
    expect(describePush(later, NOW).detail).toBe('Relay unreachable · retrying in 3 min');
  });

  it('the countdown ticks outside the live region: a screen reader hears the state, not every tick', () => {
    const retrying = status({ state: 'retrying', since: 0, nextRetryAt: NOW + 39_200 });
    const text = (html: string) => html.replace(/<[^>]+>/g, '');
    const liveText = (html: string) =>
      [...html.matchAll(/<[^>]*role="status"[^>]*>(.*?)<\/span>/g)].map((m) => text(m[1] ?? ''));
    // The new tab re-renders every 30 s and on every sync, the popup every 5 s.
    for (const view of [StatusIndicator, PushDetail]) {
      const at = (now: number) =>
        renderToStaticMarkup(createElement(view, { status: retrying, now }));
      expect(text(at(NOW))).toContain('Relay unreachable · retrying in 40 s');
      expect(text(at(NOW + 5_000))).toContain('Relay unreachable · retrying in 35 s');
      expect(liveText(at(NOW + 5_000))).toEqual(liveText(at(NOW)));
      expect(liveText(at(NOW))).toEqual(['Relay unreachable · retrying']);
    }
  });

  it('no relay: polling, and says so', () => {
    const line = describePush(status({ state: 'off', since: 0 }, false), NOW);
    expect(line).toMatchObject({ live: false, label: 'Polling · every 15 min' });
    expect(line.detail).toBeUndefined();
    expect(line.title).toMatch(/No relay/);
  });
});

describe('options: the relay line', () => {
  it('names each state', () => {
    expect(relayStatusText(status({ state: 'off', since: 0 }, false), NOW)).toBe(
      'Not configured — polling every 15 min',
    );
    expect(relayStatusText(status({ state: 'live', since: 0 }), NOW)).toMatch(/^Live/);
    expect(
      relayStatusText(
        status({
          state: 'retrying',
          since: 0,
          lastError: 'relay unreachable (fetch failed)',
          nextRetryAt: NOW + 5_000,
        }),
        NOW,
      ),
    ).toBe(
      'Relay unreachable: relay unreachable (fetch failed) · retrying in 5 s — polling every 15 min meanwhile',
    );
  });
});

describe('how often Almanac polls, per kind of account', () => {
  const account = (provider: 'google' | 'todoist') => ({
    sourceId: provider,
    provider,
    label: `${provider} (me)`,
    signedIn: true,
  });
  const off = { state: 'off', since: 0 } as const;

  it('Todoist alone polls on its own 10-minute interval, not the calendars’ setting', () => {
    const todoistOnly: Status = { ...status(off), accounts: [account('todoist')] };
    expect(pollEvery(todoistOnly)).toBe('every 10 min');
    expect(describePush(todoistOnly, NOW).label).toBe('Polling · every 10 min');
  });

  it('calendars alone poll on the setting; both kinds name both numbers', () => {
    expect(pollEvery({ ...status(off), accounts: [account('google')] })).toBe('every 15 min');
    const both: Status = { ...status(off), accounts: [account('google'), account('todoist')] };
    expect(pollEvery(both)).toBe('every 15 min (tasks every 10 min)');
    expect(pollEvery({ ...both, pollMinutes: 10 })).toBe('every 10 min');
  });
});
