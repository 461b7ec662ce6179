// Result notifications for quick add: success with an "Open" button (the event's htmlLink or the
// task's web link), or a clear error. The link of each notification is kept in session storage,
// because the service worker that created it may be gone when the user clicks.
import { APP_ICON_DATA_URL } from './app-icon';
import type { NotificationsApi, StorageAreaApi, TabsApi } from './browser-api';

const LINK_PREFIX = 'notification-link:';

export interface NotifyOptions {
  readonly title: string;
  readonly message: string;
  readonly contextMessage?: string;
  /** Shown as an "Open" button, and opened on a click on the notification itself. */
  readonly link?: string;
}

export interface Notifier {
  notify(options: NotifyOptions): Promise<string>;
  /** Listener bodies, registered synchronously by the background. */
  onClicked(id: string): Promise<void>;
  onButtonClicked(id: string, index: number): Promise<void>;
}

export function createNotifier(deps: {
  readonly notifications: NotificationsApi;
  readonly session: StorageAreaApi;
  readonly tabs: TabsApi;
  readonly newId: () => string;
}): Notifier {
  async function open(id: string) {
    const key = LINK_PREFIX + id;
    const link = (await deps.session.get(key))[key];
    if (typeof link === 'string') await deps.tabs.create({ url: link });
    await deps.notifications.clear(id);
    await deps.session.remove(key);
  }
  return {
    async notify(options) {
      const id = `almanac-${deps.newId()}`;
      if (options.link) await deps.session.set({ [LINK_PREFIX + id]: options.link });
      return deps.notifications.create(id, {
        type: 'basic',
        iconUrl: APP_ICON_DATA_URL,
        title: options.title,
        message: options.message,
        ...(options.contextMessage ? { contextMessage: options.contextMessage } : {}),
        ...(options.link ? { buttons: [{ title: 'Open' }] } : {}),
      });
    },
    onClicked: open,
    async onButtonClicked(id, index) {
      if (index === 0) await open(id);
    },
  };
}
