// Google error bodies exactly as the spec states them (../../shared/specs/google-calendar-api.md),
// written out here rather than taken from the emulator, so tests that compare against them prove
// the emulator (and feed the engine) the spec's text, not the emulator's own idea of it.

/** spec §1: the 410 body, quoted verbatim by the spec (this string is the spec's line). */
export const FULL_SYNC_REQUIRED_BODY = JSON.parse(
  '{"error":{"errors":[{"domain":"calendar","reason":"fullSyncRequired","message":"Sync token is no longer valid, a full sync is required.","locationType":"parameter","location":"syncToken"}],"code":410,"message":"Sync token is no longer valid, a full sync is required."}}',
) as Record<string, unknown>;

/** spec §6: 401 global/authError "Invalid Credentials", location Authorization (a header). */
export const AUTH_ERROR_BODY = {
  error: {
    errors: [
      {
        domain: 'global',
        reason: 'authError',
        message: 'Invalid Credentials',
        locationType: 'header',
        location: 'Authorization',
      },
    ],
    code: 401,
    message: 'Invalid Credentials',
  },
};
