// What the new tab must list for the emulators' demo week (test/emulators/google/seed/
// demo-events.ts, test/emulators/todoist/seed.ts), day by day, for a viewer in any zone. The seed
// facts are written out here by hand, in the zones they were written in; only the conversion to
// the viewer's zone and the documented order are computed: all-day events (longest first, then
// by title), all-day tasks (most urgent first, then title), then timed entries by start time
// (events before tasks at the same minute, longer first).
import { Temporal } from 'temporal-polyfill';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

type Fact =
  | { kind: 'allday'; title: string; start: Temporal.PlainDate; days: number }
  | { kind: 'timed'; title: string; start: Temporal.ZonedDateTime; end: Temporal.ZonedDateTime }
  | {
      kind: 'task';
      title: string;
      date: Temporal.PlainDate;
      time?: string;
      priority: number;
    };

/** Google's demo events around the week of `monday` (a Monday in New York). */
export function demoEvents(monday: Temporal.PlainDate): Fact[] {
  const day = (n: number) => monday.add({ days: n });
  const at = (n: number, from: string, to: string, title: string, zone = NY): Fact => ({
    kind: 'timed',
    title,
    start: day(n).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(from) }),
    end: day(n).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(to) }),
  });
  const facts: Fact[] = [];
  for (let n = -7; n <= 13; n++) {
    const weekday = day(n).dayOfWeek;
    // Standup, 09:30 Berlin on weekdays; this week's Wednesday cancelled, Thursday moved.
    if (weekday <= 5 && n !== 2 && n !== 3)
      facts.push(at(n, '09:30', '09:45', 'Team standup', BERLIN));
    if (weekday === 2 && n >= -6) facts.push(at(n, '14:00', '14:30', '1:1 with Alex'));
    if ([1, 3, 5].includes(weekday)) facts.push(at(n, '07:00', '08:00', 'Gym'));
  }
  facts.push(
    at(3, '10:00', '10:30', 'Team standup (moved)', BERLIN),
    at(-3, '10:00', '11:00', 'Budget review'),
    at(0, '11:00', '12:00', 'Design review'),
    at(0, '13:00', '14:30', 'Sprint planning'),
    at(1, '10:00', '10:45', 'Customer call: Acme'),
    at(1, '14:00', '16:00', 'Focus time'),
    at(2, '15:00', '17:00', 'Quarterly planning'),
    at(3, '13:00', '14:00', 'Architecture sync'),
    at(4, '11:00', '12:00', 'Interview: frontend candidate'),
    at(4, '16:00', '17:00', 'Team retro'),
    at(7, '14:00', '15:00', 'Vendor demo'),
    at(8, '09:00', '10:00', 'Offsite prep'),
    at(1, '08:30', '09:15', 'Dentist'),
    at(6, '18:00', '18:30', 'Call mom'),
    at(-2, '19:00', '21:00', 'Book club'),
    at(5, '19:00', '21:00', 'Family dinner'),
    at(5, '10:00', '11:30', 'Soccer practice'),
    at(3, '18:00', '19:30', 'School play'),
    { kind: 'allday', title: 'Pay rent', start: day(0), days: 1 },
    { kind: 'allday', title: 'Trip to Lisbon', start: day(4), days: 3 },
    { kind: 'allday', title: "Founders' Day", start: day(2), days: 1 },
    { kind: 'allday', title: 'Community Day', start: day(9), days: 1 },
  );
  return facts;
}

/** Todoist's demo tasks (open ones with a date) around `today` (the account's today, New York);
 * the recurring "Team standup" is due where Todoist put it (`standupDate`). */
export function demoTasks(today: Temporal.PlainDate, standupDate: Temporal.PlainDate): Fact[] {
  const d = (n: number) => today.add({ days: n });
  const task = (n: number, title: string, priority = 1, time?: string): Fact => ({
    kind: 'task',
    title,
    date: d(n),
    priority,
    ...(time ? { time } : {}),
  });
  return [
    task(0, 'Call the dentist', 3),
    task(0, 'Buy groceries', 1, '18:00'),
    task(-1, 'Renew passport', 4),
    { kind: 'task', title: 'Team standup', date: standupDate, priority: 1 },
    task(1, 'Draft Q3 planning doc', 4, '10:00'),
    task(1, 'Collect metrics from the dashboard'),
    task(0, 'Review pull requests'),
    task(2, 'Reply to Sam about the offsite'),
    task(3, 'Prepare slides for the demo', 3, '14:00'),
    task(2, 'Water the plants'),
    task(4, 'Fix the leaking tap', 2),
    task(5, 'Plan weekend trip'),
    task(1, 'Pay electricity bill', 3),
  ];
}

interface Row {
  readonly text: string;
  readonly sort: readonly (number | string)[];
}

/** Each date of `days` → the rows the agenda shows, as "<when> <title>" (when may be empty). */
export function expectedRows(
  facts: readonly Fact[],
  days: readonly string[],
  zone: string,
): Record<string, string[]> {
  const range = new Intl.DateTimeFormat('en-US', {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
  });
  const out: Record<string, Row[]> = Object.fromEntries(days.map((d) => [d, []]));
  const push = (date: string, row: Row) => out[date]?.push(row);
  for (const f of facts) {
    if (f.kind === 'allday') {
      for (let i = 0; i < f.days; i++) {
        const when = f.days > 1 ? `Day ${i + 1} of ${f.days}` : 'All day';
        push(f.start.add({ days: i }).toString(), {
          text: `${when} ${f.title}`,
          sort: [0, -f.days, f.title],
        });
      }
    } else if (f.kind === 'timed') {
      const start = f.start.withTimeZone(zone);
      const end = f.end.withTimeZone(zone);
      if (!start.toPlainDate().equals(end.subtract({ nanoseconds: 1 }).toPlainDate())) {
        throw new Error(`${f.title} crosses midnight in ${zone}: not modelled here`);
      }
      const when = range.formatRange(start.epochMilliseconds, end.epochMilliseconds);
      push(start.toPlainDate().toString(), {
        text: `${when} ${f.title}`,
        sort: [2, start.epochMilliseconds, 0, -end.epochMilliseconds, f.title],
      });
    } else if (f.time === undefined) {
      push(f.date.toString(), { text: f.title, sort: [1, -f.priority, f.title] });
    } else {
      // Floating: that wall time in the viewer's zone.
      const at = f.date.toZonedDateTime({
        timeZone: zone,
        plainTime: Temporal.PlainTime.from(f.time),
      });
      push(f.date.toString(), {
        text: `${range.format(at.epochMilliseconds)} ${f.title}`,
        sort: [2, at.epochMilliseconds, 1, -f.priority, f.title],
      });
    }
  }
  const cmp = (a: Row, b: Row) => {
    for (let i = 0; i < Math.max(a.sort.length, b.sort.length); i++) {
      const x = a.sort[i] ?? '';
      const y = b.sort[i] ?? '';
      if (x === y) continue;
      return typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y));
    }
    return 0;
  };
  return Object.fromEntries(
    Object.entries(out).map(([d, rows]) => [d, rows.sort(cmp).map((r) => plain(r.text))]),
  );
}

/** Intl's spaces differ by ICU version (thin, narrow no-break): compare with plain ones. */
export function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The Monday of the week `date` is in. */
export function mondayOf(date: Temporal.PlainDate): Temporal.PlainDate {
  return date.subtract({ days: date.dayOfWeek - 1 });
}
