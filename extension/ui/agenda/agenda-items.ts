// What the agenda shows, independent of where it came from: an event (one stored Google event or
// one expanded instance of a series) and a Todoist task, each already placed in the viewer's zone.
import type { IsoDate } from './zone-days';

export interface AgendaEvent {
  readonly kind: 'event';
  /** Unique across calendars: `${calendarKey}|${id}`. */
  readonly key: string;
  readonly calendarKey: string;
  readonly id: string;
  readonly title: string;
  readonly location?: string;
  readonly calendarName: string;
  readonly allDay: boolean;
  /** All-day only: the first day and the EXCLUSIVE end day exactly as Google sent them. They are
   * dates, not instants, so they are never shifted into another zone. */
  readonly startDate?: IsoDate;
  readonly endDate?: IsoDate;
  /** Timed: the instants (RFC 3339 with offset, so already zone-free). */
  readonly startMs: number;
  readonly endMs: number;
  readonly color: string;
  /** The signed-in user is an attendee who declined. */
  readonly declined: boolean;
  readonly recurring: boolean;
  /** Google's htmlLink (http(s) only). */
  readonly link?: string;
  /** The zone the event was written in, when it is not the viewer's (shown as a hint). */
  readonly otherZone?: string;
}

export interface AgendaTask {
  readonly kind: 'task';
  /** The row's localId: stable while a new task's temporary id is swapped for Todoist's. */
  readonly key: string;
  readonly sourceId: string;
  readonly id: string;
  readonly title: string;
  readonly priority: number;
  readonly labels: readonly string[];
  readonly projectName?: string;
  /** The day it is due on in the viewer's zone. */
  readonly date: IsoDate;
  /** Timed: the due instant in the viewer's terms, and how long it takes if Todoist says. */
  readonly startMs?: number;
  readonly durationMs?: number;
  readonly checked: boolean;
  /** This device's write has not been confirmed by Todoist yet. */
  readonly pending: boolean;
  readonly recurring: boolean;
  /** Todoist's web link; absent while the task exists only on this device. */
  readonly link?: string;
}

export type AgendaItem = AgendaEvent | AgendaTask;
