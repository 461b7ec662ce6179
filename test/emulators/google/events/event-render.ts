import type { CalendarRecord, UserRecord } from '../state';
import { renderTime } from './event-times';
import type { AccessRole, EventJson, EventState, Person, StoredEvent } from './event-types';

/**
 * The JSON Google sends for an event. Times are rendered with the offset of the request's
 * `timeZone` (or the calendar's), `self` flags are computed for the viewer, and deleted records
 * become tombstones (spec §1: `{kind, etag, id, status}`; cancelled instances also carry
 * `recurringEventId` and `originalStartTime`).
 */
export interface RenderContext {
  calendar: CalendarRecord;
  viewer: UserRecord;
  role: AccessRole;
  /** Zone for dateTime offsets: the `timeZone` parameter, else the calendar's. */
  zone: string;
}

function person(p: Person, ctx: RenderContext, isOrganizer: boolean): Person {
  const self = p.email === ctx.viewer.email || (isOrganizer && p.email === ctx.calendar.id);
  return { ...p, ...(self ? { self: true } : {}) };
}

/** True when the record answers as a tombstone in lists. */
export function isGone(state: EventState): boolean {
  return state.deleted || state.event.status === 'cancelled';
}

export function renderTombstone(event: StoredEvent, ctx: RenderContext): EventJson {
  return {
    kind: 'calendar#event',
    etag: event.etag,
    id: event.id,
    status: 'cancelled',
    ...(event.recurringEventId ? { recurringEventId: event.recurringEventId } : {}),
    ...(event.originalStartTime
      ? { originalStartTime: renderTime(event.originalStartTime, ctx.zone) }
      : {}),
  };
}

/** The full resource (events.get answers this even for a deleted event, status cancelled). */
export function renderFull(state: EventState, ctx: RenderContext): EventJson {
  const e = state.event;
  const status = state.deleted ? 'cancelled' : e.status;
  if (ctx.role === 'freeBusyReader') {
    // A free/busy reader sees only when, never what.
    return {
      kind: 'calendar#event',
      etag: e.etag,
      id: e.id,
      status,
      start: renderTime(e.start, ctx.zone),
      end: renderTime(e.end, ctx.zone),
      ...(e.transparency ? { transparency: e.transparency } : {}),
    };
  }
  const json: Record<string, unknown> = {
    kind: 'calendar#event',
    etag: e.etag,
    id: e.id,
    status,
    htmlLink: e.htmlLink,
    created: e.created,
    updated: e.updated,
    summary: e.summary,
    description: e.description,
    location: e.location,
    colorId: e.colorId,
    creator: person(e.creator, ctx, false),
    organizer: person(e.organizer, ctx, true),
    start: renderTime(e.start, ctx.zone),
    end: renderTime(e.end, ctx.zone),
    endTimeUnspecified: e.endTimeUnspecified,
    recurrence: e.recurrence,
    recurringEventId: e.recurringEventId,
    originalStartTime: e.originalStartTime ? renderTime(e.originalStartTime, ctx.zone) : undefined,
    transparency: e.transparency,
    visibility: e.visibility,
    iCalUID: e.iCalUID,
    sequence: e.sequence,
    attendees: e.attendees?.map((a) => person(a, ctx, false)),
    extendedProperties: e.extendedProperties,
    guestsCanInviteOthers: e.guestsCanInviteOthers,
    guestsCanModify: e.guestsCanModify,
    guestsCanSeeOtherGuests: e.guestsCanSeeOtherGuests,
    anyoneCanAddSelf: e.anyoneCanAddSelf,
    conferenceData: e.conferenceData,
    reminders: e.reminders,
    source: e.source,
    attachments: e.attachments,
    eventType: e.eventType,
  };
  for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
  return json as EventJson;
}

/** What a list shows for a record: the resource, or a tombstone when it is gone. */
export function renderListed(state: EventState, ctx: RenderContext): EventJson {
  return isGone(state) ? renderTombstone(state.event, ctx) : renderFull(state, ctx);
}
