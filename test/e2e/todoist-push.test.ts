// The push path end to end: the Todoist emulator's signed webhooks (spec §7) go to the real relay
// on workerd (`wrangler dev`: the Worker, its Durable Objects and SQLite log), whose SSE stream the
// built extension holds open in Debian Chromium. A change made by another client reaches the
// extension within seconds through a `push` run — no alarm (their minimum is 30 s) and no reload —
// our own writes echoing back cost no run, and a stopped service worker resumes the stream with
// Last-Event-ID and catches up on what the relay logged while it was gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../emulators/common/node-server';
import { startServer } from '../emulators/common/node-server';
import { createTodoistEmulator, type TodoistEmulator } from '../emulators/todoist/index';
import { type RunningRelay, startWranglerRelay } from '../support/wrangler-relay';
import { axeViolations } from './support/axe';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { buildExtension } from './support/build';
import {
  openPage,
  openPopup,
  readStoreQuietly,
  sendMessage,
  stopServiceWorkers,
} from './support/extension-pages';

const SECRETS = { todoistClientSecret: 'e2e-todoist-secret', signingKey: 'e2e-signing-key' };
const SHOTS = 'test-results/e2e';

interface Run {
  readonly scope: string;
  readonly reason: string;
  readonly outcome: string;
}
interface Task {
  readonly id: string;
  readonly content: string;
  readonly checked?: boolean;
}
interface Meta {
  readonly key: string;
  readonly value: { lastEventId?: string };
}

describe('Todoist push through the relay on workerd', () => {
  let todoist: TodoistEmulator;
  let server: RunningServer;
  let relay: RunningRelay;
  let browser: ExtensionBrowser;
  let sourceId = '';
  /** Another Todoist client (the phone): its requests are not the extension's. */
  let phone: (commands: Record<string, unknown>[]) => Promise<Record<string, string>>;

  beforeAll(async () => {
    todoist = createTodoistEmulator({ seed: 'demo' });
    server = await startServer(todoist.app, { port: 0 });
    relay = await startWranglerRelay(SECRETS);
    todoist.setWebhook({
      url: `${relay.url}/hooks/todoist`,
      clientSecret: SECRETS.todoistClientSecret,
    });
    const token = todoist.issueToken('demo');
    let n = 0;
    phone = async (commands) => {
      const res = await fetch(`${server.url}/api/v1/sync`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          commands: commands.map((c) => ({ uuid: `phone-${++n}`, ...c })),
        }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { temp_id_mapping: Record<string, string> }).temp_id_mapping;
    };
    browser = await launchWithExtension({
      extensionDir: buildExtension('todoist-push', {
        todoistUrl: server.url,
        relayUrl: relay.url,
      }),
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await relay?.close();
    await server?.close();
  });

  const runs = async () =>
    (await readStoreQuietly<Run>(browser, 'runs')).filter(
      (r) => r.scope === `todoist:account:${sourceId}`,
    );
  const pushRuns = async () => (await runs()).filter((r) => r.reason === 'push').length;
  const handledId = async () =>
    (await readStoreQuietly<Meta>(browser, 'meta')).find((m) => m.key === 'relay:state')?.value
      .lastEventId;
  const storedTask = async (content: string) =>
    (await readStoreQuietly<Task>(browser, 'tasks')).find((t) => t.content === content);

  it('connects Todoist by OAuth and the popup says Live once the relay stream is open', async () => {
    const options = await openPage(browser, 'options.html', { width: 900, height: 900 });
    await options.getByRole('button', { name: 'Connect Todoist' }).click();
    await expect
      .poll(() => options.locator('[data-account]').textContent(), { timeout: 20_000 })
      .toContain('Connected');
    sourceId = (await options.locator('[data-account]').getAttribute('data-account')) ?? '';
    await expect
      .poll(() => options.getByText(/^Live — changes arrive within seconds/).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await options.close();

    const popup = await openPopup(browser, { width: 380, height: 520 });
    await expect
      .poll(() => popup.locator('.pill.live').textContent(), { timeout: 20_000 })
      .toContain('Live');
    await popup.screenshot({ path: `${SHOTS}/popup-live.png` });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('a change made on another client arrives by push within seconds, without reload', async () => {
    const before = await pushRuns();
    await phone([{ type: 'item_add', temp_id: 'p1', args: { content: 'Pick up the parcel' } }]);
    await expect.poll(() => storedTask('Pick up the parcel'), { timeout: 15_000 }).toBeDefined();
    expect(await pushRuns()).toBe(before + 1);
  });

  it('our own completion echoes back as a webhook and costs no run', async () => {
    const task = todoist.snapshot('demo').items.find((t) => t.content === 'Call the dentist');
    expect(task).toBeDefined();
    const idBefore = Number(await handledId());
    const pushBefore = await pushRuns();
    const page = await openPopup(browser);
    const reply = (await sendMessage(page, {
      type: 'completeTask',
      sourceId,
      taskId: task?.id,
    })) as { ok: boolean };
    await page.close();
    expect(reply.ok).toBe(true);
    await todoist.push.idle(); // the echo reached the relay, which logged it
    // The extension records an event id only once it is handled — after the run it caused, if
    // any — so once the echo's id is recorded, a run it caused would already be in the log.
    await expect
      .poll(async () => Number(await handledId()), { timeout: 15_000 })
      .toBeGreaterThan(idBefore);
    expect(await pushRuns()).toBe(pushBefore);
  });

  it('a stopped service worker resumes the stream with Last-Event-ID and catches up', async () => {
    const idBefore = Number(await handledId());
    const page = await openPopup(browser);
    await stopServiceWorkers(browser.context, page);
    await page.close();
    // Made while no worker holds the stream: only the relay's log has it.
    await phone([{ type: 'item_add', temp_id: 'p2', args: { content: 'Renew the library card' } }]);
    await todoist.push.idle();
    expect(await storedTask('Renew the library card')).toBeUndefined();
    // Opening the popup asks the background for its status, which starts the worker again; the
    // client reconnects from the recorded id and the relay replays the missed notification.
    const popup = await openPopup(browser);
    await expect
      .poll(() => storedTask('Renew the library card'), { timeout: 20_000 })
      .toBeDefined();
    await expect.poll(() => popup.locator('.pill.live').count(), { timeout: 20_000 }).toBe(1);
    await popup.close();
    // The missed notification was replayed and handled: without Last-Event-ID a new stream
    // carries only what is logged after it opens, and the recorded id would not move.
    await expect
      .poll(async () => Number(await handledId()), { timeout: 20_000 })
      .toBeGreaterThan(idBefore);
  });

  it('a relay that went away and came back empty: "Relay unreachable", then a new subscriber, Live again', async () => {
    const popup = await openPopup(browser, { width: 380, height: 520 });
    const port = relay.port;
    await relay.close();
    await expect
      .poll(() => popup.locator('.push-detail').textContent(), { timeout: 30_000 })
      .toMatch(/Relay unreachable · retrying in \d+ s/);
    await popup.screenshot({ path: `${SHOTS}/popup-relay-unreachable.png` });
    expect(await axeViolations(popup)).toEqual([]);
    // A fresh relay on the same address knows no subscriber (new Durable Object state): the
    // extension's reconnect is refused (401/404), so it registers anew and links Todoist again.
    relay = await startWranglerRelay(SECRETS, { port });
    await expect.poll(() => popup.locator('.pill.live').count(), { timeout: 60_000 }).toBe(1);
    await popup.close();
    const before = await pushRuns();
    await phone([{ type: 'item_add', temp_id: 'p3', args: { content: 'Book the bike service' } }]);
    await expect.poll(() => storedTask('Book the bike service'), { timeout: 15_000 }).toBeDefined();
    expect(await pushRuns()).toBeGreaterThan(before);
  });
});
