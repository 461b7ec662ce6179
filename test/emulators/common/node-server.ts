import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { isDroppedConnection } from './dropped-connection';
import type { FetchApp } from './in-process';

export interface StartServerOptions {
  /** 0 = an ephemeral port (tests). */
  port: number;
  hostname?: string;
}

export interface RunningServer {
  /** `http://host:port`, no trailing slash. */
  url: string;
  port: number;
  /** Stops listening and cuts open keep-alive connections. Safe to call detached or twice. */
  close: () => Promise<void>;
}

/**
 * Serves `app` over real HTTP (via @hono/node-server). A DroppedConnection raised anywhere in
 * the app (a `dropConnection` fault) destroys the socket, so the client sees a network error.
 * Handlers can reach the Node request as `c.env.incoming` (HttpBindings).
 */
export function startServer(app: FetchApp, opts: StartServerOptions): Promise<RunningServer> {
  const hostname = opts.hostname ?? '127.0.0.1';
  const listener = getRequestListener(
    async (request, env) => {
      try {
        return await app.fetch(request, env);
      } catch (err) {
        if (isDroppedConnection(err)) (env as HttpBindings).incoming.socket.destroy();
        throw err;
      }
    },
    {
      hostname,
      // Returning nothing tells the listener not to write: the socket is already gone.
      errorHandler: (err) => {
        if (isDroppedConnection(err)) return undefined;
        console.error(err);
        return new Response(null, { status: 500 });
      },
    },
  );
  const server = createServer(listener);

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, hostname, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      let closing: Promise<void> | undefined;
      const close = () => {
        closing ??= new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        return closing;
      };
      resolve({ url: `http://${hostHeader(hostname)}:${port}`, port, close });
    });
  });
}

function hostHeader(hostname: string): string {
  return hostname.includes(':') ? `[${hostname}]` : hostname;
}
