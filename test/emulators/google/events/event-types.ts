/**
 * The event resource (spec §2) as the emulator stores it. Times are kept as instants/dates so
 * they can be rendered in whatever zone a request asks for; everything else is kept in Google's
 * own JSON shape.
 */
export type EventStatus = 'confirmed' | 'tentative' | 'cancelled';
export type AccessRole = 'none' | 'freeBusyReader' | 'reader' | 'writer' | 'owner';

export type StoredTime =
  | { kind: 'date'; date: string }
  | { kind: 'dateTime'; ms: number; timeZone?: string };

export interface EventDateTime {
  date?: string;
  dateTime?: string;
  timeZone?: string;
}

export interface Person {
  id?: string;
  email?: string;
  displayName?: string;
  self?: boolean;
}

export interface Attendee extends Person {
  organizer?: boolean;
  resource?: boolean;
  optional?: boolean;
  responseStatus: 'needsAction' | 'declined' | 'tentative' | 'accepted';
  comment?: string;
  additionalGuests?: number;
}

export interface Reminders {
  useDefault: boolean;
  overrides?: { method: string; minutes: number }[];
}

export interface ExtendedProperties {
  private?: Record<string, string>;
  shared?: Record<string, string>;
}

/** The fields a client may write (insert/update/patch). */
export interface WritableEventFields {
  summary?: string;
  description?: string;
  location?: string;
  colorId?: string;
  start?: StoredTime;
  end?: StoredTime;
  endTimeUnspecified?: boolean;
  recurrence?: string[];
  transparency?: 'opaque' | 'transparent';
  visibility?: 'default' | 'public' | 'private' | 'confidential';
  attendees?: Attendee[];
  extendedProperties?: ExtendedProperties;
  reminders?: Reminders;
  source?: { url: string; title?: string };
  status?: EventStatus;
  eventType?: string;
  guestsCanInviteOthers?: boolean;
  guestsCanModify?: boolean;
  guestsCanSeeOtherGuests?: boolean;
  anyoneCanAddSelf?: boolean;
  attachments?: Record<string, unknown>[];
  conferenceData?: Record<string, unknown>;
  sequence?: number;
}

export interface StoredEvent extends Omit<WritableEventFields, 'start' | 'end' | 'status'> {
  id: string;
  status: EventStatus;
  etag: string;
  htmlLink: string;
  created: string;
  updated: string;
  /** Epoch ms of `updated`, for updatedMin and orderBy=updated. */
  updatedMs: number;
  creator: Person;
  organizer: Person;
  start: StoredTime;
  end: StoredTime;
  iCalUID: string;
  sequence: number;
  reminders: Reminders;
  eventType: string;
  recurringEventId?: string;
  originalStartTime?: StoredTime;
}

/** One stored record (a single event, a series master, or an exception instance). */
export interface EventState {
  event: StoredEvent;
  /** Removed with DELETE (or cancelled as a whole): answers as a tombstone. */
  deleted: boolean;
}

/** The JSON Google returns for an event (or a tombstone). */
export type EventJson = Record<string, unknown> & { id: string; kind: 'calendar#event' };
