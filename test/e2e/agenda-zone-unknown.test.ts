// The new tab on a computer whose time zone the browser can't read: Chromium then reports
// "Etc/Unknown", a name Temporal and Intl refuse. The page used to throw before its first render
// and stay blank; it now shows time in the clock's offset and says so (ui/agenda/viewer-zone.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { buildExtension } from './support/build';
import { openPage } from './support/extension-pages';

describe('the new tab in a time zone the browser does not know', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    // Nothing to sync from: the page's own first screen is what is under test.
    const dir = buildExtension('zone-unknown', {
      googleUrl: 'http://127.0.0.1:9',
      todoistUrl: 'http://127.0.0.1:9',
    });
    browser = await launchWithExtension({ extensionDir: dir, env: { TZ: 'Nowhere/Atlantis' } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('comes up, in UTC, and says why', async () => {
    const page = await openPage(browser, 'newtab.html', { width: 1000, height: 700 });
    expect(await page.evaluate('Intl.DateTimeFormat().resolvedOptions().timeZone')).toBe(
      'Etc/Unknown',
    );
    await page.getByRole('button', { name: 'Connect Google Calendar' }).waitFor();
    const note = page.getByRole('status').filter({ hasText: 'time zone' });
    expect(await note.textContent()).toBe(
      'The browser can’t tell which time zone this computer is in (it says “Etc/Unknown”), so times are shown in UTC, without daylight-saving changes.',
    );
    expect(await axeViolations(page)).toEqual([]);
    // A second load goes through the boot script's read with that zone as well.
    await page.reload();
    await page.getByRole('button', { name: 'Connect Google Calendar' }).waitFor();
  });
});
