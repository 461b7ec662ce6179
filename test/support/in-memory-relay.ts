// The relay's own app and hub logic (relay/app.ts over relay/memory-ports.ts — what the Durable
// Objects run, in memory) for in-process benches and engine tests, counting what its hubs logged
// so a driver on a ManualClock can wait until the client's stream has carried all of it.
import { createRelayApp } from '../../relay/app';
import { createMemoryPorts, type MemoryRelayPorts } from '../../relay/memory-ports';
import type { RelayPorts, RelaySecrets } from '../../relay/ports';
import { inProcessFetch } from '../emulators/common/in-process';

export interface InMemoryRelay {
  /** The relay's HTTP surface (any host). */
  readonly fetch: typeof fetch;
  readonly ports: MemoryRelayPorts;
  /** Notifications appended to any subscriber's log so far (redeliveries not counted). */
  logged(): number;
}

export function createInMemoryRelay(opts: {
  secrets: RelaySecrets;
  now: () => number;
}): InMemoryRelay {
  const ports = createMemoryPorts({ secrets: opts.secrets, now: opts.now });
  let logged = 0;
  const counted: RelayPorts = {
    ...ports,
    hub: (id) => {
      const hub = ports.hub(id);
      return {
        ...hub,
        append: async (key, n) => {
          const result = await hub.append(key, n);
          if (result.status === 'appended') logged += 1;
          return result;
        },
      };
    },
  };
  return { fetch: inProcessFetch(createRelayApp(counted)), ports, logged: () => logged };
}
