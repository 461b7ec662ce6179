// The options page in the built extension (Debian Chromium) against the Google emulator: what it
// says while the accounts can't be read, a calendar list that keeps failing (403 "Access Not
// Configured") and its Retry, an account turning "Needs sign-in" while the page is open, unsaved
// edits surviving saves made elsewhere, and where keyboard focus goes in the confirm steps.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../emulators/common/node-server';
import { startServer } from '../emulators/common/node-server';
import { createGoogleEmulator, type GoogleEmulator } from '../emulators/google/index';
import { axeViolations } from './support/axe';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { buildExtension } from './support/build';
import { openPage, sendMessage } from './support/extension-pages';

const SHOTS = 'test-results/e2e';
const CALENDAR_LIST = '/calendar/v3/users/me/calendarList';
const NOT_CONFIGURED =
  'Access Not Configured. Google Calendar API has not been used in project 1 before or it is disabled.';

/** The element that has keyboard focus, by its text (or tag when it has none). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el && el !== document.body ? (el.textContent?.trim() ?? el.tagName) : 'BODY';
  });

describe('the options page', () => {
  let google: GoogleEmulator;
  let server: RunningServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    google = createGoogleEmulator({ seed: 'demo' });
    server = await startServer(google.app, { port: 0 });
    const dir = buildExtension('options-page', { googleUrl: server.url });
    browser = await launchWithExtension({ extensionDir: dir });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const options = () => openPage(browser, 'options.html', { width: 900, height: 1100 });

  it('says when the accounts can’t be read, and Retry asks again', async () => {
    // The page's side of the message channel fails getStatus until the test lets it through,
    // as when the background is restarting.
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const g = globalThis as unknown as { __failStatus: boolean };
      g.__failStatus = true;
      const real = chrome.runtime.sendMessage.bind(chrome.runtime);
      chrome.runtime.sendMessage = ((message: { type?: string }, ...rest: never[]) =>
        message?.type === 'getStatus' && g.__failStatus
          ? Promise.reject(
              new Error('Could not establish connection. Receiving end does not exist.'),
            )
          : real(message, ...rest)) as typeof chrome.runtime.sendMessage;
    });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const alert = page.getByRole('alert').filter({ hasText: 'check your accounts' });
    await expect.poll(() => alert.textContent()).toContain('Almanac’s background isn’t answering');
    expect(await page.getByText('No account connected yet.').count()).toBe(0);

    // The background answers again from the moment Retry is pressed (the click's capture phase,
    // before the page's own handler): nothing else on the page may ask in between and clear the
    // error first, so what clears it is Retry's ask.
    await page.evaluate(() => {
      const g = globalThis as unknown as { __failStatus: boolean };
      document.addEventListener(
        'click',
        (event) => {
          if ((event.target as Element | null)?.textContent === 'Retry') g.__failStatus = false;
        },
        { capture: true },
      );
    });
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => page.getByText('No account connected yet.').count()).toBe(1);
    expect(await alert.count()).toBe(0);
    await page.close();
  });

  it('Reset and resync…: focus moves into the confirm step and back out (Escape, Cancel, done)', async () => {
    const page = await options();
    const opener = page.getByRole('button', { name: 'Reset and resync…' });
    await opener.focus();
    // Cancel first: a second Enter does not reset anything.
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('Cancel');
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('Reset and resync…');

    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('Reset and resync…');

    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('Reset and resync');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual(expect.stringMatching(/^Re-syncing/));
    expect(await focused(page)).toBe('Reset and resync…');
    await page.close();
  });

  it('keeps an unsaved field through saves made elsewhere; untouched fields follow them', async () => {
    const page = await options();
    const poll = page.getByLabel('Check for changes every (minutes)');
    await expect.poll(() => poll.inputValue()).toBe('15');
    await poll.fill('5');

    // A save on this page (another section)…
    await page.getByRole('checkbox', { name: 'Show completed tasks' }).check();
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const { settings } = await chrome.storage.local.get('settings');
          return (settings as { showCompletedTasks?: boolean } | undefined)?.showCompletedTasks;
        }),
      )
      .toBe(true);
    // …and one from another tab: the untouched select follows, the typed field does not.
    const other = await options();
    await sendMessage(other, {
      type: 'updateSettings',
      settings: { conflictPolicy: 'local-wins' },
    });
    await other.close();
    const policy = page.getByLabel('When an event changed on both sides');
    await expect.poll(() => policy.inputValue()).toBe('local-wins');
    expect(await poll.inputValue()).toBe('5');

    // An Advanced field being typed survives the Sync section's Save.
    await page.getByText('Advanced').click();
    const todoistApi = page.getByLabel('Todoist API', { exact: true });
    await todoistApi.fill('http://127.0.0.1:9/api');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const { settings } = await chrome.storage.local.get('settings');
          return (settings as { safetyPollMinutes?: number } | undefined)?.safetyPollMinutes;
        }),
      )
      .toBe(5);
    expect(await poll.inputValue()).toBe('5');
    expect(await todoistApi.inputValue()).toBe('http://127.0.0.1:9/api');
    await page.close();
  });

  it('shows a failing calendar list with its error and Retry, not “Fetching…” forever', async () => {
    const fault = google.faults.add({
      match: { method: 'GET', path: CALENDAR_LIST },
      respond: {
        status: 403,
        body: {
          error: {
            code: 403,
            message: NOT_CONFIGURED,
            errors: [
              { domain: 'usageLimits', reason: 'accessNotConfigured', message: NOT_CONFIGURED },
            ],
          },
        },
      },
    });
    const page = await options();
    await page.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await expect.poll(() => page.locator('[data-account]').textContent()).toContain('Connected');

    const calendars = page.getByRole('region', { name: 'Calendars' });
    const alert = calendars.getByRole('alert');
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toContain(`Calendar list: Refused by the server: ${NOT_CONFIGURED}`);
    expect(await calendars.getByText('Fetching the calendar list…').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/options-calendar-list-error.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    google.faults.remove(fault.id);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => calendars.getByRole('checkbox', { name: /Work/ }).count()).toBe(1);
    expect(await alert.count()).toBe(0);
    await page.close();
  });

  it('turns an account to “Needs sign-in” while the page is open', async () => {
    const page = await options();
    const account = page.locator('[data-account]');
    await expect.poll(() => account.textContent()).toContain('Connected');
    // Every calendar-list call refused as unauthorized, even with a renewed token.
    const fault = google.faults.add({
      match: { method: 'GET', path: CALENDAR_LIST },
      respond: { status: 401 },
    });
    const sourceId = (await account.getAttribute('data-account')) ?? '';
    await sendMessage(page, { type: 'syncNow', scope: `google:calendar-list:${sourceId}` });
    await expect.poll(() => account.textContent()).toContain('Needs sign-in');
    google.faults.remove(fault.id);
    await page.close();
  });

  it('Disconnect…: focus moves into the confirm step, back on Escape and Cancel, to the list after', async () => {
    const page = await options();
    const opener = page.getByRole('button', { name: 'Disconnect…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('Cancel');
    await page.screenshot({ path: `${SHOTS}/options-confirm-disconnect.png` });
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('Disconnect…');

    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('Disconnect…');

    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('Disconnect');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('No account connected yet.').count()).toBe(1);
    expect(await focused(page)).toBe('Accounts');
    expect(await page.getByRole('status').allTextContents()).toContainEqual(
      expect.stringMatching(/was disconnected\.$/),
    );
    await page.close();
  });
});
