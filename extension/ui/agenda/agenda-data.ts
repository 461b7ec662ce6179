// What one view needs from the store, in one live read (loadAgendaData): the accounts, the
// selected calendars, the scopes' sync state, the events and tasks of the view's own range and,
// for the agenda list with today in it, the overdue candidates, placed in the viewer's zone. The
// small tables (sources, calendars, projects, scopes: a few rows per account) are read whole;
// events (their slim projection) and tasks only through ranges (store/agenda-rows.ts).

import { eventsInBuckets } from '../../store/agenda-queries';
import type { AgendaEventRow, AgendaTaskRow } from '../../store/agenda-records';
import { type AgendaRows, readAgendaRows, rowsServe } from '../../store/agenda-rows';
import type { AlmanacDb } from '../../store/db';
import type {
  CalendarRecord,
  ProjectRecord,
  ScopeState,
  SourceRecord,
  TimeWindow,
} from '../../store/records';
import { isCalendarSelected } from '../../store/selection';
import type { AgendaEvent, AgendaTask } from './agenda-items';
import { toAgendaEvent } from './event-view';
import { toAgendaTask } from './task-placement';
import { dayBounds, type IsoDate } from './zone-days';
import { MAX_ZONE_PAD_MS, zonePadMs } from './zone-pad';

export interface AgendaRequest {
  readonly days: readonly IsoDate[];
  readonly zone: string;
  /** The view is the agenda list with today in it: it shows the open tasks due before it (the
   * overdue group). */
  readonly withOverdue?: boolean;
}

export interface AgendaData {
  /** The rows it was made from (two reads made from equal rows make equal data). */
  readonly rows: AgendaRows;
  readonly sources: readonly SourceRecord[];
  /** Selected calendars, primary first, then by name. */
  readonly calendars: readonly CalendarRecord[];
  readonly scopes: readonly ScopeState[];
  readonly events: readonly AgendaEvent[];
  /** Tasks due around the view (the plan keeps those whose date is in it). */
  readonly tasks: readonly AgendaTask[];
  /** Open tasks due before the view (withOverdue only; the plan keeps those dated before it). */
  readonly earlierTasks: readonly AgendaTask[];
}

/** The view's days on the epoch axis. */
export function viewWindow(request: AgendaRequest): TimeWindow {
  const first = request.days[0];
  const last = request.days.at(-1);
  if (first === undefined || last === undefined) throw new Error('a view has at least one day');
  return {
    startMs: dayBounds(first, request.zone).startMs,
    endMs: dayBounds(last, request.zone).endMs,
  };
}

/** The view widened by how far the accounts' and calendars' midnights are from the viewer's. */
function paddedWindow(
  request: AgendaRequest,
  sources: readonly SourceRecord[],
  calendars: readonly CalendarRecord[],
): { exact: TimeWindow; padded: TimeWindow; pad: number } {
  const exact = viewWindow(request);
  const zones = [
    ...calendars.map((c) => c.timeZone ?? 'UTC'),
    ...sources.filter((s) => s.provider === 'todoist').map((s) => s.timeZone ?? 'UTC'),
  ];
  const pad = zonePadMs(zones, request.zone, exact);
  return { exact, padded: { startMs: exact.startMs - pad, endMs: exact.endMs + pad }, pad };
}

/** The view widened by the most any zones can differ (MAX_ZONE_PAD_MS): what the first-paint
 * read fetches, before the calendars' and accounts' zones say how much of that pad is needed.
 * Reading the small tables first to learn the pad would cost a second round trip to IndexedDB,
 * more than the few extra buckets do. */
export function widestWindow(request: AgendaRequest): TimeWindow {
  const exact = viewWindow(request);
  return { startMs: exact.startMs - MAX_ZONE_PAD_MS, endMs: exact.endMs + MAX_ZONE_PAD_MS };
}

/** The first paint's data, from rows read for widestWindow(request) or a wider window. */
export function shapeAgendaData(rows: AgendaRows, request: AgendaRequest): AgendaData {
  if (!rowsServe(rows, widestWindow(request), request.withOverdue ?? false)) {
    throw new Error('the rows were read for less than the view needs');
  }
  const calendars = rows.calendars
    .filter(isCalendarSelected)
    .sort((a, b) => Number(b.primary) - Number(a.primary) || a.summary.localeCompare(b.summary));
  const { exact, padded, pad } = paddedWindow(request, rows.sources, calendars);
  const inPadded = (t: AgendaTaskRow) => t.dueMs >= padded.startMs && t.dueMs < padded.endMs;
  // Overdue candidates reach into the view's first day in zones ahead; the plan keeps the ones
  // dated before the view.
  const overdue = (t: AgendaTaskRow) => !t.checked && t.dueMs < exact.startMs + pad;
  const earlier = request.withOverdue
    ? [...(rows.earlier ?? []), ...rows.tasks].filter(overdue)
    : [];
  return {
    rows,
    sources: rows.sources,
    calendars,
    scopes: rows.scopes,
    events: placeEvents(eventsInBuckets(rows.buckets, padded), calendars, request.zone),
    tasks: placeTasks(rows.tasks.filter(inPadded), rows.projects, request.zone),
    earlierTasks: placeTasks(earlier, rows.projects, request.zone),
  };
}

/** The view's data, read through Dexie in one read-only transaction: for widestWindow(request)
 * or, to compare with rows read before, for the same (wider) `window`. */
export async function loadAgendaData(
  db: AlmanacDb,
  request: AgendaRequest,
  window: TimeWindow = widestWindow(request),
): Promise<AgendaData> {
  const rows = await readAgendaRows(db, window, request.withOverdue ?? false);
  return shapeAgendaData(rows, request);
}

function placeEvents(
  rows: readonly AgendaEventRow[],
  calendars: readonly CalendarRecord[],
  zone: string,
): AgendaEvent[] {
  const byKey = new Map(calendars.map((c) => [c.key, c]));
  const out: AgendaEvent[] = [];
  for (const row of rows) {
    const calendar = byKey.get(row.calendarKey);
    if (calendar && !row.cancelled) out.push(toAgendaEvent(row, calendar, zone));
  }
  return out;
}

function placeTasks(
  rows: readonly AgendaTaskRow[],
  projects: readonly ProjectRecord[],
  zone: string,
): AgendaTask[] {
  const names = new Map(projects.map((p) => [`${p.sourceId}|${p.id}`, p]));
  const projectName = (t: AgendaTaskRow) => {
    const project =
      t.projectId === undefined ? undefined : names.get(`${t.sourceId}|${t.projectId}`);
    if (!project) return undefined;
    return project.inbox ? 'Inbox' : project.name;
  };
  return rows
    .map((t) => toAgendaTask(t, zone, projectName(t)))
    .filter((t): t is AgendaTask => t !== undefined);
}
