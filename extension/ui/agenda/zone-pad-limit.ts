// The widest any two zones' clocks differ (UTC+14 vs UTC−12): how far past the viewer's days a
// read must reach to be sure of other zones' rows (zone-pad.ts). Apart, and free of imports, so the
// new tab's boot script (boot-window.ts) can use it before the Temporal polyfill has loaded.
export const MAX_ZONE_PAD_MS = 26 * 3_600_000;
