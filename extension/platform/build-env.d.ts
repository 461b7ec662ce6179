// Replaced at build time by Vite `define` (wxt.config.ts). Read them only through build-config.ts,
// which also works where they are not defined (Node tests).
declare const __ALMANAC_GOOGLE_API_BASE__: string;
declare const __ALMANAC_GOOGLE_AUTH_BASE__: string;
declare const __ALMANAC_GOOGLE_TOKEN_URL__: string;
declare const __ALMANAC_GOOGLE_CLIENT_ID__: string;
declare const __ALMANAC_GOOGLE_CLIENT_SECRET__: string;
declare const __ALMANAC_GOOGLE_CHROME_CLIENT_ID__: string;
declare const __ALMANAC_GOOGLE_SCOPES__: string;
declare const __ALMANAC_TODOIST_API_BASE__: string;
declare const __ALMANAC_TODOIST_AUTH_BASE__: string;
declare const __ALMANAC_TODOIST_CLIENT_ID__: string;
declare const __ALMANAC_TODOIST_CLIENT_SECRET__: string;
declare const __ALMANAC_RELAY_URL__: string;
