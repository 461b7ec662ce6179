// One entry of the agenda list: an event (a link to Google Calendar) or a task (a checkbox that
// completes it, and a link to Todoist). Every entry is a stop for j/k and the arrow keys
// (`data-agenda-item`, which holds the entry's key: focus-keeper.ts), in reading order.
import type { CSSProperties, ReactNode } from 'react';
import type { AgendaEvent, AgendaTask } from './agenda-items';
import type { DayEntry, EventOnDay, TaskOnDay } from './agenda-plan';
import { priorityColor, priorityLabel, readableText } from './colors';
import { otherZoneTime, shortDateText, spanText, timeText } from './format';

export interface TaskActions {
  /** Tasks whose completion (true) or reopening (false) is on its way to the background. */
  readonly completing: ReadonlyMap<string, boolean>;
  readonly onToggle: (task: AgendaTask, done: boolean) => void;
}

/** Spread next to `href`: an entry with nowhere to go yet (a task only this device knows) is
 * still a focusable, disabled link, so j/k never get stuck on it. */
export function noLink(href: string | undefined) {
  return href ? {} : { role: 'link', tabIndex: 0, 'aria-disabled': true as const };
}

/** "Berlin" from "Europe/Berlin". */
export function zoneCity(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}

/** An entry's link's name (list, grid or "+N" list): what the link shows, in the order it shows
 * it, then what sits beside it (the time). Voice control users say what they see ("click Gym"),
 * so the name holds the visible text whole and first (WCAG 2.5.3, label in name); screen reader
 * users get the rest after it, and nothing the link shows is left out of it. */
export function entryName(...parts: readonly (string | false | undefined)[]): string {
  return parts.filter(Boolean).join(', ');
}

export function eventWhen(entry: EventOnDay, zone: string, locale?: string): string {
  if (entry.wholeDay) {
    return entry.dayCount > 1 ? `Day ${entry.dayIndex} of ${entry.dayCount}` : 'All day';
  }
  return spanText(entry, zone, locale);
}

export function EventRow(props: { entry: EventOnDay; zone: string; locale?: string }) {
  const { entry, zone, locale } = props;
  const { event } = entry;
  const when = eventWhen(entry, zone, locale);
  const meta = eventMeta(event, entry, zone, locale);
  const label = entryName(
    event.title,
    meta.text,
    meta.there,
    event.recurring && 'repeats',
    event.declined && 'declined',
    when,
  );
  return (
    <li className={`entry event${event.declined ? ' declined' : ''}`} data-kind="event">
      <span className="when">{when}</span>
      <span className="bar" style={{ background: event.color }} aria-hidden="true" />
      <a
        className="what"
        href={event.link}
        {...noLink(event.link)}
        data-agenda-item={entry.key}
        aria-label={label}
      >
        <span className="title">{event.title}</span> <EventMeta event={event} meta={meta} />
      </a>
    </li>
  );
}

interface EventMetaText {
  /** Location and calendar. */
  readonly text: string;
  /** The start in the event's own zone, when it is not the user's. */
  readonly there: string | undefined;
}

function eventMeta(
  event: AgendaEvent,
  entry: EventOnDay,
  zone: string,
  locale?: string,
): EventMetaText {
  const parts: string[] = [];
  if (event.location) parts.push(event.location);
  parts.push(event.calendarName);
  const time =
    event.otherZone && !event.allDay && !entry.continuesBefore
      ? otherZoneTime(event.startMs, event.otherZone, zone, locale)
      : undefined;
  const there = time && event.otherZone ? `${time} in ${zoneCity(event.otherZone)}` : undefined;
  return { text: parts.join(' · '), there };
}

function EventMeta(props: { event: AgendaEvent; meta: EventMetaText }) {
  const { event, meta } = props;
  return (
    <span className="meta">
      {meta.text}
      {meta.there ? <Badge>{meta.there}</Badge> : null}
      {event.recurring ? <RepeatsBadge /> : null}
      {event.declined ? <Badge>Declined</Badge> : null}
    </span>
  );
}

/** A badge is a word of its own in the entry's text: the space before it separates it when the
 * text is copied, read in reader mode or matched against the link's name (the CSS margin alone
 * would not). */
function Badge(props: {
  readonly children: ReactNode;
  readonly className?: string;
  readonly style?: CSSProperties | undefined;
  readonly title?: string;
  /** Said in the entry's name instead (a symbol read out is noise). */
  readonly hidden?: boolean;
}) {
  return (
    <>
      {' '}
      <span
        className={`badge${props.className ? ` ${props.className}` : ''}`}
        style={props.style}
        title={props.title}
        aria-hidden={props.hidden ? true : undefined}
      >
        {props.children}
      </span>
    </>
  );
}

/** "↻": named "repeats" in the entry's name, so the arrow itself is not read out. */
function RepeatsBadge() {
  return (
    <Badge title="Repeats" hidden>
      ↻
    </Badge>
  );
}

export function TaskCheckbox(props: { task: AgendaTask; actions: TaskActions }) {
  const { task, actions } = props;
  const target = actions.completing.get(task.key);
  const busy = target !== undefined;
  const color = priorityColor(task.priority);
  // While the message is on its way the box shows where it is going: the state asked for, not
  // the row's opposite (the background stores the ticked row before Todoist answers, and the
  // box read that as "unticked" for the rest of the flight).
  const checked = target ?? task.checked;
  // A repeating task's close moves it to its next date, which only Todoist knows: until Todoist
  // has it (offline, the close waits in the outbox) the task stays on this date, unticked. A
  // second tick then would queue a second close and skip an occurrence for good.
  const waiting = !busy && task.pending && task.recurring && !task.checked;
  return (
    <input
      type="checkbox"
      className="task-check"
      style={color ? { borderColor: color, accentColor: color } : undefined}
      checked={checked}
      disabled={busy || waiting}
      title={waiting ? 'Moves to its next date once Todoist has the change' : undefined}
      aria-label={task.checked ? `Reopen “${task.title}”` : `Complete “${task.title}”`}
      onChange={() => actions.onToggle(task, !task.checked)}
    />
  );
}

export function TaskRow(props: {
  entry: TaskOnDay;
  zone: string;
  locale?: string;
  actions: TaskActions;
  /** Overdue group: show the date it was due. */
  showDate?: boolean;
}) {
  const { entry, zone, locale, actions, showDate } = props;
  const { task } = entry;
  const time = task.startMs === undefined ? undefined : timeText(task.startMs, zone, locale);
  const when = showDate
    ? `${shortDateText(task.date, locale)}${time ? ` ${time}` : ''}`
    : (time ?? '');
  const classes = ['entry', 'task', entry.overdue ? 'overdue' : '', task.checked ? 'done' : ''];
  const color = priorityColor(task.priority);
  const project = task.projectName ?? 'Todoist';
  return (
    <li className={classes.filter(Boolean).join(' ')} data-kind="task">
      <span className="when">{when}</span>
      <TaskCheckbox task={task} actions={actions} />
      <a
        className="what"
        href={task.link}
        {...noLink(task.link)}
        data-agenda-item={entry.key}
        aria-label={entryName(
          task.title,
          project,
          task.priority > 1 && priorityLabel(task.priority),
          ...task.labels.map((l) => `@${l}`),
          task.recurring && 'repeats',
          task.pending && 'saving…',
          'task',
          entry.overdue && 'overdue',
          when,
        )}
      >
        <span className="title">{task.title}</span>{' '}
        <span className="meta">
          {project}
          {task.priority > 1 ? (
            <Badge
              className="priority"
              style={color ? { background: color, color: readableText(color) } : undefined}
            >
              {priorityLabel(task.priority)}
            </Badge>
          ) : null}
          {task.labels.map((l) => (
            <Badge key={l}>@{l}</Badge>
          ))}
          {task.recurring ? <RepeatsBadge /> : null}
          {task.pending ? <Badge>Saving…</Badge> : null}
        </span>
      </a>
    </li>
  );
}

/** Either kind of entry, as the list (and a grid's "+N" list) draws it. */
export function EntryRow(props: {
  entry: DayEntry;
  zone: string;
  locale?: string | undefined;
  actions: TaskActions;
}) {
  const { entry, zone, locale } = props;
  return entry.kind === 'event' ? (
    <EventRow entry={entry} zone={zone} locale={locale} />
  ) : (
    <TaskRow entry={entry} zone={zone} locale={locale} actions={props.actions} />
  );
}
