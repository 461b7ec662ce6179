// The endpoints and OAuth clients baked in at build time (wxt.config.ts `define`). Settings may
// override the endpoints at run time (settings.ts `advanced`); effective-config.ts merges them.

export interface Endpoints {
  /** Google Calendar API origin (`/calendar/v3/...` is appended). */
  readonly googleApiBase: string;
  /** OAuth authorize endpoint (real Google and the emulator: `<auth base>/o/oauth2/v2/auth`). */
  readonly googleAuthUrl: string;
  /** OAuth token endpoint (real Google: oauth2.googleapis.com/token; emulator: `<base>/token`). */
  readonly googleTokenUrl: string;
  readonly googleRevokeUrl: string;
  readonly todoistApiBase: string;
  readonly todoistAuthUrl: string;
  readonly todoistTokenUrl: string;
  /** Empty = no relay: the extension polls. */
  readonly relayUrl: string;
}

export interface BuildConfig extends Endpoints {
  readonly googleClientId: string;
  readonly googleClientSecret: string;
  /** The manifest `oauth2.client_id`; when set and chrome.identity.getAuthToken exists, Chrome's
   * own account sign-in is used instead of launchWebAuthFlow. */
  readonly googleChromeClientId: string;
  readonly googleScopes: string;
  readonly todoistClientId: string;
  readonly todoistClientSecret: string;
}

const read = (value: () => string, fallback: string) => {
  try {
    return value();
  } catch {
    // Not replaced (Node tests import this module without the Vite define).
    return fallback;
  }
};

export function buildConfig(): BuildConfig {
  const googleAuthBase = read(() => __ALMANAC_GOOGLE_AUTH_BASE__, 'https://accounts.google.com');
  const todoistApiBase = read(() => __ALMANAC_TODOIST_API_BASE__, 'https://api.todoist.com');
  const todoistAuthBase = read(() => __ALMANAC_TODOIST_AUTH_BASE__, 'https://app.todoist.com');
  const googleTokenUrl = read(
    () => __ALMANAC_GOOGLE_TOKEN_URL__,
    'https://oauth2.googleapis.com/token',
  );
  return {
    googleApiBase: read(() => __ALMANAC_GOOGLE_API_BASE__, 'https://www.googleapis.com'),
    googleAuthUrl: `${googleAuthBase}/o/oauth2/v2/auth`,
    googleTokenUrl,
    googleRevokeUrl: googleTokenUrl.replace(/\/token$/, '/revoke'),
    todoistApiBase,
    todoistAuthUrl: `${todoistAuthBase}/oauth/authorize`,
    todoistTokenUrl: `${todoistApiBase}/oauth/access_token`,
    relayUrl: read(() => __ALMANAC_RELAY_URL__, ''),
    googleClientId: read(() => __ALMANAC_GOOGLE_CLIENT_ID__, 'almanac-extension'),
    googleClientSecret: read(() => __ALMANAC_GOOGLE_CLIENT_SECRET__, ''),
    googleChromeClientId: read(() => __ALMANAC_GOOGLE_CHROME_CLIENT_ID__, ''),
    googleScopes: read(
      () => __ALMANAC_GOOGLE_SCOPES__,
      'https://www.googleapis.com/auth/calendar.readonly https://www.googleapis.com/auth/calendar.events',
    ),
    todoistClientId: read(() => __ALMANAC_TODOIST_CLIENT_ID__, 'almanac-extension'),
    todoistClientSecret: read(() => __ALMANAC_TODOIST_CLIENT_SECRET__, ''),
  };
}
