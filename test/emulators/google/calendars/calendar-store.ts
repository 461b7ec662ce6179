import type { AccessRole } from '../events/event-types';
import { hashString } from '../ids';
import type {
  CalendarListState,
  CalendarMeta,
  CalendarRecord,
  ChangeTarget,
  GoogleState,
} from '../state';
import { Versioned } from '../versioned';
import { calendarColor } from './colors';

/**
 * Calendars, their ACL, and each user's calendar list entries (spec §5). Every function here runs
 * inside a `state.commit` and receives its `seq` and `touch`.
 */
export interface CommitScope {
  seq: number;
  touch: (t: ChangeTarget) => void;
}

/** Stable opaque id for a watched collection (spec §4 resourceId). */
export function resourceIdFor(key: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789_-';
  let h = hashString(key);
  let out = '';
  for (let i = 0; i < 27; i++) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    h = (h + i * 0x9e3779b9) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}

export function createCalendar(
  state: GoogleState,
  c: CommitScope,
  init: { id: string; meta: CalendarMeta; primaryOf?: string },
): CalendarRecord {
  const now = state.now();
  const calendar: CalendarRecord = {
    id: init.id,
    meta: init.meta,
    acl: new Map(),
    ...(init.primaryOf === undefined ? {} : { primaryOf: init.primaryOf }),
    deleted: false,
    events: new Map(),
    lastEtag: state.etags.next(now),
    lastUpdatedMs: now,
    resourceId: resourceIdFor(`events:${init.id}`),
  };
  state.calendars.set(init.id, calendar);
  c.touch({ kind: 'events', calendarId: init.id });
  return calendar;
}

export interface EntryInit {
  colorId?: string;
  summaryOverride?: string;
  hidden?: boolean;
  selected?: boolean;
  defaultReminders?: CalendarListState['defaultReminders'];
}

/** Gives `userId` a role on the calendar and (re)creates their calendar list entry. */
export function grantAccess(
  state: GoogleState,
  c: CommitScope,
  calendar: CalendarRecord,
  userId: string,
  role: AccessRole,
  init: EntryInit = {},
): void {
  calendar.acl.set(userId, role);
  const existing = state.calendarList(userId).get(calendar.id)?.latest;
  if (existing !== undefined && !existing.deleted) {
    // A role change keeps the user's own settings (color, override, hidden).
    putEntry(state, c, userId, {
      ...existing,
      accessRole: role,
      etag: state.etags.next(state.now()),
    });
    return;
  }
  const colorId = init.colorId ?? String((hashString(calendar.id) % 24) + 1);
  const color = calendarColor(colorId);
  const entry: CalendarListState = {
    calendarId: calendar.id,
    accessRole: role,
    colorId,
    backgroundColor: color.background,
    foregroundColor: color.foreground,
    hidden: init.hidden ?? false,
    selected: init.selected ?? true,
    primary: calendar.primaryOf === userId,
    deleted: false,
    defaultReminders:
      init.defaultReminders ??
      (role === 'owner' || role === 'writer' ? [{ method: 'popup', minutes: 10 }] : []),
    etag: state.etags.next(state.now()),
    ...(init.summaryOverride === undefined ? {} : { summaryOverride: init.summaryOverride }),
  };
  putEntry(state, c, userId, entry);
}

export function putEntry(
  state: GoogleState,
  c: CommitScope,
  userId: string,
  entry: CalendarListState,
): void {
  const list = state.calendarList(userId);
  const record = list.get(entry.calendarId);
  if (record === undefined) list.set(entry.calendarId, new Versioned(c.seq, entry));
  else record.push(c.seq, entry);
  c.touch({ kind: 'calendarList', userId });
}

/** A new version of an entry with `changes` and a fresh etag. */
export function updateEntry(
  state: GoogleState,
  c: CommitScope,
  userId: string,
  calendarId: string,
  changes: Partial<CalendarListState>,
): CalendarListState {
  const record = state.calendarList(userId).get(calendarId);
  if (record === undefined) throw new Error(`no calendar list entry ${calendarId} for ${userId}`);
  const next = { ...record.latest, ...changes, etag: state.etags.next(state.now()) };
  putEntry(state, c, userId, next);
  return next;
}

/** Removes a user's access: their entry comes back as deleted in calendarList sync. */
export function revokeAccess(
  state: GoogleState,
  c: CommitScope,
  calendar: CalendarRecord,
  userId: string,
): void {
  calendar.acl.delete(userId);
  if (state.calendarList(userId).has(calendar.id)) {
    updateEntry(state, c, userId, calendar.id, { deleted: true, hidden: false, selected: false });
  }
}

export function renderEntry(state: GoogleState, entry: CalendarListState): Record<string, unknown> {
  if (entry.deleted) {
    return {
      kind: 'calendar#calendarListEntry',
      etag: entry.etag,
      id: entry.calendarId,
      deleted: true,
    };
  }
  const calendar = state.calendars.get(entry.calendarId);
  const meta = calendar?.meta;
  const json: Record<string, unknown> = {
    kind: 'calendar#calendarListEntry',
    etag: entry.etag,
    id: entry.calendarId,
    summary: meta?.summary,
    description: meta?.description,
    location: meta?.location,
    timeZone: meta?.timeZone,
    summaryOverride: entry.summaryOverride,
    colorId: entry.colorId,
    backgroundColor: entry.backgroundColor,
    foregroundColor: entry.foregroundColor,
    hidden: entry.hidden ? true : undefined,
    selected: entry.selected ? true : undefined,
    accessRole: entry.accessRole,
    defaultReminders: entry.defaultReminders,
    ...(entry.accessRole === 'owner'
      ? { notificationSettings: { notifications: [{ type: 'eventCreation', method: 'email' }] } }
      : {}),
    primary: entry.primary ? true : undefined,
    conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
  };
  for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
  return json;
}
