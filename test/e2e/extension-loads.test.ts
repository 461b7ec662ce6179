import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type ExtensionBrowser, launchWithExtension } from './support/browser';

describe('the built extension in Debian Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
      throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
    }
    browser = await launchWithExtension();
  });
  afterAll(async () => browser?.close());

  it('starts its MV3 service worker', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(
      `chrome-extension://${browser.extensionId}/background.js`,
    );
  });

  it('renders the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => page.locator('#root').textContent()).toContain('Almanac');
    await page.close();
  });
});
