import { createCalendar, grantAccess } from '../calendars/calendar-store';
import type { GoogleState } from '../state';

/**
 * The users every seed starts with: `demo` (America/New_York) and `alex` (Europe/Berlin), each
 * with a primary calendar whose id is their email, as at Google.
 */
export const DEMO_USER = {
  id: 'demo',
  email: 'demo@example.com',
  displayName: 'Demo User',
  timeZone: 'America/New_York',
};
export const ALEX_USER = {
  id: 'alex',
  email: 'alex@example.com',
  displayName: 'Alex Rivera',
  timeZone: 'Europe/Berlin',
};

export const CALENDAR_IDS = {
  work: DEMO_USER.email,
  alex: ALEX_USER.email,
  personal: 'personal.demo@group.calendar.google.com',
  family: 'family.shared@group.calendar.google.com',
  holidays: 'en.usa#holiday@group.v.calendar.google.com',
} as const;

export function seedAccounts(state: GoogleState): void {
  for (const u of [DEMO_USER, ALEX_USER]) state.users.set(u.id, { ...u });
  state.commit((seq, touch) => {
    const c = { seq, touch };
    const work = createCalendar(state, c, {
      id: CALENDAR_IDS.work,
      meta: { summary: 'Work', timeZone: 'America/New_York' },
      primaryOf: 'demo',
    });
    grantAccess(state, c, work, 'demo', 'owner', { colorId: '16' });
    grantAccess(state, c, work, 'alex', 'freeBusyReader', { hidden: true });

    const alex = createCalendar(state, c, {
      id: CALENDAR_IDS.alex,
      meta: { summary: 'Alex Rivera', timeZone: 'Europe/Berlin' },
      primaryOf: 'alex',
    });
    grantAccess(state, c, alex, 'alex', 'owner', { colorId: '9' });

    const personal = createCalendar(state, c, {
      id: CALENDAR_IDS.personal,
      meta: { summary: 'Personal', timeZone: 'America/New_York' },
    });
    grantAccess(state, c, personal, 'demo', 'owner', { colorId: '7' });

    const family = createCalendar(state, c, {
      id: CALENDAR_IDS.family,
      meta: {
        summary: 'Family',
        description: 'Shared family calendar',
        timeZone: 'America/New_York',
      },
    });
    grantAccess(state, c, family, 'alex', 'owner', { colorId: '22' });
    grantAccess(state, c, family, 'demo', 'writer', { colorId: '22' });

    const holidays = createCalendar(state, c, {
      id: CALENDAR_IDS.holidays,
      meta: {
        summary: 'Holidays',
        description: 'Public holidays (demo)',
        timeZone: 'America/New_York',
      },
    });
    grantAccess(state, c, holidays, 'demo', 'reader', { colorId: '10' });
    grantAccess(state, c, holidays, 'alex', 'reader', { colorId: '10' });
  });
}
