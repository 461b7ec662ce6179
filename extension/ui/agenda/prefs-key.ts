// Where the new tab keeps its preferences (prefs.ts) in localStorage. Apart, so the page's boot
// script can read the saved view without loading zod.
export const PREFS_KEY = 'almanac:agenda-prefs';
