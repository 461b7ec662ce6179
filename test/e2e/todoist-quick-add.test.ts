// Todoist in the built extension against the Todoist emulator over real HTTP: a pasted API token
// is checked before it is stored, and the context-menu handler adds a task (quick-add syntax) and
// a page (its URL as the description).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../emulators/common/node-server';
import { startServer } from '../emulators/common/node-server';
import { createTodoistEmulator, type TodoistEmulator } from '../emulators/todoist/index';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { buildExtension } from './support/build';
import { openPage } from './support/extension-pages';

type MenuHandler = {
  __almanac: { onMenuClicked: (info: unknown, tab?: unknown) => Promise<unknown> };
};

describe('Todoist in the built extension', () => {
  let todoist: TodoistEmulator;
  let server: RunningServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    todoist = createTodoistEmulator({ seed: 'demo' });
    server = await startServer(todoist.app, { port: 0 });
    browser = await launchWithExtension({
      extensionDir: buildExtension('todoist', { todoistUrl: server.url }),
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('connects with a pasted token, refusing a bad one first', async () => {
    const options = await openPage(browser, 'options.html', { width: 900, height: 900 });
    const field = options.getByLabel('Or paste a Todoist API token');
    await field.fill('not-a-token');
    await options.getByRole('button', { name: 'Check and connect' }).click();
    await expect
      .poll(() => options.getByRole('alert').first().textContent())
      .toBe('Todoist did not accept that token.');
    await field.fill(todoist.issueToken('demo'));
    await options.getByRole('button', { name: 'Check and connect' }).click();
    await expect
      .poll(() => options.locator('[data-account]').textContent())
      .toContain('Connected with an API token');
    await options.close();
  });

  it('adds a task and a page through the context-menu handler', async () => {
    const page = await openPage(browser, 'popup.html');
    const sourceId = await page.evaluate(async () => {
      const reply = (await chrome.runtime.sendMessage({ type: 'getStatus' })) as {
        data: { accounts: { sourceId: string }[] };
      };
      return reply.data.accounts[0]?.sourceId ?? '';
    });
    const task = await browser.serviceWorker.evaluate(
      (id) =>
        (globalThis as unknown as MenuHandler).__almanac.onMenuClicked({
          menuItemId: `almanac-todoist-selection:${id}`,
          selectionText: 'Call the plumber tomorrow p2',
        }),
      sourceId,
    );
    expect(task).toMatchObject({ status: 'created', title: 'Call the plumber' });
    const added = await browser.serviceWorker.evaluate(
      (id) =>
        (globalThis as unknown as MenuHandler).__almanac.onMenuClicked(
          { menuItemId: `almanac-todoist-page:${id}`, pageUrl: 'https://example.com/article' },
          { title: 'A long read', url: 'https://example.com/article' },
        ),
      sourceId,
    );
    expect(added).toMatchObject({ status: 'created', title: 'A long read' });

    const token = todoist.issueToken('demo');
    const res = await fetch(`${server.url}/api/v1/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sync_token: '*', resource_types: ['items'] }),
    });
    const items = ((await res.json()) as { items: Record<string, unknown>[] }).items;
    expect(items.find((i) => i.content === 'Call the plumber')).toMatchObject({ priority: 3 });
    expect(items.find((i) => i.content === 'A long read')).toMatchObject({
      description: 'https://example.com/article',
    });
    const notifications = await browser.serviceWorker.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(notifications)).toHaveLength(2);
    await page.close();
  });
});
