// Helpers that drive the built extension from its own pages. Page-side code is passed as plain
// expressions where it needs helper functions, so no bundler-inserted helper leaks into the page.
import type { BrowserContext, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

export async function openPage(
  browser: ExtensionBrowser,
  path: string,
  viewport = { width: 420, height: 640 },
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Opens the toolbar popup as a page and waits until React has rendered it. */
export async function openPopup(
  browser: ExtensionBrowser,
  viewport = { width: 380, height: 600 },
): Promise<Page> {
  const page = await openPage(browser, 'popup.html', viewport);
  await page.locator('#root', { hasText: 'Almanac' }).waitFor();
  return page;
}

/** Sends a runtime message from an extension page, as the popup and options do. */
export function sendMessage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

export interface StoredEvent {
  readonly calendarKey: string;
  readonly id: string;
  readonly etag: string;
}

/** Reads one object store of the extension's database (no Dexie, no message to the worker). */
export async function readStore<T>(page: Page, store: string): Promise<T[]> {
  const json = await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('almanac');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(${JSON.stringify(store)})) { db.close(); resolve('[]'); return; }
      const req = db.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).getAll();
      req.onsuccess = () => { db.close(); resolve(JSON.stringify(req.result)); };
      req.onerror = () => reject(req.error);
    };
  })`);
  return JSON.parse(String(json)) as T[];
}

/** Reads one object store from a page that runs none of our code (an icon): opening the popup
 * or options would message the background and so wake a stopped service worker. */
export async function readStoreQuietly<T>(browser: ExtensionBrowser, store: string): Promise<T[]> {
  const page = await openPage(browser, 'icon/16.png');
  const rows = await readStore<T>(page, store);
  await page.close();
  return rows;
}

/** Stops every service worker (as Chrome does to an idle one), through the DevTools protocol. */
export async function stopServiceWorkers(context: BrowserContext, via: Page): Promise<void> {
  const cdp = await context.newCDPSession(via);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
