// Runs the real relay (relay/index.ts on workerd) under `wrangler dev`, for e2e tests and
// `npm start`. wrangler is started through `process.execPath` rather than `npx`, so killing the
// child kills wrangler itself (an `npx` shell in between would leave workerd orphaned), and every
// run gets its own persistence directory so tests never see each other's Durable Object state.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RelaySecrets {
  /** The Todoist app's client secret: webhooks are signed with it (todoist spec §7). */
  readonly todoistClientSecret: string;
  /** Signs Google watch-channel tokens. */
  readonly signingKey: string;
}

export interface RunningRelay {
  readonly url: string;
  readonly port: number;
  /** wrangler's output so far, for error messages. */
  output(): string;
  close(): Promise<void>;
}

const WRANGLER = path.resolve('node_modules/wrangler/bin/wrangler.js');

export async function startWranglerRelay(
  secrets: RelaySecrets,
  opts: { port?: number; timeoutMs?: number } = {},
): Promise<RunningRelay> {
  const port = opts.port ?? (await freePort());
  const state = mkdtempSync(path.join(tmpdir(), 'almanac-relay-'));
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      state,
      '--var',
      `TODOIST_CLIENT_SECRET:${secrets.todoistClientSecret}`,
      '--var',
      `RELAY_SIGNING_KEY:${secrets.signingKey}`,
      '--show-interactive-dev-session=false',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    await stop(child);
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`${url}/health`, child, opts.timeoutMs ?? 60_000);
  } catch (error) {
    await close();
    throw new Error(`${(error as Error).message}\nwrangler said:\n${log.slice(-4000)}`);
  }
  return { url, port, output: () => log, close };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
