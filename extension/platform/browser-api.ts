// The slice of the extension APIs the background uses, as narrow structural types. The background
// entrypoint passes `browser` (WXT: chrome in Chromium); tests pass WXT's fake browser plus small
// in-memory fakes for the APIs it does not implement (contextMenus, identity, permissions).

// biome-ignore lint/suspicious/noExplicitAny: listener signatures vary per event; callers type them.
export interface ExtensionEvent<F extends (...args: any[]) => unknown> {
  addListener(callback: F): void;
}

export interface AlarmInfo {
  readonly name: string;
  readonly scheduledTime: number;
  readonly periodInMinutes?: number | undefined;
}

export interface AlarmsApi {
  create(name: string, info: { when?: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<boolean>;
  getAll(): Promise<AlarmInfo[]>;
  onAlarm: ExtensionEvent<(alarm: AlarmInfo) => void>;
}

export type SendResponse = (response: unknown) => void;

export interface RuntimeApi {
  readonly id: string;
  getURL(path: string): string;
  onMessage: ExtensionEvent<
    (message: unknown, sender: unknown, sendResponse: SendResponse) => unknown
  >;
  onInstalled: ExtensionEvent<(details: { reason: string }) => void>;
  onStartup: ExtensionEvent<() => void>;
  /** Any extension API call resets the service worker's idle timer; used as a keep-alive. */
  getPlatformInfo?(): Promise<unknown>;
  openOptionsPage?(): Promise<void>;
}

export interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

export type MenuContext = 'selection' | 'link' | 'page';

export interface MenuCreateProperties {
  id: string;
  title: string;
  /** Non-empty, as chrome.contextMenus requires. */
  contexts: [MenuContext, ...MenuContext[]];
  parentId?: string;
  enabled?: boolean;
}

export interface MenuClickInfo {
  readonly menuItemId: string | number;
  readonly selectionText?: string | undefined;
  readonly linkUrl?: string | undefined;
  readonly pageUrl?: string | undefined;
}

export interface MenuTab {
  readonly title?: string | undefined;
  readonly url?: string | undefined;
}

export interface ContextMenusApi {
  create(properties: MenuCreateProperties, callback?: () => void): unknown;
  removeAll(): Promise<void>;
  onClicked: ExtensionEvent<(info: MenuClickInfo, tab?: MenuTab) => void>;
}

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  contextMessage?: string;
  buttons?: { title: string }[];
  priority?: number;
}

export interface NotificationsApi {
  create(id: string, options: NotificationOptions): Promise<string>;
  clear(id: string): Promise<boolean>;
  onClicked: ExtensionEvent<(id: string) => void>;
  onButtonClicked: ExtensionEvent<(id: string, buttonIndex: number) => void>;
}

export interface IdentityApi {
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  getRedirectURL(path?: string): string;
  /** Chrome only (not Edge, Brave, Chromium without Google keys). */
  getAuthToken?(details: {
    interactive: boolean;
    scopes?: string[];
  }): Promise<{ token?: string } | string | undefined>;
  removeCachedAuthToken?(details: { token: string }): Promise<void>;
}

export interface StorageAreaApi {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface TabsApi {
  create(properties: { url: string }): Promise<unknown>;
}

export interface BrowserApis {
  readonly alarms: AlarmsApi;
  readonly runtime: RuntimeApi;
  readonly action: ActionApi;
  readonly contextMenus: ContextMenusApi;
  readonly notifications: NotificationsApi;
  readonly identity: IdentityApi;
  readonly storage: { readonly local: StorageAreaApi; readonly session: StorageAreaApi };
  readonly tabs: TabsApi;
}
