// The relay as the calendar watcher (sync/google/watch.ts) sees it: where channels must point
// (our subscriber at the configured relay), whether the stream is live, and channel tokens.
import { RELAY_ROUTES } from '../../shared/relay-protocol';
import type { WatchDestination } from '../sync/google/watch-plan';
import type { WatchRelayPort } from '../sync/google/watch-ports';
import type { RelayApi } from '../sync/push/relay-api';
import type { RelayRegistration } from './relay-registration';

export function createRelayWatchPort(deps: {
  readonly relayUrl: () => string;
  readonly registration: RelayRegistration;
  readonly api: RelayApi;
  readonly live: () => boolean;
}): WatchRelayPort {
  const { registration } = deps;
  return {
    /** No relay URL: channels go. A URL but no subscriber held for it (being made, or the URL
     * just changed): channels stay as they are until one exists, then are replaced. */
    async target(): Promise<WatchDestination> {
      if (deps.relayUrl() === '') return 'none';
      const creds = await registration.held();
      return creds ? { relayUrl: creds.relayUrl, subscriberId: creds.subscriberId } : 'unsettled';
    },
    live: deps.live,
    async channelToken(to, channelId) {
      const creds = await registration.held();
      if (!creds || creds.subscriberId !== to.subscriberId) {
        throw new Error('the relay subscriber changed');
      }
      return deps.api.channelToken(creds, channelId);
    },
    hookUrl: (to) => to.relayUrl + RELAY_ROUTES.googleHook,
  };
}
