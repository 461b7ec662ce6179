import {
  createCommand,
  getAuthToken,
  parseWebhookPayload,
  TodoistApi,
  verifyWebhookSignature,
} from '@doist/todoist-sdk';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../emulators/common/clock';
import { type RunningServer, startServer } from '../emulators/common/node-server';
import { createTodoistEmulator, type TodoistEmulator } from '../emulators/todoist';

/**
 * The official `@doist/todoist-sdk` v11, pointed at the emulator over real HTTP (its `baseUrl`
 * option replaces https://api.todoist.com; the SDK appends `/api/v1/`). The SDK validates every
 * answer with its own zod schemas, so these tests prove our JSON shapes as much as our routes.
 */
let emu: TodoistEmulator;
let server: RunningServer;
let api: TodoistApi;
const extra: RunningServer[] = [];

beforeEach(async () => {
  // Wednesday 2025-03-05, 10:00 in New York.
  emu = createTodoistEmulator({
    clock: new ManualClock(Date.UTC(2025, 2, 5, 15)),
    seed: 'demo',
    clientSecret: 'sdk-secret',
  });
  server = await startServer(emu.app, { port: 0 });
  api = new TodoistApi(emu.issueToken('demo'), { baseUrl: server.url });
});

afterEach(async () => {
  await Promise.all([server.close(), ...extra.splice(0).map((s) => s.close())]);
});

describe('@doist/todoist-sdk against the emulator', () => {
  it('§4 quickAddTask parses the quick-add line and the SDK accepts the task', async () => {
    const task = await api.quickAddTask({
      text: 'Buy milk tomorrow 5pm #Home @errand p1 // 2 litres',
    });
    const home = emu.snapshot().projects.find((p) => p.name === 'Home')!;
    expect(task).toMatchObject({
      content: 'Buy milk',
      description: '2 litres',
      projectId: home.id,
      labels: ['errand'],
      priority: 4,
      checked: false,
      due: { date: '2025-03-06T17:00:00', string: 'tomorrow 5pm', isRecurring: false },
    });
    expect(task.url).toBe(`https://app.todoist.com/app/task/buy-milk-${task.id}`);
  });

  it('getTasks / getProjects page through the REST-style list routes', async () => {
    const first = await api.getTasks({ limit: 10 });
    expect(first.results).toHaveLength(10);
    expect(first.nextCursor).not.toBeNull();
    const rest = await api.getTasks({ limit: 10, cursor: first.nextCursor });
    expect(rest.results).toHaveLength(5);
    expect(rest.nextCursor).toBeNull();
    const projects = await api.getProjects();
    expect(projects.results.map((p) => p.name)).toEqual(['Inbox', 'Work', 'Home']);
    const inbox = projects.results[0]!;
    expect('inboxProject' in inbox && inbox.inboxProject).toBe(true);
    const work = projects.results[1]!;
    const inWork = await api.getTasks({ projectId: work.id });
    expect(inWork.results.map((t) => t.content)).toContain('Draft Q3 planning doc');
  });

  it("§2 the SDK's sync() validates a full sync (items, projects, sections, labels, notes, user)", async () => {
    const res = await api.sync({
      syncToken: '*',
      // The SDK's types list resource names only; the emulator's "all" is tested in unit tests.
      resourceTypes: ['items', 'projects', 'sections', 'labels', 'notes', 'user'],
    });
    expect(res.fullSync).toBe(true);
    expect(res.items).toHaveLength(15);
    expect(res.projects).toHaveLength(3);
    expect(res.sections).toHaveLength(2);
    expect(res.labels).toHaveLength(3);
    expect(res.notes).toEqual([]);
    expect(res.user?.tzInfo.timezone).toBe('America/New_York');
    const inc = await api.sync({ syncToken: res.syncToken!, resourceTypes: ['items'] });
    expect(inc.fullSync).toBe(false);
    expect(inc.items).toEqual([]);
  });

  it("§3 commands through the SDK's sync(), with temp ids", async () => {
    const res = await api.sync({
      commands: [
        createCommand('item_add', { content: 'From the SDK', priority: 3 }, 'sdk-tmp'),
        createCommand('item_update', { id: 'sdk-tmp', description: 'edited' }),
      ],
      resourceTypes: ['items'],
      syncToken: '*',
    });
    const created = res.items?.find((t) => t.content === 'From the SDK');
    expect(created).toMatchObject({ priority: 3, description: 'edited' });
    expect(Object.values(res.tempIdMapping ?? {})).toEqual([created?.id]);
  });

  it('§3 a command batch through raw fetch to /api/v1/sync (form-encoded, as other clients send it)', async () => {
    const token = emu.issueToken('demo');
    const body = new URLSearchParams({
      commands: JSON.stringify([
        {
          type: 'item_add',
          uuid: 'raw-1',
          temp_id: 'raw-tmp',
          args: { content: 'Raw', due: { string: 'every weekday' } },
        },
        { type: 'item_close', uuid: 'raw-2', args: { id: 'raw-tmp' } },
      ]),
      sync_token: '*',
      resource_types: JSON.stringify(['items']),
    });
    const res = await fetch(`${server.url}/api/v1/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body,
    });
    const json = (await res.json()) as {
      sync_status: Record<string, unknown>;
      temp_id_mapping: Record<string, string>;
      items: Array<{ id: string; due: { date: string } }>;
    };
    expect(json.sync_status).toEqual({ 'raw-1': 'ok', 'raw-2': 'ok' });
    const raw = json.items.find((t) => t.id === json.temp_id_mapping['raw-tmp']);
    // Created due Wednesday; closing a recurring task moves it to Thursday.
    expect(raw?.due.date).toBe('2025-03-06');
  });

  it('§6 SDK errors carry the Todoist error body (401 and 429)', async () => {
    const bad = new TodoistApi('todoist-not-a-token', { baseUrl: server.url });
    await expect(bad.getProjects()).rejects.toMatchObject({
      httpStatusCode: 401,
      responseData: { error_tag: 'AUTH_INVALID_TOKEN' },
    });
  });

  it("§7 webhook bodies pass the SDK's parseWebhookPayload and verifyWebhookSignature", async () => {
    const got: Array<{ raw: string; signature: string }> = [];
    const receiver = new Hono();
    receiver.post('/hook', async (c) => {
      got.push({ raw: await c.req.text(), signature: c.req.header('x-todoist-hmac-sha256') ?? '' });
      return c.body(null, 200);
    });
    const hook = await startServer(receiver, { port: 0 });
    extra.push(hook);
    emu.setWebhook({ url: `${hook.url}/hook`, clientSecret: 'sdk-secret' });
    const task = await api.quickAddTask({ text: 'Hook me' });
    await api.sync({
      commands: [createCommand('item_update', { id: task.id, content: 'Hooked' })],
    });
    await emu.push.idle();
    expect(got).toHaveLength(2);
    const payloads = got.map((g) => parseWebhookPayload(JSON.parse(g.raw)));
    expect(payloads.map((p) => p.eventName)).toEqual(['item:added', 'item:updated']);
    for (const g of got) {
      expect(
        await verifyWebhookSignature({
          rawBody: g.raw,
          signature: g.signature,
          clientSecret: 'sdk-secret',
        }),
      ).toBe(true);
    }
  });

  it('§7 getAuthToken exchanges an authorization code at /oauth/access_token', async () => {
    const redirect = encodeURIComponent('https://ext.example/cb');
    const auth = await fetch(
      `${server.url}/oauth/authorize?client_id=almanac&scope=data:read_write&state=s&redirect_uri=${redirect}`,
      { redirect: 'manual' },
    );
    const code = new URL(auth.headers.get('location')!).searchParams.get('code')!;
    const token = await getAuthToken(
      { clientId: 'almanac', clientSecret: 'sdk-secret', code },
      { baseUrl: server.url },
    );
    expect(token.tokenType).toBe('Bearer');
    const mine = new TodoistApi(token.accessToken, { baseUrl: server.url });
    expect((await mine.getProjects()).results).toHaveLength(3);
  });
});
