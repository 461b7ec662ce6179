// Settings in chrome.storage.local under one key. The background is the only writer (through the
// updateSettings message); pages read the same key and listen to storage changes.
import type { StorageAreaApi } from './browser-api';
import {
  applySettingsPatch,
  parseStoredSettings,
  type Settings,
  type SettingsPatch,
} from './settings';

export const SETTINGS_KEY = 'settings';

export interface SettingsStore {
  load(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<{ before: Settings; after: Settings }>;
}

export function createSettingsStore(area: StorageAreaApi, defaults: Settings): SettingsStore {
  // Serialized, so two quick updates never overwrite each other's fields.
  let queue: Promise<unknown> = Promise.resolve();
  const load = async () =>
    parseStoredSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY], defaults);
  return {
    load,
    update(patch) {
      const run = queue.then(async () => {
        const before = await load();
        const after = applySettingsPatch(before, patch);
        await area.set({ [SETTINGS_KEY]: after });
        return { before, after };
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
