// Builders for the agenda's unit tests: stored rows made the way the engine makes them (Google
// JSON through the engine's own toEventRecord, so all-day rows sit where the engine puts them).
import { Temporal } from 'temporal-polyfill';
import type { AgendaTaskRow } from '../../../extension/store/agenda-records';
import type { CalendarRecord, EventRecord, TaskRecord } from '../../../extension/store/records';
import { projectTask } from '../../../extension/store/task-projection';
import { toEventRecord } from '../../../extension/sync/google/event-record';
import { placeDue } from '../../../extension/sync/todoist/due-time';

export const CAL_KEY = 'g1:work@example.com';

export function calendar(overrides: Partial<CalendarRecord> = {}): CalendarRecord {
  return {
    key: CAL_KEY,
    sourceId: 'g1',
    id: 'work@example.com',
    etag: '"1"',
    summary: 'Work',
    timeZone: 'America/New_York',
    backgroundColor: '#4986e7',
    hidden: false,
    googleSelected: true,
    primary: true,
    raw: {},
    ...overrides,
  };
}

let seq = 0;

/** A timed event from wall times in a zone: `at('2026-11-23T09:30', 'Europe/Berlin')`. */
export function at(wall: string, zone: string): string {
  return Temporal.PlainDateTime.from(wall)
    .toZonedDateTime(zone)
    .toString({ timeZoneName: 'never' });
}

export function timedEvent(
  summary: string,
  start: string,
  end: string,
  extra: Record<string, unknown> = {},
  cal: CalendarRecord = calendar(),
): EventRecord {
  seq += 1;
  return toEventRecord(
    cal.key,
    {
      id: `ev${seq}`,
      etag: `"${seq}"`,
      status: 'confirmed',
      summary,
      start: { dateTime: start },
      end: { dateTime: end },
      htmlLink: `https://www.google.com/calendar/event?eid=ev${seq}`,
      ...extra,
    },
    cal.timeZone,
  );
}

/** An all-day event: `end` is exclusive, as Google sends it. */
export function allDayEvent(
  summary: string,
  start: string,
  end: string,
  cal: CalendarRecord = calendar(),
  extra: Record<string, unknown> = {},
): EventRecord {
  seq += 1;
  return toEventRecord(
    cal.key,
    {
      id: `ad${seq}`,
      etag: `"${seq}"`,
      status: 'confirmed',
      summary,
      start: { date: start },
      end: { date: end },
      ...extra,
    },
    cal.timeZone,
  );
}

/** A task row as the Todoist store writes it (dueMs placed in the ACCOUNT's zone). */
export function task(
  content: string,
  dueDate: string | undefined,
  overrides: Partial<TaskRecord> = {},
  accountZone = 'America/New_York',
): TaskRecord {
  seq += 1;
  const place = dueDate ? placeDue(dueDate, accountZone) : undefined;
  return {
    sourceId: 't1',
    id: `task${seq}`,
    localId: `task${seq}`,
    content,
    description: '',
    priority: 1,
    labels: [],
    ...(dueDate ? { due: { date: dueDate, isRecurring: false } } : {}),
    ...(place ? { dueMs: place.dueMs, allDay: place.allDay } : {}),
    childOrder: seq,
    checked: false,
    pending: [],
    raw: { id: `task${seq}` },
    ...overrides,
  };
}

/** A task's agenda row (what the new tab reads from taskDays), for a task that has one. */
export function taskRow(...args: Parameters<typeof task>): AgendaTaskRow {
  return agendaRowOf(task(...args));
}

export function agendaRowOf(stored: TaskRecord): AgendaTaskRow {
  const row = projectTask(stored);
  if (!row) throw new Error(`task ${stored.id} has no agenda row`);
  return row;
}
