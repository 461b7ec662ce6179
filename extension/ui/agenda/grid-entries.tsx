// The entries of the time grid: timed events and tasks as positioned blocks, all-day ones as
// chips, and where an entry sits on a day's axis.
import type { CSSProperties } from 'react';
import type { DayEntry, EventOnDay, TaskOnDay } from './agenda-plan';
import { priorityColor, readableText } from './colors';
import { eventWhen, noLink, type TaskActions, TaskCheckbox } from './entry-views';
import { timeText } from './format';
import { type DayAxis, minuteOnAxis } from './grid-axis';

export const PX_PER_MINUTE = 0.8; // 48 px an hour
/** Entries are drawn at least this tall (in minutes), so a 5-minute meeting stays readable. */
export const MIN_MINUTES = 25;
/** A timed task without a duration is drawn as this long. */
const TASK_MINUTES = 30;

interface EntryProps {
  readonly zone: string;
  readonly locale?: string | undefined;
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
  return (
    <li
      className={`block event${event.declined ? ' declined' : ''}${props.short ? ' short' : ''}`}
      style={{ ...props.style, background: event.color, color: readableText(event.color) }}
    >
      <a
        href={event.link}
        {...noLink(event.link)}
        data-agenda-item=""
        aria-label={`${event.title}, ${when}${event.declined ? ', declined' : ''}, ${event.calendarName}`}
      >
        <span className="title">{event.title}</span>
        <span className="time">
          {props.short && !entry.continuesBefore ? timeText(entry.startMs, zone, locale) : when}
        </span>
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
  return (
    <li
      className={`block task${entry.overdue ? ' overdue' : ''}${task.checked ? ' done' : ''}${props.short ? ' short' : ''}`}
      style={{ ...props.style, ...(color ? { borderLeftColor: color } : {}) }}
    >
      <TaskCheckbox task={task} actions={props.actions} />
      <a
        href={task.link}
        {...noLink(task.link)}
        data-agenda-item=""
        aria-label={`${task.title}, task`}
      >
        <span className="title">{task.title}</span>
        {task.startMs !== undefined ? (
          <span className="time">{timeText(task.startMs, zone, locale)}</span>
        ) : null}
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
          data-agenda-item=""
          aria-label={`${entry.task.title}, task`}
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
      className={`chip event${event.declined ? ' declined' : ''}${entry.continuesBefore ? ' cont-before' : ''}${entry.continuesAfter ? ' cont-after' : ''}`}
      style={{ background: event.color, color: readableText(event.color) }}
    >
      <a
        href={event.link}
        {...noLink(event.link)}
        data-agenda-item=""
        aria-label={`${event.title}, ${when}, ${event.calendarName}`}
      >
        {event.title}
      </a>
    </li>
  );
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
