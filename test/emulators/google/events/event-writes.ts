import { errors } from '../errors';
import { EVENT_ID_PATTERN } from '../ids';
import type { CalendarRecord, ChangeTarget, GoogleState, UserRecord } from '../state';
import { Versioned } from '../versioned';
import {
  buildInserted,
  buildPatched,
  buildReplaced,
  type WriteContext,
  withStatus,
} from './event-build';
import type { EventInput } from './event-input';
import { isGone } from './event-render';
import { checkIfMatch, type Resolved, resolveEvent } from './event-resolve';
import type { EventState, StoredEvent } from './event-types';
import { isRecurringMaster } from './instances';

/**
 * The write side of events (spec §3). Every write is one `state.commit`, so the change log
 * (record versions) and push notifications see it as one change.
 */
export interface WriteTarget {
  state: GoogleState;
  calendar: CalendarRecord;
  user: UserRecord;
}

function ctxOf(t: WriteTarget): WriteContext {
  return { state: t.state, calendar: t.calendar, user: t.user };
}

function store(
  t: WriteTarget,
  seq: number,
  touch: (x: ChangeTarget) => void,
  state: EventState,
): void {
  const record = t.calendar.events.get(state.event.id);
  if (record === undefined) t.calendar.events.set(state.event.id, new Versioned(seq, state));
  else record.push(seq, state);
  t.state.touchCalendar(t.calendar, touch);
}

/** Exceptions die with their series (delete, or the event stops recurring). */
function cascade(
  t: WriteTarget,
  seq: number,
  touch: (x: ChangeTarget) => void,
  seriesId: string,
): void {
  for (const record of t.calendar.events.values()) {
    const s = record.latest;
    if (s.event.recurringEventId !== seriesId || s.deleted) continue;
    store(t, seq, touch, { event: withStatus(s.event, 'cancelled', ctxOf(t)), deleted: true });
  }
}

export function generateEventId(t: WriteTarget): string {
  for (;;) {
    const id = t.state.prng.base32hex(26);
    if (!t.calendar.events.has(id)) return id;
  }
}

/** events.insert: 200 + event; a reused id, even of a deleted event, → 409 duplicate. */
export function insertEvent(t: WriteTarget, input: EventInput): StoredEvent {
  let id: string;
  if (input.id !== undefined && input.id !== null) {
    if (!EVENT_ID_PATTERN.test(input.id)) throw errors.invalid('Invalid resource id value.', 'id');
    if (t.calendar.events.has(input.id)) throw errors.duplicate();
    id = input.id;
  } else {
    id = generateEventId(t);
  }
  const event = buildInserted(input, id, ctxOf(t));
  if (event.status === 'cancelled')
    throw errors.invalid('Cannot insert a cancelled event.', 'status');
  t.state.commit((seq, touch) => store(t, seq, touch, { event, deleted: false }));
  return event;
}

function commitUpdate(t: WriteTarget, before: Resolved, event: StoredEvent): EventState {
  const isInstance = event.recurringEventId !== undefined;
  // A cancelled single event or series is a deletion; a cancelled instance is an exception.
  const next: EventState = { event, deleted: event.status === 'cancelled' && !isInstance };
  t.state.commit((seq, touch) => {
    store(t, seq, touch, next);
    const wasMaster = isRecurringMaster(before.state.event);
    if (wasMaster && (next.deleted || !isRecurringMaster(event))) cascade(t, seq, touch, event.id);
  });
  return next;
}

function writable(t: WriteTarget, eventId: string, ifMatch: string | undefined): Resolved {
  const resolved = resolveEvent(t.calendar, eventId);
  // [open] Google can "undelete" by updating a deleted event; we answer 410 deleted (stricter).
  if (isGone(resolved.state)) throw errors.deleted();
  checkIfMatch(ifMatch, resolved.state.event);
  return resolved;
}

/** events.update (PUT). */
export function updateEvent(
  t: WriteTarget,
  eventId: string,
  input: EventInput,
  ifMatch?: string,
): EventState {
  const resolved = writable(t, eventId, ifMatch);
  return commitUpdate(t, resolved, buildReplaced(resolved.state.event, input, ctxOf(t)));
}

/** events.patch; PATCH an instance with `{status:'cancelled'}` cancels just that instance. */
export function patchEvent(
  t: WriteTarget,
  eventId: string,
  input: EventInput,
  ifMatch?: string,
): EventState {
  const resolved = writable(t, eventId, ifMatch);
  return commitUpdate(t, resolved, buildPatched(resolved.state.event, input, ctxOf(t)));
}

/** events.delete: 204; deleting again → 410 deleted. An instance id cancels that instance. */
export function deleteEvent(t: WriteTarget, eventId: string, ifMatch?: string): void {
  const resolved = writable(t, eventId, ifMatch);
  const event = withStatus(resolved.state.event, 'cancelled', ctxOf(t));
  commitUpdate(t, resolved, event);
}
