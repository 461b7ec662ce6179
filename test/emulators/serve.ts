// `npm run emulators`: both emulators as real HTTP servers, seeded with the demo data, for manual
// poking (curl, the googleapis client) and for anything that needs real sockets. Prints each
// base URL with a ready bearer token; Ctrl-C (SIGINT) or SIGTERM stops both cleanly.
import { type RunningServer, startServer } from './common/node-server';
import { createGoogleEmulator } from './google/index';
import { createTodoistEmulator } from './todoist/index';

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number, got ${JSON.stringify(raw)}`);
  }
  return port;
}

async function main(): Promise<void> {
  const googlePort = portFrom('GOOGLE_EMULATOR_PORT', 8790);
  const todoistPort = portFrom('TODOIST_EMULATOR_PORT', 8791);
  const google = createGoogleEmulator({ seed: 'demo' });
  const todoist = createTodoistEmulator({ seed: 'demo' });

  const servers: RunningServer[] = [];
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping emulators…`);
    await Promise.all([google.push.idle(), todoist.push.idle()].map((p) => withTimeout(p, 2000)));
    await Promise.all(servers.map((s) => s.close()));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  servers.push(await startServer(google.app, { port: googlePort }));
  servers.push(await startServer(todoist.app, { port: todoistPort }));
  const [g, t] = servers as [RunningServer, RunningServer];

  console.log(`Google Calendar emulator  ${g.url}`);
  console.log(`  API     ${g.url}/calendar/v3   (googleapis: rootUrl '${g.url}/')`);
  console.log(`  token   ${google.issueToken('demo')}`);
  console.log(`Todoist emulator          ${t.url}`);
  console.log(`  API     ${t.url}/api/v1`);
  console.log(`  token   ${todoist.issueToken('demo')}`);
  console.log('Control API under /__emulator/ (README.md). Ctrl-C to stop.');
}

/** Pending push retries must not keep a stopping process alive for long. */
function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void p.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
