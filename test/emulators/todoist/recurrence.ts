import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';

/**
 * Recurring due strings ("every day", "every monday", "every weekday", spec §3/§4), turned into
 * RFC 5545 rules and stepped with rrule-temporal. Dates are wall-clock values (Todoist's all-day
 * and floating dues have no zone), so rules run in UTC where no DST can shift them.
 */
export interface Recurrence {
  /** RRULE body, e.g. `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`. */
  rrule: string;
  /** `every!`: the next date counts from completion, not from the old due date. */
  fromCompletion: boolean;
  /** Time of day when the string names one ("every day at 9am"). */
  time: { hour: number; minute: number } | null;
}

export interface RecurrenceMatch {
  recurrence: Recurrence;
  /** The matched words exactly as typed; becomes `due.string`. */
  text: string;
  index: number;
}

const DAYS: Record<string, string> = {
  monday: 'MO',
  mon: 'MO',
  tuesday: 'TU',
  tue: 'TU',
  tues: 'TU',
  wednesday: 'WE',
  wed: 'WE',
  thursday: 'TH',
  thu: 'TH',
  thur: 'TH',
  thurs: 'TH',
  friday: 'FR',
  fri: 'FR',
  saturday: 'SA',
  sat: 'SA',
  sunday: 'SU',
  sun: 'SU',
};
const DAY = Object.keys(DAYS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const DAY_LIST = `(?:${DAY})(?:\\s*(?:,|and|,\\s*and)\\s*(?:${DAY}))*`;
const UNIT = 'days?|weekdays?|workdays?|weeks?|months?|years?';
const TIME =
  '(?:\\s+at\\s+\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)?|\\s+\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)|\\s+\\d{1,2}:\\d{2}|\\s+(?:at\\s+)?noon)';
const PATTERN = new RegExp(
  `(?<![\\w])(?:(every!?)\\s+(?:(other)\\s+|(\\d+)\\s+)?(${UNIT}|${DAY_LIST})|(daily|weekly|monthly|yearly))(${TIME})?(?![\\w])`,
  'i',
);

/** The largest `every N <unit>` accepted. */
export const MAX_INTERVAL = 1000;

/** Finds the first recurrence phrase in `text`, or null. */
export function findRecurrence(text: string): RecurrenceMatch | null {
  const m = PATTERN.exec(text);
  if (m === null) return null;
  const [whole, every, other, count, unitOrDays, adverb, timeText] = m;
  const interval = other ? 2 : count ? Number(count) : 1;
  // [open] "every 99999999999 days" is no rule a person sets; past MAX_INTERVAL the words are
  // not a recurrence (so not a valid due), which also keeps every next date inside Temporal's range.
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL) return null;
  const rrule = adverb ? adverbRule(adverb) : unitRule(unitOrDays ?? '', interval);
  if (rrule === null) return null;
  return {
    recurrence: {
      rrule,
      fromCompletion: every?.endsWith('!') ?? false,
      time: timeText ? parseTime(timeText) : null,
    },
    text: whole,
    index: m.index,
  };
}

function adverbRule(adverb: string): string {
  const freq = { daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY', yearly: 'YEARLY' };
  return `FREQ=${freq[adverb.toLowerCase() as keyof typeof freq]}`;
}

function unitRule(unit: string, interval: number): string | null {
  const u = unit.toLowerCase();
  const every = interval > 1 ? `;INTERVAL=${interval}` : '';
  if (/^(weekday|workday)s?$/.test(u)) return 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
  if (/^days?$/.test(u)) return `FREQ=DAILY${every}`;
  if (/^weeks?$/.test(u)) return `FREQ=WEEKLY${every}`;
  if (/^months?$/.test(u)) return `FREQ=MONTHLY${every}`;
  if (/^years?$/.test(u)) return `FREQ=YEARLY${every}`;
  const days = u.match(new RegExp(DAY, 'g'));
  if (days === null) return null;
  const byDay = [...new Set(days.map((d) => DAYS[d]))].join(',');
  return `FREQ=WEEKLY${every};BYDAY=${byDay}`;
}

function parseTime(text: string): { hour: number; minute: number } | null {
  const t = text.trim().toLowerCase();
  if (t.endsWith('noon')) return { hour: 12, minute: 0 };
  const m = /(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/.exec(t);
  if (m === null) return null;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  if (m[3] === 'pm' && hour < 12) hour += 12;
  if (m[3] === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** A wall-clock occurrence: a date, plus a time when the rule has one. */
export type Occurrence = Temporal.PlainDate | Temporal.PlainDateTime;

function toZoned(at: Occurrence): Temporal.ZonedDateTime {
  const dt = at instanceof Temporal.PlainDate ? at.toPlainDateTime() : at;
  return dt.toZonedDateTime('UTC');
}

function fromZoned(z: Temporal.ZonedDateTime, timed: boolean): Occurrence {
  return timed ? z.toPlainDateTime() : z.toPlainDate();
}

function ruleAt(r: Recurrence, anchor: Occurrence): RRuleTemporal {
  return new RRuleTemporal({ rruleString: r.rrule, dtstart: toZoned(anchor) });
}

/** rrule-temporal may hand back another Temporal implementation's object: normalise it. */
function nextAfter(
  rule: RRuleTemporal,
  after: Temporal.ZonedDateTime,
  inclusive: boolean,
): Temporal.ZonedDateTime | null {
  const next = rule.next(after, inclusive);
  return next === null ? null : Temporal.ZonedDateTime.from(next.toString());
}

/**
 * The first due date of a new recurring task: the earliest occurrence not before `now`
 * (today counts for all-day rules; a timed rule counts today only if the time is still ahead).
 */
export function firstOccurrence(r: Recurrence, now: Temporal.PlainDateTime): Occurrence {
  const timed = r.time !== null;
  const anchor: Occurrence = timed
    ? now.toPlainDate().toPlainDateTime({ hour: r.time!.hour, minute: r.time!.minute })
    : now.toPlainDate();
  const from = timed ? now.round({ smallestUnit: 'minute', roundingMode: 'ceil' }) : anchor;
  const next = nextAfter(ruleAt(r, anchor), toZoned(from), true);
  return next === null ? anchor : fromZoned(next, timed);
}

/**
 * The date a recurring task moves to when it is closed (spec §3 item_close). Counted from the
 * old due date (`every`) or from now (`every!`); either way never left in the past — an overdue
 * daily task closed today is next due on the first occurrence from today on, as Todoist does.
 */
export function nextOccurrence(
  r: Recurrence,
  current: Occurrence,
  now: Temporal.PlainDateTime,
): Occurrence {
  const timed = current instanceof Temporal.PlainDateTime;
  const rule = ruleAt(r, current);
  // The earliest acceptable next date: today (all-day) or now (timed).
  const floor = toZoned(timed ? now : now.toPlainDate());
  let next = nextAfter(rule, toZoned(current), false);
  if (r.fromCompletion) {
    // `every!` counts from completion: the cadence restarts today (at the due's time).
    const restart: Occurrence = timed
      ? now.toPlainDate().toPlainDateTime((current as Temporal.PlainDateTime).toPlainTime())
      : now.toPlainDate();
    next = nextAfter(ruleAt(r, restart), toZoned(restart), false);
  } else if (next !== null && Temporal.ZonedDateTime.compare(next, floor) < 0) {
    next = nextAfter(rule, floor, !timed);
  }
  return next === null ? current : fromZoned(next, timed);
}
