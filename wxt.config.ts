import { defineConfig } from 'wxt';
import { newtabBootHtml } from './scripts/newtab-boot-html';

// Build-time endpoints (README "Configuration"): default to the real services; `npm start` and the
// e2e tests point them at the local emulators and relay. Every value can be overridden at run time
// in the options page ("Advanced"), which asks for the host permission it then needs.
const env = (name: string, fallback: string) => process.env[name] || fallback;

const GOOGLE_AUTH_DEFAULT = 'https://accounts.google.com';
const TODOIST_API_DEFAULT = 'https://api.todoist.com';

const googleApiBase = env('ALMANAC_GOOGLE_API_BASE', 'https://www.googleapis.com');
const googleAuthBase = env('ALMANAC_GOOGLE_AUTH_BASE', GOOGLE_AUTH_DEFAULT);
// Real Google issues tokens on another host than it authorizes; the emulator serves both.
const googleTokenUrl = env(
  'ALMANAC_GOOGLE_TOKEN_URL',
  googleAuthBase === GOOGLE_AUTH_DEFAULT
    ? 'https://oauth2.googleapis.com/token'
    : `${googleAuthBase}/token`,
);
const todoistApiBase = env('ALMANAC_TODOIST_API_BASE', TODOIST_API_DEFAULT);
// Real Todoist authorizes on app.todoist.com; the emulator serves it next to its API.
const todoistAuthBase = env(
  'ALMANAC_TODOIST_AUTH_BASE',
  todoistApiBase === TODOIST_API_DEFAULT ? 'https://app.todoist.com' : todoistApiBase,
);
const relayUrl = env('ALMANAC_RELAY_URL', '');
// Chrome's own sign-in (identity.getAuthToken) needs a "Chrome extension" OAuth client in the
// manifest; without one the portable launchWebAuthFlow + PKCE path is used.
const chromeClientId = env('ALMANAC_GOOGLE_CHROME_CLIENT_ID', '');
const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/calendar.readonly',
  'https://www.googleapis.com/auth/calendar.events',
];

/** `https://host/*` for every configured endpoint that is not already a default host. */
function configuredHosts(): string[] {
  const hosts = new Set<string>();
  // The authorize page needs none: launchWebAuthFlow opens it in its own window.
  for (const url of [googleApiBase, googleTokenUrl, todoistApiBase, relayUrl]) {
    if (!url) continue;
    const { protocol, hostname } = new URL(url);
    // A match pattern without a port matches every port (the emulators run on ephemeral ones).
    hosts.add(`${protocol}//${hostname}/*`);
  }
  return [...hosts];
}

export default defineConfig({
  srcDir: 'extension',
  // Static files (the toolbar icons, extension/public/icon/<size>.png) live beside the sources;
  // WXT's default is <root>/public. Icons named icon/<size>.png become the manifest's `icons`.
  publicDir: 'extension/public',
  // The e2e tests build their own copy against emulators on ephemeral ports.
  outDir: process.env.ALMANAC_OUT_DIR || '.output',
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
    host_permissions: [
      ...new Set([
        'https://www.googleapis.com/*',
        'https://oauth2.googleapis.com/*',
        'https://api.todoist.com/*',
        ...configuredHosts(),
      ]),
    ],
    optional_host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*'],
    ...(chromeClientId ? { oauth2: { client_id: chromeClientId, scopes: GOOGLE_SCOPES } } : {}),
    ...(process.env.ALMANAC_EXTENSION_KEY ? { key: process.env.ALMANAC_EXTENSION_KEY } : {}),
  },
  vite: () => ({
    plugins: [newtabBootHtml()],
    define: {
      __ALMANAC_GOOGLE_API_BASE__: JSON.stringify(googleApiBase),
      __ALMANAC_GOOGLE_AUTH_BASE__: JSON.stringify(googleAuthBase),
      __ALMANAC_GOOGLE_TOKEN_URL__: JSON.stringify(googleTokenUrl),
      __ALMANAC_GOOGLE_CLIENT_ID__: JSON.stringify(
        env('ALMANAC_GOOGLE_CLIENT_ID', 'almanac-extension'),
      ),
      // Google's "installed app" secret is not confidential; empty when the client needs none.
      __ALMANAC_GOOGLE_CLIENT_SECRET__: JSON.stringify(env('ALMANAC_GOOGLE_CLIENT_SECRET', '')),
      __ALMANAC_GOOGLE_CHROME_CLIENT_ID__: JSON.stringify(chromeClientId),
      __ALMANAC_GOOGLE_SCOPES__: JSON.stringify(GOOGLE_SCOPES.join(' ')),
      __ALMANAC_TODOIST_API_BASE__: JSON.stringify(todoistApiBase),
      __ALMANAC_TODOIST_AUTH_BASE__: JSON.stringify(todoistAuthBase),
      __ALMANAC_TODOIST_CLIENT_ID__: JSON.stringify(
        env('ALMANAC_TODOIST_CLIENT_ID', 'almanac-extension'),
      ),
      __ALMANAC_TODOIST_CLIENT_SECRET__: JSON.stringify(env('ALMANAC_TODOIST_CLIENT_SECRET', '')),
      __ALMANAC_RELAY_URL__: JSON.stringify(relayUrl),
    },
  }),
});
