import { defineConfig } from 'wxt';

// Build-time endpoints (README "Configuration"): default to the real services; `npm start` and the
// e2e tests point them at the local emulators and relay.
const env = (name: string, fallback: string) => process.env[name] ?? fallback;

export default defineConfig({
  srcDir: 'extension',
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Almanac',
    description: 'Your Google calendars and Todoist tasks, live in the browser.',
    permissions: [
      'storage',
      'alarms',
      'identity',
      'contextMenus',
      'notifications',
      'unlimitedStorage',
    ],
    host_permissions: ['https://www.googleapis.com/*', 'https://api.todoist.com/*'],
    optional_host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*'],
  },
  vite: () => ({
    define: {
      __ALMANAC_GOOGLE_API_BASE__: JSON.stringify(
        env('ALMANAC_GOOGLE_API_BASE', 'https://www.googleapis.com'),
      ),
      __ALMANAC_GOOGLE_AUTH_BASE__: JSON.stringify(
        env('ALMANAC_GOOGLE_AUTH_BASE', 'https://accounts.google.com'),
      ),
      __ALMANAC_TODOIST_API_BASE__: JSON.stringify(
        env('ALMANAC_TODOIST_API_BASE', 'https://api.todoist.com'),
      ),
      __ALMANAC_RELAY_URL__: JSON.stringify(env('ALMANAC_RELAY_URL', '')),
    },
  }),
});
