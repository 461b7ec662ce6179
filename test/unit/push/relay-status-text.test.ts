// What the popup and the options page say about push, from getStatus's answer.
import { describe, expect, it } from 'vitest';
import type { Status } from '../../../extension/platform/messages';
import type { RelayStatus } from '../../../extension/sync/push/relay-status';
import { describePush, relayStatusText } from '../../../extension/ui/components/status-indicator';

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

  it('with a Google account (calendars still poll), live says "Tasks live", not "Live"', () => {
    const withGoogle: Status = {
      ...status({ state: 'live', since: 0 }),
      accounts: [{ sourceId: 'g', provider: 'google', label: 'me@example.com', signedIn: true }],
    };
    expect(describePush(withGoogle, NOW)).toMatchObject({ live: true, label: 'Tasks live' });
    expect(describePush(withGoogle, NOW).title).toContain('calendars are checked every 15 min');
    expect(relayStatusText(withGoogle, NOW)).toBe(
      'Live — task changes arrive within seconds; calendars polling every 15 min',
    );
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
