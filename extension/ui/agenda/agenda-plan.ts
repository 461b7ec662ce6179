// Lays events and tasks out over the days of a view: per day an all-day row and a timed list in
// one merged order, plus the overdue group. Pure: the page passes the zone, today and now.
// - A multi-day all-day event is on each day from its start date to the day before its end date.
// - A timed event is on each day it touches (its end is exclusive: one ending at midnight is not on
//   the next day); a day it covers from start to end goes to that day's all-day row.
import type { AgendaEvent, AgendaTask } from './agenda-items';
import { isOverdue } from './task-placement';
import { type DayBounds, dateOf, dayBounds, daysBetween, type IsoDate } from './zone-days';

export interface EventOnDay {
  readonly kind: 'event';
  readonly key: string;
  readonly event: AgendaEvent;
  /** The part of the event inside the day (all-day: the day's bounds). */
  readonly startMs: number;
  readonly endMs: number;
  readonly continuesBefore: boolean;
  readonly continuesAfter: boolean;
  /** The part covers its whole day (an all-day event; a timed one from midnight to midnight or
   * past both): it goes in the all-day row and reads "All day" or "Day 2 of 3", never "From" or
   * "Until 12:00 AM". */
  readonly wholeDay: boolean;
  /** 1-based day of a multi-day event, and how many days it covers. */
  readonly dayIndex: number;
  readonly dayCount: number;
}

export interface TaskOnDay {
  readonly kind: 'task';
  readonly key: string;
  readonly task: AgendaTask;
  readonly overdue: boolean;
}

export type DayEntry = EventOnDay | TaskOnDay;

export interface DayPlan {
  readonly date: IsoDate;
  readonly bounds: DayBounds;
  readonly allDay: readonly DayEntry[];
  readonly timed: readonly DayEntry[];
}

export interface AgendaPlan {
  readonly days: readonly DayPlan[];
  /** Open tasks due before the first day shown (only when the view includes today). */
  readonly overdue: readonly TaskOnDay[];
  /** Entries shown in all (an event on three days counts three times). */
  readonly entries: number;
}

export interface PlanInput {
  readonly days: readonly IsoDate[];
  readonly zone: string;
  readonly today: IsoDate;
  readonly nowMs: number;
  readonly events: readonly AgendaEvent[];
  readonly tasks: readonly AgendaTask[];
  /** Tasks due before the view, for the overdue group. */
  readonly earlierTasks?: readonly AgendaTask[];
  readonly declined: 'dim' | 'hide';
  readonly showCompleted: boolean;
  /** Completed tasks shown anyway (ticked here a moment ago: they stay, struck through). */
  readonly keepTasks?: ReadonlySet<string>;
  readonly search?: string;
}

export function planAgenda(input: PlanInput): AgendaPlan {
  const match = searchMatcher(input.search ?? '');
  const visibleTask = (t: AgendaTask) =>
    (!t.checked || input.showCompleted || (input.keepTasks?.has(t.key) ?? false)) && match(t);
  const bounds = input.days.map((date) => dayBounds(date, input.zone));
  const allDay: DayEntry[][] = bounds.map(() => []);
  const timed: DayEntry[][] = bounds.map(() => []);
  for (const event of input.events) {
    if (event.declined && input.declined === 'hide') continue;
    if (!match(event)) continue;
    for (const [i, entry] of eventEntries(event, bounds, input.zone)) {
      (entry.wholeDay ? allDay : timed)[i]!.push(entry);
    }
  }
  const dayIndex = new Map(input.days.map((d, i) => [d, i]));
  for (const task of input.tasks) {
    const i = dayIndex.get(task.date);
    if (i === undefined || !visibleTask(task)) continue;
    const entry: TaskOnDay = {
      kind: 'task',
      key: task.key,
      task,
      overdue: isOverdue(task, input.today, input.nowMs),
    };
    (task.startMs === undefined ? allDay : timed)[i]!.push(entry);
  }
  let entries = 0;
  const days: DayPlan[] = bounds.map((day, i) => {
    const a = allDay[i]!.sort(compareAllDay);
    const t = timed[i]!.sort(compareTimed);
    entries += a.length + t.length;
    return { date: day.date, bounds: day, allDay: a, timed: t };
  });
  const first = input.days[0];
  const last = input.days.at(-1);
  const showsToday =
    first !== undefined && last !== undefined && first <= input.today && input.today <= last;
  const overdue =
    showsToday && first !== undefined
      ? (input.earlierTasks ?? [])
          .filter((t) => t.date < first && visibleTask(t) && isOverdue(t, input.today, input.nowMs))
          .sort((a, b) => a.date.localeCompare(b.date) || compareTasks(a, b))
          .map((task): TaskOnDay => ({ kind: 'task', key: task.key, task, overdue: true }))
      : [];
  return { days, overdue, entries: entries + overdue.length };
}

/** The event's part on one day, or undefined when it does not touch the day. */
export function eventOnDay(
  event: AgendaEvent,
  day: DayBounds,
  zone: string,
): EventOnDay | undefined {
  return eventEntries(event, [day], zone)[0]?.[1];
}

/**
 * The event's entries on the given days (sorted, consecutive), as [day index, entry]. Instants
 * are placed by comparing with the days' bounds (computed once per day with Temporal); only an
 * event that runs over several days has its own first and last date looked up, for "day 2 of 3".
 */
function eventEntries(
  event: AgendaEvent,
  days: readonly DayBounds[],
  zone: string,
): [number, EventOnDay][] {
  const out: [number, EventOnDay][] = [];
  if (event.allDay) {
    const start = event.startDate ?? dateOf(event.startMs, zone);
    const end = event.endDate ?? dateOf(event.endMs, zone);
    let count: number | undefined;
    days.forEach((day, i) => {
      if (!(start <= day.date && day.date < end)) return;
      count ??= Math.max(1, daysBetween(start, end));
      const index = daysBetween(start, day.date) + 1;
      out.push([
        i,
        {
          kind: 'event',
          key: event.key,
          event,
          startMs: day.startMs,
          endMs: day.endMs,
          continuesBefore: index > 1,
          continuesAfter: index < count,
          wholeDay: true,
          dayIndex: index,
          dayCount: count,
        },
      ]);
    });
    return out;
  }
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return out;
  // The last instant the event covers: its end is exclusive; a zero-length event is its start.
  const lastMs = event.endMs > event.startMs ? event.endMs - 1 : event.startMs;
  if (lastMs < first.startMs || event.startMs >= last.endMs) return out;
  const from = dayAt(days, Math.max(event.startMs, first.startMs));
  const to = dayAt(days, Math.min(lastMs, last.endMs - 1));
  const within = event.startMs >= days[from]!.startMs && lastMs < days[from]!.endMs;
  const firstDate = within ? days[from]!.date : dateOf(event.startMs, zone);
  const count = within ? 1 : daysBetween(firstDate, dateOf(lastMs, zone)) + 1;
  for (let i = from; i <= to; i++) {
    const day = days[i]!;
    const startMs = Math.max(event.startMs, day.startMs);
    const endMs = Math.min(Math.max(event.endMs, event.startMs), day.endMs);
    out.push([
      i,
      {
        kind: 'event',
        key: event.key,
        event,
        startMs,
        endMs,
        continuesBefore: event.startMs < day.startMs,
        continuesAfter: event.endMs > day.endMs,
        wholeDay: startMs === day.startMs && endMs === day.endMs,
        dayIndex: within ? 1 : daysBetween(firstDate, day.date) + 1,
        dayCount: count,
      },
    ]);
  }
  return out;
}

/** Index of the day containing `ms` (the caller keeps `ms` inside the days). */
function dayAt(days: readonly DayBounds[], ms: number): number {
  for (let i = 0; i < days.length; i++) if (ms < days[i]!.endMs) return i;
  return days.length - 1;
}

function compareAllDay(a: DayEntry, b: DayEntry): number {
  if (a.kind !== b.kind) return a.kind === 'event' ? -1 : 1;
  if (a.kind === 'event' && b.kind === 'event') {
    return (
      b.dayCount - a.dayCount ||
      a.event.title.localeCompare(b.event.title) ||
      a.key.localeCompare(b.key)
    );
  }
  return compareTasks((a as TaskOnDay).task, (b as TaskOnDay).task);
}

/** By time; at the same minute events before tasks, longer first, then by title. */
function compareTimed(a: DayEntry, b: DayEntry): number {
  const time = startOf(a) - startOf(b);
  if (time !== 0) return time;
  if (a.kind !== b.kind) return a.kind === 'event' ? -1 : 1;
  if (a.kind === 'event' && b.kind === 'event') {
    return (
      b.endMs - a.endMs || a.event.title.localeCompare(b.event.title) || a.key.localeCompare(b.key)
    );
  }
  return compareTasks((a as TaskOnDay).task, (b as TaskOnDay).task);
}

function startOf(entry: DayEntry): number {
  return entry.kind === 'event' ? entry.startMs : (entry.task.startMs ?? 0);
}

/** Most urgent first (priority 4 = P1), then by title. */
export function compareTasks(a: AgendaTask, b: AgendaTask): number {
  return b.priority - a.priority || a.title.localeCompare(b.title) || a.key.localeCompare(b.key);
}

/** Case- and accent-insensitive "contains" over what an item shows. */
export function searchMatcher(query: string): (item: AgendaEvent | AgendaTask) => boolean {
  const needle = fold(query.trim());
  if (needle === '') return () => true;
  return (item) => {
    const text =
      item.kind === 'event'
        ? [item.title, item.location ?? '', item.calendarName]
        : [item.title, item.projectName ?? '', ...item.labels];
    return text.some((t) => fold(t).includes(needle));
  };
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
