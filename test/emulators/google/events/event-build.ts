import { errors } from '../errors';
import { base64UrlEncode } from '../ids';
import type { CalendarRecord, GoogleState, UserRecord } from '../state';
import { formatTimestamp } from '../time';
import type { EventDateTimeInput, EventInput } from './event-input';
import { parseEventTime, toInput } from './event-times';
import type { StoredEvent, StoredTime, WritableEventFields } from './event-types';
import { significantChange, validate } from './event-validate';

/**
 * Turning a request body into a stored event (spec §2, §3): insert builds from scratch, update
 * (PUT) replaces every writable field, patch merges (arrays replace, maps merge per key).
 * Read-only fields (`id`, `created`, `creator`, `organizer`, `iCalUID`, `htmlLink`) survive every
 * write; `etag` and `updated` change on every write.
 */
export interface WriteContext {
  state: GoogleState;
  calendar: CalendarRecord;
  user: UserRecord;
}

const SIMPLE_KEYS = [
  'summary',
  'description',
  'location',
  'colorId',
  'endTimeUnspecified',
  'recurrence',
  'transparency',
  'visibility',
  'source',
  'status',
  'eventType',
  'guestsCanInviteOthers',
  'guestsCanModify',
  'guestsCanSeeOtherGuests',
  'anyoneCanAddSelf',
  'attachments',
  'conferenceData',
] as const;

/** The writable fields of a body, as a full replacement (absent = cleared). */
function fieldsFromInput(input: EventInput): WritableEventFields {
  const out: Record<string, unknown> = {};
  for (const key of SIMPLE_KEYS) {
    const v = input[key];
    if (v !== null && v !== undefined) out[key] = v;
  }
  const fields = out as WritableEventFields;
  if (input.start) fields.start = parseEventTime(input.start, 'start');
  if (input.end) fields.end = parseEventTime(input.end, 'end');
  if (input.attendees) {
    fields.attendees = input.attendees.map((a) => ({
      ...a,
      responseStatus: a.responseStatus ?? 'needsAction',
    }));
  }
  if (input.extendedProperties) {
    const { private: priv, shared } = input.extendedProperties;
    fields.extendedProperties = {
      ...(priv ? { private: priv } : {}),
      ...(shared ? { shared } : {}),
    };
  }
  if (input.reminders) {
    fields.reminders = {
      useDefault: input.reminders.useDefault ?? false,
      ...(input.reminders.overrides ? { overrides: input.reminders.overrides } : {}),
    };
  }
  if (input.sequence !== null && input.sequence !== undefined) fields.sequence = input.sequence;
  return fields;
}

function writableOf(event: StoredEvent): WritableEventFields {
  const out: Record<string, unknown> = {};
  for (const key of SIMPLE_KEYS) if (event[key] !== undefined) out[key] = event[key];
  const fields = out as WritableEventFields;
  fields.start = event.start;
  fields.end = event.end;
  if (event.attendees) fields.attendees = event.attendees;
  if (event.extendedProperties) fields.extendedProperties = event.extendedProperties;
  fields.reminders = event.reminders;
  return fields;
}

function mergeTime(
  current: StoredTime | undefined,
  patch: EventDateTimeInput,
  which: 'start' | 'end',
) {
  const base: EventDateTimeInput = current ? toInput(current) : {};
  const merged: EventDateTimeInput = { ...base, ...patch };
  // Setting one form clears the other, so a timed event can become all-day and back.
  if (patch.date) merged.dateTime = undefined;
  if (patch.dateTime) merged.date = undefined;
  return parseEventTime(merged, which);
}

function mergeMap(
  current: Record<string, string> | undefined,
  patch: Record<string, string> | null | undefined,
): Record<string, string> | undefined {
  if (patch === undefined) return current;
  if (patch === null) return undefined;
  return { ...current, ...patch };
}

/** PATCH: fields present replace, `null` clears, extendedProperties/reminders merge per key. */
function patchFields(event: StoredEvent, input: EventInput): WritableEventFields {
  const fields = writableOf(event) as Record<string, unknown>;
  const replacement = fieldsFromInput(input) as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (key === 'id' || key === 'iCalUID' || value === undefined) continue;
    if (key === 'start' || key === 'end' || key === 'extendedProperties' || key === 'reminders')
      continue;
    if (value === null) delete fields[key];
    else fields[key] = replacement[key];
  }
  const out = fields as WritableEventFields;
  if (input.start === null || input.end === null)
    throw errors.required('Missing start or end time.');
  if (input.start) out.start = mergeTime(event.start, input.start, 'start');
  if (input.end) out.end = mergeTime(event.end, input.end, 'end');
  if (input.extendedProperties === null) delete out.extendedProperties;
  else if (input.extendedProperties) {
    const priv = mergeMap(event.extendedProperties?.private, input.extendedProperties.private);
    const shared = mergeMap(event.extendedProperties?.shared, input.extendedProperties.shared);
    out.extendedProperties = { ...(priv ? { private: priv } : {}), ...(shared ? { shared } : {}) };
  }
  if (input.reminders === null) out.reminders = { useDefault: true };
  else if (input.reminders) {
    const overrides =
      input.reminders.overrides === undefined
        ? event.reminders.overrides
        : input.reminders.overrides;
    out.reminders = {
      useDefault: input.reminders.useDefault ?? event.reminders.useDefault,
      ...(overrides ? { overrides } : {}),
    };
  }
  return out;
}

function finish(
  base: Omit<
    StoredEvent,
    keyof WritableEventFields | 'etag' | 'updated' | 'updatedMs' | 'sequence'
  > & {
    sequence: number;
  },
  fields: WritableEventFields & { start: StoredTime; end: StoredTime },
  ctx: WriteContext,
): StoredEvent {
  const now = ctx.state.now();
  return {
    ...fields,
    ...base,
    status: fields.status ?? 'confirmed',
    eventType: fields.eventType ?? 'default',
    reminders: fields.reminders ?? { useDefault: true },
    sequence: Math.max(base.sequence, fields.sequence ?? 0),
    etag: ctx.state.etags.next(now),
    updated: formatTimestamp(now),
    updatedMs: now,
  };
}

export function htmlLink(eventId: string, calendarId: string): string {
  return `https://www.google.com/calendar/event?eid=${base64UrlEncode(`${eventId} ${calendarId}`)}`;
}

/** events.insert: a new record with a client or generated id. */
export function buildInserted(input: EventInput, id: string, ctx: WriteContext): StoredEvent {
  const fields = fieldsFromInput(input);
  validate(fields, false);
  const now = ctx.state.now();
  const organizer =
    ctx.calendar.primaryOf === undefined
      ? { email: ctx.calendar.id, displayName: ctx.calendar.meta.summary }
      : { email: ctx.calendar.id };
  return finish(
    {
      id,
      htmlLink: htmlLink(id, ctx.calendar.id),
      created: formatTimestamp(now),
      creator: { email: ctx.user.email },
      organizer,
      iCalUID: input.iCalUID ?? `${id}@google.com`,
      sequence: 0,
    },
    fields,
    ctx,
  );
}

function keepReadOnly(event: StoredEvent, fields: WritableEventFields) {
  return {
    id: event.id,
    htmlLink: event.htmlLink,
    created: event.created,
    creator: event.creator,
    organizer: event.organizer,
    iCalUID: event.iCalUID,
    sequence: event.sequence + (significantChange(event, fields) ? 1 : 0),
    ...(event.recurringEventId ? { recurringEventId: event.recurringEventId } : {}),
    ...(event.originalStartTime ? { originalStartTime: event.originalStartTime } : {}),
  };
}

/** events.update (PUT): replace every writable field. */
export function buildReplaced(
  event: StoredEvent,
  input: EventInput,
  ctx: WriteContext,
): StoredEvent {
  const fields = fieldsFromInput(input);
  validate(fields, event.recurringEventId !== undefined);
  return finish(keepReadOnly(event, fields), fields, ctx);
}

/** events.patch: merge. */
export function buildPatched(
  event: StoredEvent,
  input: EventInput,
  ctx: WriteContext,
): StoredEvent {
  const fields = patchFields(event, input);
  validate(fields, event.recurringEventId !== undefined);
  return finish(keepReadOnly(event, fields), fields, ctx);
}

/** A write that only changes `status` (delete, cancel): still a new etag and `updated`. */
export function withStatus(
  event: StoredEvent,
  status: StoredEvent['status'],
  ctx: WriteContext,
): StoredEvent {
  const now = ctx.state.now();
  return {
    ...event,
    status,
    etag: ctx.state.etags.next(now),
    updated: formatTimestamp(now),
    updatedMs: now,
  };
}
