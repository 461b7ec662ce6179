// The entries of the time grid: timed events and tasks as positioned blocks, all-day ones as
// chips, and where an entry sits on a day's axis. A busy week draws hundreds, so each is lean:
// its place is ONE inline style (`inset`), its colour a class (color-rules.tsx), and a block is
// two elements: the link holds the title as text and the time as `data-time`, which CSS shows
// (`::after`) — half the elements to create, style and lay out. The link's aria-label carries
// both for assistive technology.
import type { CSSProperties } from 'react';
import type { DayEntry, EventOnDay, TaskOnDay } from './agenda-plan';
import { colorClass, colorStyle } from './color-rules';
import { priorityColor } from './colors';
import { entryName, eventWhen, noLink, type TaskActions, TaskCheckbox } from './entry-views';
import { timeText } from './format';
import { type DayAxis, minuteOnAxis } from './grid-axis';
import type { Slot } from './overlap-layout';

export const PX_PER_MINUTE = 0.8; // 48 px an hour
/** Entries are drawn at least this tall (in minutes), so a 5-minute meeting stays readable. */
export const MIN_MINUTES = 25;
/** A timed task without a duration is drawn as this long. */
const TASK_MINUTES = 30;

interface EntryProps {
  readonly zone: string;
  readonly locale?: string | undefined;
}

/** The width of a crowded cluster's "+N" column (px): a count needs less than a title. */
export const OVERFLOW_COLUMN_PX = 40;

/** Where a block sits in its column: its box from `top` to `bottom` (px from the column's top)
 * and its share of the width, as one `inset` (the CSS margin keeps 2 px either side). In a
 * crowded cluster the entries' columns share what the "+N" column leaves. */
export function blockInset(
  topPx: number,
  heightPx: number,
  columnPx: number,
  slot: Slot,
): CSSProperties {
  const vertical = [`${topPx}px`, `${columnPx - topPx - heightPx}px`];
  const from = slot.column;
  const to = slot.column + slot.span;
  if (!slot.crowded) {
    const left = `${(from / slot.columns) * 100}%`;
    const right = `${((slot.columns - to) / slot.columns) * 100}%`;
    return { inset: `${vertical[0]} ${right} ${vertical[1]} ${left}` };
  }
  // Entries' columns 0 … lanes − 1 are each (100% − the "+N" column) / lanes wide; the "+N"
  // column starts where they end.
  const lanes = slot.columns - 1;
  const edge = (column: number) =>
    `calc(${(column / lanes) * 100}% - ${(OVERFLOW_COLUMN_PX * column) / lanes}px)`;
  const left = from === 0 ? '0%' : edge(from);
  const right = to >= slot.columns ? '0%' : `calc(100% - ${edge(to)})`;
  return { inset: `${vertical[0]} ${right} ${vertical[1]} ${left}` };
}

export function EventBlock(props: {
  entry: EventOnDay;
  style: CSSProperties;
  short: boolean;
  zone: string;
  locale?: string | undefined;
}) {
  const { entry, zone, locale } = props;
  const { event } = entry;
  const when = eventWhen(entry, zone, locale);
  const paint = colorStyle(event.color);
  return (
    <li
      className={classes(
        'block event',
        colorClass(event.color),
        event.declined && 'declined',
        props.short && 'short',
      )}
      style={paint ? { ...props.style, ...paint } : props.style}
    >
      <a
        href={event.link}
        {...noLink(event.link)}
        data-agenda-item={entry.key}
        aria-label={eventName(event, when)}
        data-time={
          props.short && !entry.continuesBefore ? timeText(entry.startMs, zone, locale) : when
        }
      >
        {event.title}
      </a>
    </li>
  );
}

export function TaskBlock(
  props: EntryProps & {
    entry: TaskOnDay;
    style: CSSProperties;
    short: boolean;
    actions: TaskActions;
  },
) {
  const { entry, zone, locale } = props;
  const { task } = entry;
  const color = priorityColor(task.priority);
  const time = task.startMs === undefined ? undefined : timeText(task.startMs, zone, locale);
  return (
    <li
      className={`block task${entry.overdue ? ' overdue' : ''}${task.checked ? ' done' : ''}${props.short ? ' short' : ''}`}
      style={{ ...props.style, ...(color ? { borderLeftColor: color } : {}) }}
    >
      <TaskCheckbox task={task} actions={props.actions} />
      <a
        href={task.link}
        {...noLink(task.link)}
        data-agenda-item={entry.key}
        aria-label={entryName(task.title, time, 'task', entry.overdue && 'overdue')}
        data-time={time}
      >
        {task.title}
      </a>
    </li>
  );
}

export function AllDayChip(props: EntryProps & { entry: DayEntry; actions: TaskActions }) {
  const { entry, zone, locale } = props;
  if (entry.kind === 'task') {
    const color = priorityColor(entry.task.priority);
    return (
      <li
        className={`chip task${entry.overdue ? ' overdue' : ''}${entry.task.checked ? ' done' : ''}`}
        style={color ? { borderLeftColor: color } : undefined}
      >
        <TaskCheckbox task={entry.task} actions={props.actions} />
        <a
          href={entry.task.link}
          {...noLink(entry.task.link)}
          data-agenda-item={entry.key}
          aria-label={entryName(entry.task.title, 'task', entry.overdue && 'overdue')}
        >
          {entry.task.title}
        </a>
      </li>
    );
  }
  const { event } = entry;
  const when = eventWhen(entry, zone, locale);
  return (
    <li
      className={classes(
        'chip event',
        colorClass(event.color),
        event.declined && 'declined',
        entry.continuesBefore && 'cont-before',
        entry.continuesAfter && 'cont-after',
      )}
      style={colorStyle(event.color)}
    >
      <a
        href={event.link}
        {...noLink(event.link)}
        data-agenda-item={entry.key}
        aria-label={eventName(event, when)}
      >
        {event.title}
      </a>
    </li>
  );
}

/** A timed block's or all-day chip's name: what it shows (title, time), then its state and
 * calendar. */
function eventName(event: EventOnDay['event'], when: string): string {
  return entryName(event.title, when, event.declined && 'declined', event.calendarName);
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

export function topOf(entry: DayEntry, axis: DayAxis): number {
  if (entry.kind === 'event') return minuteOnAxis(entry.startMs, axis);
  return minuteOnAxis(entry.task.startMs ?? axis.startMs, axis);
}

export function bottomOf(entry: DayEntry, axis: DayAxis): number {
  if (entry.kind === 'event') {
    const bottom = minuteOnAxis(entry.endMs, axis);
    // Wall clock, fall-back day: an event inside the repeated hour can end "before" it starts.
    return Math.max(bottom, topOf(entry, axis));
  }
  const start = entry.task.startMs ?? axis.startMs;
  return minuteOnAxis(start + (entry.task.durationMs ?? TASK_MINUTES * 60_000), axis);
}
