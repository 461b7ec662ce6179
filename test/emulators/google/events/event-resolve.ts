import { errors } from '../errors';
import type { CalendarRecord } from '../state';
import type { Versioned } from '../versioned';
import type { EventState, StoredEvent } from './event-types';
import { findOccurrence, isRecurringMaster, splitInstanceId, virtualInstance } from './instances';

/**
 * Finds what an event id names right now: a stored record (single, master, exception — possibly
 * deleted), or a virtual instance of a live series that has no exception record yet.
 */
export type Resolved =
  | { kind: 'stored'; record: Versioned<EventState>; state: EventState }
  | { kind: 'virtual'; master: Versioned<EventState>; state: EventState };

export function resolveEvent(calendar: CalendarRecord, eventId: string): Resolved {
  const record = calendar.events.get(eventId);
  if (record !== undefined) return { kind: 'stored', record, state: record.latest };
  const parts = splitInstanceId(eventId);
  const master = parts === undefined ? undefined : calendar.events.get(parts.seriesId);
  if (parts === undefined || master === undefined) throw errors.notFound();
  const m = master.latest;
  if (m.deleted || !isRecurringMaster(m.event)) throw errors.notFound();
  const occurrence = findOccurrence(m.event, parts.stamp);
  if (occurrence === undefined) throw errors.notFound();
  return {
    kind: 'virtual',
    master,
    state: { event: virtualInstance(m.event, occurrence), deleted: false },
  };
}

/** spec §3: If-Match with a stale etag → 412 conditionNotMet. `*` matches anything. */
export function checkIfMatch(header: string | undefined, event: StoredEvent): void {
  if (header === undefined) return;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (tags.includes('*') || tags.includes(event.etag)) return;
  throw errors.conditionNotMet();
}

/** spec §3: If-None-Match with the current etag → 304. */
export function matchesIfNoneMatch(header: string | undefined, event: StoredEvent): boolean {
  if (header === undefined) return false;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(event.etag);
}
