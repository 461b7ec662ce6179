// `npm run emulators` serves both emulators from its own process, and the official googleapis
// client in THIS process lists the demo week from it (issue 2, "Done when").
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { google } from 'googleapis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm run emulators, from another process', () => {
  let child: ChildProcess;
  let output = '';
  let googleUrl = '';
  let todoistUrl = '';

  beforeAll(async () => {
    const [googlePort, todoistPort] = [await freePort(), await freePort()];
    // One process (node with tsx's loader), not `npx tsx`: killing a wrapper would orphan the
    // server that actually listens.
    child = spawn(process.execPath, ['--import', 'tsx', 'test/emulators/serve.ts'], {
      env: {
        ...process.env,
        GOOGLE_EMULATOR_PORT: String(googlePort),
        TODOIST_EMULATOR_PORT: String(todoistPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const deadline = Date.now() + 25_000;
    while (!output.includes('Ctrl-C') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    googleUrl = `http://127.0.0.1:${googlePort}`;
    todoistUrl = `http://127.0.0.1:${todoistPort}`;
    expect(output).toContain(googleUrl);
    expect(output).toContain(todoistUrl);
  });

  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  const tokens = () => [...output.matchAll(/token\s+(\S+)/g)].map((m) => m[1]!);

  it('prints a ready token the googleapis client can list the demo week with', async () => {
    const [googleToken] = tokens();
    const auth = new google.auth.OAuth2();
    auth.setCredentials({ access_token: googleToken });
    const calendar = google.calendar({ version: 'v3', rootUrl: `${googleUrl}/`, auth });
    const now = Date.now();
    const { data } = await calendar.events.list({
      calendarId: 'primary',
      singleEvents: true,
      orderBy: 'startTime',
      timeMin: new Date(now - 3 * 86_400_000).toISOString(),
      timeMax: new Date(now + 7 * 86_400_000).toISOString(),
    });
    expect(data.items?.length).toBeGreaterThan(5);
    const starts = data.items!.map((e) => Date.parse(e.start?.dateTime ?? e.start?.date ?? ''));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('prints a ready Todoist token that a full sync accepts', async () => {
    const todoistToken = tokens()[1];
    const res = await fetch(`${todoistUrl}/api/v1/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${todoistToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sync_token: '*', resource_types: ['items', 'projects'] }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      full_sync: boolean;
      items: unknown[];
      projects: unknown[];
    };
    expect(body.full_sync).toBe(true);
    expect(body.items.length).toBeGreaterThan(5);
    expect(body.projects.length).toBeGreaterThanOrEqual(3);
  });
});
