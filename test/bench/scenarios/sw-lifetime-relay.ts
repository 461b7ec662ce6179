// The relay for sw-lifetime: relay/app.ts on its in-memory ports (the logic the Durable Objects
// run) over real HTTP, metered at the hub — every stream opened, every `: ping` and notification
// written — with a switch that swallows the pings, so a stream can be held open with no bytes.
import { createRelayApp } from '../../../relay/app';
import { createMemoryPorts } from '../../../relay/memory-ports';
import type { RelayPorts, RelaySecrets } from '../../../relay/ports';
import { type RunningServer, startServer } from '../../emulators/common/node-server';

export interface RelayMeter {
  /** Streams the hub handed out. */
  opens: number;
  /** `: ping` comments that went down a stream (swallowed ones are not counted). */
  pings: number;
  /** Notifications written to a stream (replays included). */
  notifications: number;
  /** While set, pings are swallowed: the stream stays open and silent. */
  silent: boolean;
}

export interface MeteredRelay {
  readonly meter: RelayMeter;
  /** `http://127.0.0.1:port`. */
  readonly url: string;
  /** Streams open at the hub right now (every subscriber). */
  streams(): number;
  /** Stops listening and cuts every open connection (the relay goes down). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

const PING = ': ping\n\n';

export async function startMeteredRelay(secrets: RelaySecrets): Promise<MeteredRelay> {
  const ports = createMemoryPorts({ secrets });
  const meter: RelayMeter = { opens: 0, pings: 0, notifications: 0, silent: false };
  const subscribers = new Set<string>();
  const metered: RelayPorts = {
    ...ports,
    hub: (id) => {
      const hub = ports.hub(id);
      return {
        ...hub,
        open: async (lastEventId) => {
          const stream = await hub.open(lastEventId);
          if (stream === null) return null;
          meter.opens += 1;
          subscribers.add(id);
          // pipeThrough passes a cancel (the browser went away) back to the hub's stream.
          return stream.pipeThrough(meterStream(meter));
        },
      };
    },
  };
  let server: RunningServer | undefined = await startServer(createRelayApp(metered), { port: 0 });
  const url = server.url;
  return {
    meter,
    url,
    streams: () => [...subscribers].reduce((n, id) => n + (ports.core(id)?.streamCount ?? 0), 0),
    async stop() {
      await server?.close();
      server = undefined;
    },
    async close() {
      await server?.close();
      server = undefined;
      ports.close();
    },
  };
}

function meterStream(meter: RelayMeter): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  return new TransformStream({
    transform(chunk, controller) {
      // The hub enqueues each ping and each event as one chunk (relay/sse.ts).
      const text = decoder.decode(chunk);
      if (text === PING) {
        if (meter.silent) return;
        meter.pings += 1;
      } else if (/^event: notification$/m.test(text)) {
        meter.notifications += 1;
      }
      controller.enqueue(chunk);
    },
  });
}
