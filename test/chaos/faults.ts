// The failures the engine must ride out (spec §1, §6): server errors, rate limits with
// Retry-After, dropped connections, expired sync tokens (410), expired access tokens (401),
// days offline. Each is injected into the emulator itself; nothing is faked in the engine.
import { CALENDAR_IDS } from '../emulators/google/index';
import type { Random } from './random';
import type { World } from './world';

const EVENTS = '/calendar/v3/calendars/*/events';
const LIST = '/calendar/v3/users/me/calendarList';

const rateLimited = (status: 403 | 429) => ({
  status,
  headers: { 'retry-after': '30' },
  body: {
    error: {
      errors: [
        { domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' },
      ],
      code: status,
      message: 'Rate Limit Exceeded',
    },
  },
});
const backendError = (status: 500 | 503) => ({
  status,
  body: {
    error: {
      errors: [{ domain: 'global', reason: 'backendError', message: 'Backend Error' }],
      code: status,
      message: 'Backend Error',
    },
  },
});

export function injectFault(world: World, random: Random): string {
  const { google } = world;
  const path = random.chance(0.85) ? EVENTS : LIST;
  const times = random.int(1, 3);
  switch (random.int(0, 6)) {
    case 0:
      google.faults.add({ match: { method: 'GET', path }, respond: backendError(503), times });
      return `503×${times}`;
    case 1:
      google.faults.add({ match: { method: 'GET', path }, respond: backendError(500), times });
      return `500×${times}`;
    case 2:
      google.faults.add({ match: { method: 'GET', path }, respond: rateLimited(429), times });
      return `429×${times}`;
    case 3:
      google.faults.add({ match: { method: 'GET', path }, respond: rateLimited(403), times });
      return `403 rate×${times}`;
    case 4:
      google.faults.add({
        match: { method: 'GET', path },
        respond: { dropConnection: true },
        times,
      });
      return `drop×${times}`;
    case 5: {
      // spec §1: tokens die on expiry, ACL changes, "too many changes" — one calendar or all.
      const all = random.chance(0.3);
      const calendarId = random.pick([
        CALENDAR_IDS.work,
        CALENDAR_IDS.personal,
        CALENDAR_IDS.family,
      ]);
      google.expireSyncTokens(all ? {} : { calendarId });
      return all ? 'expire all sync tokens' : 'expire one calendar’s sync tokens';
    }
    default: {
      const token = world.tokens.issued.at(-1);
      if (token) google.tokens.expire(token);
      return 'expire access token';
    }
  }
}
