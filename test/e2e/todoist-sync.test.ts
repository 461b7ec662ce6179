// Todoist end to end in the built extension (Debian Chromium) against the Todoist emulator over real
// HTTP: connecting through the options page (OAuth in launchWebAuthFlow), the popup's account row
// (open tasks, "synced just now"), quick add with Todoist's syntax through the context-menu
// handler, completing a task with the runtime message the new tab sends, and a refused write shown
// in the popup with Retry / Discard. Screenshots go to test-results/e2e/.
import { mkdirSync } from 'node:fs';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../emulators/common/node-server';
import { startServer } from '../emulators/common/node-server';
import { createTodoistEmulator, type TodoistEmulator } from '../emulators/todoist/index';
import { axeViolations } from './support/axe';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { buildExtension } from './support/build';
import { openPage, openPopup, readStore, sendMessage } from './support/extension-pages';

const SHOTS = 'test-results/e2e';
/** The emulator's demo user lives in New York (its `tz_info`); floating due times are theirs. */
const USER_ZONE = 'America/New_York';

type MenuHandler = {
  __almanac: { onMenuClicked: (info: unknown, tab?: unknown) => Promise<unknown> };
};
interface Reply {
  readonly ok: boolean;
  readonly data?: Record<string, unknown>;
  readonly error?: { readonly code: string; readonly message: string };
}

describe('Todoist sync in the built extension', () => {
  let todoist: TodoistEmulator;
  let server: RunningServer;
  let browser: ExtensionBrowser;
  let sourceId = '';

  beforeAll(async () => {
    todoist = createTodoistEmulator({ seed: 'demo' });
    server = await startServer(todoist.app, { port: 0 });
    browser = await launchWithExtension({
      extensionDir: buildExtension('todoist-sync', { todoistUrl: server.url }),
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const popup = () => openPopup(browser, { width: 380, height: 520 });
  const tasksRow = (page: Awaited<ReturnType<typeof popup>>) =>
    page.locator(`.calendar-row[data-calendar="todoist:account:${sourceId}"]`);

  it('ships the toolbar icons in the manifest', async () => {
    const page = await openPage(browser, 'popup.html');
    const manifest = (await page.evaluate(() => chrome.runtime.getManifest())) as {
      icons?: Record<string, string>;
      action?: { default_icon?: Record<string, string> };
    };
    const sizes = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
    expect(manifest.icons).toEqual(sizes);
    expect(manifest.action?.default_icon).toEqual(sizes);
    const loaded = await page.evaluate(async () => {
      const res = await fetch(chrome.runtime.getURL('icon/128.png'));
      const img = await createImageBitmap(await res.blob());
      return [img.width, img.height];
    });
    expect(loaded).toEqual([128, 128]);
    await page.close();
  });

  it('connects through the options page (OAuth) and the popup shows open tasks, synced just now', async () => {
    const options = await openPage(browser, 'options.html', { width: 900, height: 900 });
    await options.getByRole('button', { name: 'Connect Todoist' }).click();
    await expect.poll(() => options.locator('[data-account]').textContent()).toContain('Connected');
    const authorize = todoist.log.entries().find((e) => e.path === '/oauth/authorize');
    expect(new URLSearchParams(authorize?.query).get('redirect_uri')).toBe(
      `https://${browser.extensionId}.chromiumapp.org/`,
    );
    sourceId = (await options.locator('[data-account]').getAttribute('data-account')) ?? '';
    expect(sourceId).toMatch(/^todoist\./);

    // "Show completed tasks" is a setting the task lists read (`showCompletedTasks`).
    const showCompleted = options.getByRole('checkbox', { name: 'Show completed tasks' });
    expect(await showCompleted.isChecked()).toBe(false);
    await showCompleted.check();
    await expect
      .poll(() =>
        options.evaluate(async () => {
          const { settings } = await chrome.storage.local.get('settings');
          return (settings as { showCompletedTasks?: boolean } | undefined)?.showCompletedTasks;
        }),
      )
      .toBe(true);
    await options.screenshot({ path: `${SHOTS}/options-todoist.png`, fullPage: true });
    expect(await axeViolations(options)).toEqual([]);
    await options.close();

    const page = await popup();
    const open = todoist.snapshot('demo').items.length;
    await expect
      .poll(() => tasksRow(page).locator('.count').textContent(), { timeout: 15_000 })
      .toBe(`${open} open tasks`);
    await expect
      .poll(() => tasksRow(page).locator('.status').textContent(), { timeout: 15_000 })
      .toBe('Synced just now');
    await page.close();
  });

  it('quick add from the context menu: project, label, priority, due in the user’s zone, description', async () => {
    const outcome = await browser.serviceWorker.evaluate(
      (id) =>
        (globalThis as unknown as MenuHandler).__almanac.onMenuClicked({
          menuItemId: `almanac-todoist-selection:${id}`,
          selectionText: 'Buy milk tomorrow 5pm #Home @errand p1 // 2 litres',
        }),
      sourceId,
    );
    expect(outcome).toMatchObject({ status: 'created', title: 'Buy milk' });
    const snapshot = todoist.snapshot('demo');
    const task = snapshot.items.find((t) => t.content === 'Buy milk');
    const tomorrow = Temporal.Now.plainDateISO(USER_ZONE).add({ days: 1 }).toString();
    expect(task).toMatchObject({
      project_id: snapshot.projects.find((p) => p.name === 'Home')?.id,
      labels: ['errand'],
      priority: 4,
      due: { date: `${tomorrow}T17:00:00`, timezone: null },
      description: '2 litres',
    });
    // Stored at once (the engine's quick add), with its moment in the user's zone.
    const page = await popup();
    const rows = await readStore<{ id: string; dueMs?: number }>(page, 'tasks');
    const at = Temporal.PlainDateTime.from(`${tomorrow}T17:00`).toZonedDateTime(USER_ZONE);
    expect(rows.find((r) => r.id === task?.id)?.dueMs).toBe(at.epochMilliseconds);
    await page.close();
  });

  it('completes a task through the completeTask runtime message', async () => {
    const task = todoist.snapshot('demo').items.find((t) => t.content === 'Call the dentist');
    expect(task).toBeDefined();
    const page = await popup();
    const before = Number.parseInt(
      (await tasksRow(page).locator('.count').textContent()) ?? '',
      10,
    );
    const reply = (await sendMessage(page, {
      type: 'completeTask',
      sourceId,
      taskId: task?.id,
    })) as Reply;
    expect(reply).toMatchObject({ ok: true, data: { taskId: task?.id, state: 'saved' } });
    expect(todoist.snapshot('demo').completedItems.map((t) => t.id)).toContain(task?.id);
    await expect
      .poll(() => tasksRow(page).locator('.count').textContent())
      .toBe(`${before - 1} open tasks`);
    await page.close();
  });

  it('a refused write shows in the popup with Retry and Discard', async () => {
    const task = todoist.snapshot('demo').items.find((t) => t.content === 'Buy groceries');
    const page = await popup();
    // A date that is no date: Todoist refuses the command (400 in its sync_status).
    const reply = (await sendMessage(page, {
      type: 'updateTask',
      sourceId,
      taskId: task?.id,
      patch: { due: { date: '2025-02-30' } },
    })) as Reply;
    expect(reply).toMatchObject({ ok: false, error: { code: 'rejected' } });
    const failed = page.locator('.failed-writes');
    await expect.poll(() => failed.textContent()).toContain('1 change couldn’t be saved');
    expect(await failed.textContent()).toContain('Edit “Buy groceries”');
    await page.screenshot({ path: `${SHOTS}/popup-todoist.png` });
    expect(await axeViolations(page)).toEqual([]);

    await failed.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => failed.count()).toBe(0);
    expect(await readStore(page, 'outbox')).toEqual([]);
    await page.close();
  });
});
