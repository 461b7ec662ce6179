import type { Clock } from '../common/clock';
import { errors } from './errors';
import type { AccessRole, EventState } from './events/event-types';
import { EtagSource, Prng } from './ids';
import type { Versioned } from './versioned';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  timeZone: string;
}

export interface CalendarMeta {
  summary: string;
  description?: string;
  location?: string;
  timeZone: string;
}

export interface CalendarRecord {
  id: string;
  meta: CalendarMeta;
  /** user id → role. The owner of a primary calendar is its user. */
  acl: Map<string, AccessRole>;
  /** The user whose primary calendar this is, if any. */
  primaryOf?: string;
  deleted: boolean;
  events: Map<string, Versioned<EventState>>;
  /** Etag and time of the calendar's last change: the events envelope's `etag`/`updated`. */
  lastEtag: string;
  lastUpdatedMs: number;
  /** Opaque, stable id of the events collection (spec §4: resourceId). */
  resourceId: string;
}

/** A user's own view of a calendar (spec §5). */
export interface CalendarListState {
  calendarId: string;
  accessRole: AccessRole;
  summaryOverride?: string;
  colorId: string;
  backgroundColor: string;
  foregroundColor: string;
  hidden: boolean;
  selected: boolean;
  primary: boolean;
  deleted: boolean;
  defaultReminders: ReminderOverride[];
  etag: string;
}

export interface ReminderOverride {
  method: string;
  minutes: number;
}

export type ChangeTarget =
  | { kind: 'events'; calendarId: string }
  | { kind: 'calendarList'; userId: string };

/**
 * All mutable emulator state. Every write happens inside `commit()`, which hands out the next
 * global sequence number: sync tokens and page tokens name such a number (a snapshot), and
 * `Versioned` keeps each record's value per sequence.
 */
export class GoogleState {
  readonly clock: Clock;
  etags = new EtagSource();
  prng: Prng;
  seq = 0;
  readonly users = new Map<string, UserRecord>();
  readonly calendars = new Map<string, CalendarRecord>();
  /** user id → calendar id → entry. */
  readonly calendarLists = new Map<string, Map<string, Versioned<CalendarListState>>>();
  #listeners: ((targets: ChangeTarget[]) => void)[] = [];
  #pending: ChangeTarget[] | undefined;

  constructor(clock: Clock, seed: number) {
    this.clock = clock;
    this.prng = new Prng(seed);
  }

  now(): number {
    return this.clock.now();
  }

  /** Forgets every user, calendar and entry; sequence and randomness start over. */
  reset(seed: number): void {
    this.users.clear();
    this.calendars.clear();
    this.calendarLists.clear();
    this.seq = 0;
    this.prng = new Prng(seed);
    this.etags = new EtagSource();
  }

  /** Runs `work` as one change: one new sequence number, one notification per target. */
  commit<T>(work: (seq: number, touch: (target: ChangeTarget) => void) => T): T {
    if (this.#pending !== undefined) throw new Error('GoogleState.commit is not re-entrant');
    const seq = ++this.seq;
    const touched: ChangeTarget[] = [];
    this.#pending = touched;
    try {
      return work(seq, (t) => touched.push(t));
    } finally {
      this.#pending = undefined;
      const unique = dedupeTargets(touched);
      if (unique.length > 0) for (const l of this.#listeners) l(unique);
    }
  }

  onChange(listener: (targets: ChangeTarget[]) => void): void {
    this.#listeners.push(listener);
  }

  user(userId: string): UserRecord {
    const u = this.users.get(userId);
    if (u === undefined) throw errors.authError();
    return u;
  }

  /**
   * spec §1: `primary` resolves to the user's primary calendar. A calendar the user has no role
   * on answers 404 notFound, exactly like a calendar that does not exist.
   */
  resolveCalendar(
    userId: string,
    calendarId: string,
  ): { calendar: CalendarRecord; role: AccessRole } {
    const user = this.user(userId);
    const id = calendarId === 'primary' ? user.email : calendarId;
    const calendar = this.calendars.get(id);
    const role = calendar?.acl.get(userId) ?? 'none';
    if (calendar === undefined || calendar.deleted || role === 'none') throw errors.notFound();
    return { calendar, role };
  }

  calendarList(userId: string): Map<string, Versioned<CalendarListState>> {
    let list = this.calendarLists.get(userId);
    if (list === undefined) {
      list = new Map();
      this.calendarLists.set(userId, list);
    }
    return list;
  }

  /** Bumps the calendar's envelope etag; call inside a commit that changed its events. */
  touchCalendar(calendar: CalendarRecord, touch: (t: ChangeTarget) => void): void {
    calendar.lastEtag = this.etags.next(this.now());
    calendar.lastUpdatedMs = this.now();
    touch({ kind: 'events', calendarId: calendar.id });
  }
}

function dedupeTargets(targets: ChangeTarget[]): ChangeTarget[] {
  const seen = new Map<string, ChangeTarget>();
  for (const t of targets) {
    seen.set(t.kind === 'events' ? `e:${t.calendarId}` : `l:${t.userId}`, t);
  }
  return [...seen.values()];
}

export function canWrite(role: AccessRole): boolean {
  return role === 'writer' || role === 'owner';
}
