import { Temporal } from 'temporal-polyfill';
import type { EventInput } from '../events/event-input';
import { insertEvent, patchEvent, type WriteTarget } from '../events/event-writes';
import { instanceId } from '../events/instances';
import type { GoogleState } from '../state';
import { ALEX_USER, CALENDAR_IDS, DEMO_USER } from './accounts';

/**
 * The demo week (about 35 entries around "today" in America/New_York): a weekday standup in
 * Europe/Berlin time with one cancelled and one moved instance, meetings (one declined), a
 * three-day all-day trip, a family dinner on a shared calendar, holidays on a read-only one.
 * Everything is relative to the clock and ids come from the seeded PRNG: deterministic.
 */
const ZONE = 'America/New_York';
const SAM = 'sam@example.com';

function people(...emails: [string, Partial<{ responseStatus: string }>?][]) {
  return emails.map(([email, extra]) => ({
    email,
    responseStatus: (extra?.responseStatus ?? 'accepted') as
      | 'accepted'
      | 'declined'
      | 'needsAction'
      | 'tentative',
  }));
}

export function seedDemoEvents(state: GoogleState): void {
  const today = Temporal.Instant.fromEpochMilliseconds(state.now())
    .toZonedDateTimeISO(ZONE)
    .toPlainDate();
  const monday = today.subtract({ days: today.dayOfWeek - 1 });
  const day = (offset: number) => monday.add({ days: offset });
  const at = (offset: number, time: string, zone = ZONE) =>
    day(offset).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) });
  const timed = (offset: number, from: string, to: string, zone = ZONE) => ({
    start: { dateTime: at(offset, from, zone).toString({ timeZoneName: 'never' }), timeZone: zone },
    end: { dateTime: at(offset, to, zone).toString({ timeZoneName: 'never' }), timeZone: zone },
  });
  const allDay = (offset: number, days = 1) => ({
    start: { date: day(offset).toString() },
    end: { date: day(offset + days).toString() },
  });

  const target = (calendarId: string, userId: string): WriteTarget => ({
    state,
    calendar: state.calendars.get(calendarId)!,
    user: state.user(userId),
  });
  const work = target(CALENDAR_IDS.work, 'demo');
  const personal = target(CALENDAR_IDS.personal, 'demo');
  const family = target(CALENDAR_IDS.family, 'alex');
  const holidays = target(CALENDAR_IDS.holidays, 'demo');
  const alex = target(CALENDAR_IDS.alex, 'alex');
  const add = (t: WriteTarget, input: EventInput) => insertEvent(t, input);

  // Standup: 09:30 Berlin on weekdays, from last week's Monday.
  const standup = add(work, {
    summary: 'Team standup',
    location: 'Berlin office / Meet',
    ...timed(-7, '09:30', '09:45', 'Europe/Berlin'),
    recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    attendees: people([DEMO_USER.email], [ALEX_USER.email], [SAM]),
  });
  const occurrence = (offset: number) =>
    instanceId(standup.id, {
      kind: 'dateTime',
      ms: at(offset, '09:30', 'Europe/Berlin').epochMilliseconds,
    });
  patchEvent(work, occurrence(2), { status: 'cancelled' });
  patchEvent(work, occurrence(3), {
    summary: 'Team standup (moved)',
    ...timed(3, '10:00', '10:30', 'Europe/Berlin'),
  });

  add(work, {
    summary: '1:1 with Alex',
    ...timed(-6, '14:00', '14:30'),
    recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU'],
    attendees: people([DEMO_USER.email], [ALEX_USER.email]),
  });
  add(work, { summary: 'Budget review', ...timed(-3, '10:00', '11:00') });
  add(work, {
    summary: 'Design review',
    description: 'New onboarding flow',
    ...timed(0, '11:00', '12:00'),
  });
  add(work, {
    summary: 'Sprint planning',
    ...timed(0, '13:00', '14:30'),
    attendees: people([DEMO_USER.email], [SAM]),
  });
  add(work, { summary: 'Customer call: Acme', location: 'Zoom', ...timed(1, '10:00', '10:45') });
  add(work, { summary: 'Focus time', transparency: 'transparent', ...timed(1, '14:00', '16:00') });
  add(work, {
    summary: 'Quarterly planning',
    ...timed(2, '15:00', '17:00'),
    attendees: people([ALEX_USER.email], [DEMO_USER.email, { responseStatus: 'declined' }], [SAM]),
  });
  add(work, { summary: 'Architecture sync', ...timed(3, '13:00', '14:00') });
  add(work, { summary: 'Interview: frontend candidate', ...timed(4, '11:00', '12:00') });
  add(work, { summary: 'Team retro', ...timed(4, '16:00', '17:00') });
  add(work, { summary: 'Vendor demo', ...timed(7, '14:00', '15:00') });
  add(work, { summary: 'Offsite prep', ...timed(8, '09:00', '10:00') });

  add(personal, {
    summary: 'Gym',
    ...timed(-7, '07:00', '08:00'),
    recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR'],
  });
  add(personal, { summary: 'Pay rent', ...allDay(0), transparency: 'transparent' });
  add(personal, { summary: 'Dentist', location: '12 Main St', ...timed(1, '08:30', '09:15') });
  add(personal, { summary: 'Trip to Lisbon', ...allDay(4, 3), location: 'Lisbon, Portugal' });
  add(personal, { summary: 'Call mom', ...timed(6, '18:00', '18:30') });
  add(personal, { summary: 'Book club', ...timed(-2, '19:00', '21:00') });

  add(family, { summary: 'Family dinner', location: "Grandma's", ...timed(5, '19:00', '21:00') });
  add(family, { summary: 'Soccer practice', ...timed(5, '10:00', '11:30') });
  add(family, { summary: 'School play', ...timed(3, '18:00', '19:30') });

  add(holidays, {
    summary: "Founders' Day",
    ...allDay(2),
    transparency: 'transparent',
    visibility: 'public',
  });
  add(holidays, {
    summary: 'Community Day',
    ...allDay(9),
    transparency: 'transparent',
    visibility: 'public',
  });

  add(alex, { summary: 'Alex: Physio', ...timed(1, '17:00', '18:00', 'Europe/Berlin') });
  add(alex, { summary: 'Alex: Flight to NYC', ...timed(6, '08:00', '16:30', 'Europe/Berlin') });
}
