import type { StoredEvent } from './event-types';
import type { EventsListParams } from './list-params';

/** The narrowing filters of events.list (spec §1): q, iCalUID, extended properties, eventTypes. */
export function matchesFilters(e: StoredEvent, p: EventsListParams): boolean {
  if (p.iCalUID !== undefined && e.iCalUID !== p.iCalUID) return false;
  if (p.eventTypes.length > 0 && !p.eventTypes.includes(e.eventType)) return false;
  for (const [k, v] of p.privateExtendedProperty)
    if (e.extendedProperties?.private?.[k] !== v) return false;
  for (const [k, v] of p.sharedExtendedProperty)
    if (e.extendedProperties?.shared?.[k] !== v) return false;
  if (p.updatedMin !== undefined && e.updatedMs < p.updatedMin) return false;
  if (p.q !== undefined && !matchesText(e, p.q)) return false;
  return true;
}

/** Free text: every word must appear in summary, description, location, or a person. */
export function matchesText(e: StoredEvent, q: string): boolean {
  const people = [e.organizer, e.creator, ...(e.attendees ?? [])].flatMap((p) => [
    p.email,
    p.displayName,
  ]);
  const haystack = [e.summary, e.description, e.location, ...people]
    .filter((s): s is string => typeof s === 'string')
    .join('\n')
    .toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .every((w) => haystack.includes(w));
}
