// What one view needs from the store, in two live reads:
// - the first paint (loadAgendaData): the accounts, the selected calendars, the scopes' sync
//   state, and the events and tasks of the view's own range, placed in the viewer's zone;
// - the extras (loadAgendaExtras): the overdue candidates — a read that grows with the store's
//   past (see queries.ts), merged in when it arrives.
// The small tables (sources, calendars, projects, scopes: a few rows per account) are read
// whole; events (their slim projection) and tasks only through the ranges in queries.ts.

import { eventsInBuckets, readDayBuckets } from '../../store/agenda-queries';
import type { AgendaEventRow } from '../../store/agenda-records';
import type { AlmanacDb } from '../../store/db';
import type {
  CalendarRecord,
  ProjectRecord,
  ScopeState,
  SourceRecord,
  TaskRecord,
  TimeWindow,
} from '../../store/records';
import { isCalendarSelected } from '../../store/selection';
import type { AgendaEvent, AgendaTask } from './agenda-items';
import { toAgendaEvent } from './event-view';
import { openTasksDueBefore, tasksDueIn } from './queries';
import { toAgendaTask } from './task-placement';
import { dayBounds, type IsoDate } from './zone-days';
import { MAX_ZONE_PAD_MS, zonePadMs } from './zone-pad';

export interface AgendaRequest {
  readonly days: readonly IsoDate[];
  readonly zone: string;
}

export interface AgendaData {
  readonly sources: readonly SourceRecord[];
  /** Selected calendars, primary first, then by name. */
  readonly calendars: readonly CalendarRecord[];
  readonly scopes: readonly ScopeState[];
  readonly events: readonly AgendaEvent[];
  /** Tasks due around the view (the plan keeps those whose date is in it). */
  readonly tasks: readonly AgendaTask[];
}

export interface AgendaExtras {
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

/**
 * ONE read-only transaction, all its reads sent at once: the small tables, and the events and
 * tasks of the view widened by the most any zones can differ (MAX_ZONE_PAD_MS) — then cut to the
 * pad the calendars' and accounts' zones actually need. Reading the small tables first to learn
 * that pad would cost a second round trip to IndexedDB, more than the few extra buckets do.
 */
export async function loadAgendaData(db: AlmanacDb, request: AgendaRequest): Promise<AgendaData> {
  const exact = viewWindow(request);
  const widest = { startMs: exact.startMs - MAX_ZONE_PAD_MS, endMs: exact.endMs + MAX_ZONE_PAD_MS };
  const tables = [db.sources, db.calendars, db.projects, db.scopes, db.agendaDays, db.tasks];
  const [sources, calendarRows, projects, scopes, buckets, taskRows] = await db.transaction(
    'r',
    tables,
    () =>
      Promise.all([
        db.sources.toArray(),
        db.calendars.toArray(),
        db.projects.toArray(),
        db.scopes.toArray(),
        readDayBuckets(db, widest),
        tasksDueIn(db, widest),
      ]),
  );
  const calendars = calendarRows
    .filter(isCalendarSelected)
    .sort((a, b) => Number(b.primary) - Number(a.primary) || a.summary.localeCompare(b.summary));
  const { padded } = paddedWindow(request, sources, calendars);
  const inPadded = (t: TaskRecord) =>
    t.dueMs !== undefined && t.dueMs >= padded.startMs && t.dueMs < padded.endMs;
  return {
    sources,
    calendars,
    scopes,
    events: placeEvents(eventsInBuckets(buckets, padded), calendars, request.zone),
    tasks: placeTasks(taskRows.filter(inPadded), projects, request.zone),
  };
}

export async function loadAgendaExtras(
  db: AlmanacDb,
  request: AgendaRequest & { readonly withOverdue: boolean },
): Promise<AgendaExtras> {
  if (!request.withOverdue) return { earlierTasks: [] };
  const [sources, calendarRows, projects] = await Promise.all([
    db.sources.toArray(),
    db.calendars.toArray(),
    db.projects.toArray(),
  ]);
  const calendars = calendarRows.filter(isCalendarSelected);
  const { exact, pad } = paddedWindow(request, sources, calendars);
  // Candidates reach into the view's first day in zones ahead; the plan keeps the earlier ones.
  const earlier = await openTasksDueBefore(db, exact.startMs + pad);
  return { earlierTasks: placeTasks(earlier, projects, request.zone) };
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
  rows: readonly TaskRecord[],
  projects: readonly ProjectRecord[],
  zone: string,
): AgendaTask[] {
  const names = new Map(projects.map((p) => [`${p.sourceId}|${p.id}`, p]));
  const projectName = (t: TaskRecord) => {
    const project =
      t.projectId === undefined ? undefined : names.get(`${t.sourceId}|${t.projectId}`);
    if (!project) return undefined;
    return project.inbox ? 'Inbox' : project.name;
  };
  return rows
    .map((t) => toAgendaTask(t, zone, projectName(t)))
    .filter((t): t is AgendaTask => t !== undefined);
}
