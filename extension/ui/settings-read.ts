// The settings as the pages read them: chrome.storage.local, checked field by field (a field
// that fails validation takes its default), and echoed for the new tab's boot script
// (settings-echo.ts).
import { browser } from 'wxt/browser';
import { buildConfig } from '../platform/build-config';
import { defaultSettings, parseStoredSettings, type Settings } from '../platform/settings';
import { SETTINGS_KEY } from '../platform/settings-store';
import { echoShowCompleted } from './settings-echo';

export async function readSettings(): Promise<Settings> {
  const all = await browser.storage.local.get(SETTINGS_KEY);
  const settings = parseStoredSettings(all[SETTINGS_KEY], defaultSettings(buildConfig()));
  echoShowCompleted(settings.showCompletedTasks);
  return settings;
}
