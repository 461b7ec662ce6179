// The browser APIs for wiring tests: WXT's fake browser where it implements an API (alarms,
// runtime, storage, notifications, tabs, action), and small in-memory fakes for the rest
// (contextMenus, identity), which it leaves unimplemented.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type {
  BrowserApis,
  ContextMenusApi,
  IdentityApi,
  MenuClickInfo,
  MenuCreateProperties,
  MenuTab,
} from '../../../extension/platform/browser-api';

export interface FakeMenus extends ContextMenusApi {
  readonly items: MenuCreateProperties[];
  click(info: MenuClickInfo, tab?: MenuTab): void;
  listeners(): number;
}

export function createFakeMenus(): FakeMenus {
  const items: MenuCreateProperties[] = [];
  const listeners: Array<(info: MenuClickInfo, tab?: MenuTab) => void> = [];
  return {
    items,
    create(properties, callback) {
      if (items.some((i) => i.id === properties.id))
        throw new Error(`duplicate id ${properties.id}`);
      if (properties.parentId && !items.some((i) => i.id === properties.parentId)) {
        throw new Error(`no parent ${properties.parentId}`);
      }
      items.push(properties);
      callback?.();
      return properties.id;
    },
    async removeAll() {
      items.length = 0;
    },
    onClicked: { addListener: (l) => listeners.push(l) },
    click: (info, tab) => {
      for (const l of listeners) l(info, tab);
    },
    listeners: () => listeners.length,
  };
}

/** launchWebAuthFlow against an in-process OAuth server: follows the authorize request to its
 * redirect, as Chrome does when the provider consents without showing a page. */
export function createFakeIdentity(serverFetch: typeof fetch): IdentityApi & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    getRedirectURL: () => `https://${fakeBrowser.runtime.id}.chromiumapp.org/`,
    async launchWebAuthFlow({ url }) {
      urls.push(url);
      const res = await serverFetch(url, { redirect: 'manual' });
      const location = res.headers.get('location');
      if (res.status !== 302 || !location) throw new Error('The user did not approve access.');
      return location;
    },
  };
}

export function fakeApis(overrides: {
  menus: ContextMenusApi;
  identity: IdentityApi;
}): BrowserApis {
  return {
    alarms: fakeBrowser.alarms,
    // The fake is typed after webextension-polyfill, whose onMessage has no sendResponse; the
    // listener under test answers through sendResponse when given one (Chrome always does).
    runtime: fakeBrowser.runtime as unknown as BrowserApis['runtime'],
    action: fakeBrowser.action,
    contextMenus: overrides.menus,
    notifications: fakeBrowser.notifications,
    identity: overrides.identity,
    storage: { local: fakeBrowser.storage.local, session: fakeBrowser.storage.session },
    tabs: fakeBrowser.tabs,
  };
}
