import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { advanceRecurring } from '../../../emulators/todoist/due';
import type { DueJson } from '../../../emulators/todoist/model';
import { findRecurrence } from '../../../emulators/todoist/recurrence';

const NY = 'America/New_York';
/** Noon in New York on `date`. */
const noonNY = (date: string) =>
  Temporal.PlainDateTime.from(`${date}T12:00:00`).toZonedDateTime(NY).epochMilliseconds;
const due = (date: string, string: string, timezone: string | null = null): DueJson => ({
  date,
  timezone,
  string,
  lang: 'en',
  is_recurring: true,
});
const next = (d: DueJson, today: string) =>
  advanceRecurring(d, { now: noonNY(today), timeZone: NY })?.date;

describe('recurring due dates (item_close)', () => {
  it('§3 "every day" moves to the next day; an overdue one to today', () => {
    expect(next(due('2025-03-05', 'every day'), '2025-03-05')).toBe('2025-03-06');
    expect(next(due('2025-03-01', 'every day'), '2025-03-05')).toBe('2025-03-05');
  });

  it('§3 "every monday" moves a week on; "every weekday" skips the weekend', () => {
    expect(next(due('2025-03-10', 'every monday'), '2025-03-10')).toBe('2025-03-17');
    expect(next(due('2025-03-07', 'every weekday'), '2025-03-07')).toBe('2025-03-10');
    expect(next(due('2025-03-10', 'every weekday'), '2025-03-10')).toBe('2025-03-11');
    expect(next(due('2025-03-04', 'every mon, wed'), '2025-03-03')).toBe('2025-03-05');
  });

  it('§3 timed recurrences keep their time; fixed-zone ones stay in UTC with their zone', () => {
    expect(next(due('2025-03-05T09:00:00', 'every day at 9am'), '2025-03-05')).toBe(
      '2025-03-06T09:00:00',
    );
    // 09:00 in New York, stored as UTC; across the DST switch the UTC hour changes.
    const fixed = due('2025-03-07T14:00:00Z', 'every monday at 9am', NY);
    const moved = advanceRecurring(fixed, { now: noonNY('2025-03-07'), timeZone: NY });
    expect(moved).toMatchObject({ date: '2025-03-10T13:00:00Z', timezone: NY, is_recurring: true });
  });

  it('§3 "every!" counts from completion, other intervals from the old date', () => {
    expect(next(due('2025-03-01', 'every! 3 days'), '2025-03-05')).toBe('2025-03-08');
    expect(next(due('2025-03-05', 'every 2 weeks'), '2025-03-05')).toBe('2025-03-19');
    expect(next(due('2025-01-31', 'every month'), '2025-01-31')).toBe('2025-03-31');
  });

  it('§3 a non-recurring due does not advance', () => {
    expect(
      advanceRecurring(
        { ...due('2025-03-05', 'Mar 5'), is_recurring: false },
        { now: 0, timeZone: NY },
      ),
    ).toBeNull();
  });

  it('§4 recognises the recurrence phrases, and not ordinary words', () => {
    expect(findRecurrence('water plants every other day')?.recurrence.rrule).toBe(
      'FREQ=DAILY;INTERVAL=2',
    );
    expect(findRecurrence('standup every weekday')?.recurrence.rrule).toBe(
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    );
    expect(findRecurrence('gym every monday and thursday 7pm')?.recurrence).toEqual({
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TH',
      fromCompletion: false,
      time: { hour: 19, minute: 0 },
    });
    expect(findRecurrence('pay rent monthly')?.recurrence.rrule).toBe('FREQ=MONTHLY');
    expect(findRecurrence('everybody dance')).toBeNull();
    expect(findRecurrence('every so often')).toBeNull();
  });
});
