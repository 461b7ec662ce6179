// One entry of the agenda list: an event (a link to Google Calendar) or a task (a checkbox that
// completes it, and a link to Todoist). Every entry is a stop for j/k and the arrow keys
// (`data-agenda-item`), in reading order.
import type { AgendaEvent, AgendaTask } from './agenda-items';
import type { DayEntry, EventOnDay, TaskOnDay } from './agenda-plan';
import { priorityColor, priorityLabel } from './colors';
import { shortDateText, spanText, timeText } from './format';

export interface TaskActions {
  /** Tasks whose completion (or reopening) is on its way to the background. */
  readonly completing: ReadonlySet<string>;
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

export function eventWhen(entry: EventOnDay, zone: string, locale?: string): string {
  if (entry.event.allDay || (entry.continuesBefore && entry.continuesAfter)) {
    return entry.dayCount > 1 ? `Day ${entry.dayIndex} of ${entry.dayCount}` : 'All day';
  }
  return spanText(entry, zone, locale);
}

export function EventRow(props: { entry: EventOnDay; zone: string; locale?: string }) {
  const { entry, zone, locale } = props;
  const { event } = entry;
  const when = eventWhen(entry, zone, locale);
  const label = `${event.title}, ${when}${event.declined ? ', declined' : ''}, ${event.calendarName}`;
  return (
    <li className={`entry event${event.declined ? ' declined' : ''}`} data-kind="event">
      <span className="when">{when}</span>
      <span className="bar" style={{ background: event.color }} aria-hidden="true" />
      <a
        className="what"
        href={event.link}
        {...noLink(event.link)}
        data-agenda-item=""
        aria-label={label}
      >
        <span className="title">{event.title}</span>
        <EventMeta event={event} entry={entry} locale={locale} />
      </a>
    </li>
  );
}

function EventMeta(props: { event: AgendaEvent; entry: EventOnDay; locale?: string | undefined }) {
  const { event, entry, locale } = props;
  const parts: string[] = [];
  if (event.location) parts.push(event.location);
  parts.push(event.calendarName);
  const there =
    event.otherZone && !event.allDay && !entry.continuesBefore
      ? `${timeText(event.startMs, event.otherZone, locale)} in ${zoneCity(event.otherZone)}`
      : undefined;
  return (
    <span className="meta">
      {parts.join(' · ')}
      {there ? <span className="badge">{there}</span> : null}
      {event.recurring ? (
        <span className="badge" title="Repeats">
          ↻
        </span>
      ) : null}
      {event.declined ? <span className="badge">Declined</span> : null}
    </span>
  );
}

export function TaskCheckbox(props: { task: AgendaTask; actions: TaskActions }) {
  const { task, actions } = props;
  const busy = actions.completing.has(task.key);
  const color = priorityColor(task.priority);
  // While the message is on its way the box shows where it is going.
  const checked = busy ? !task.checked : task.checked;
  return (
    <input
      type="checkbox"
      className="task-check"
      style={color ? { borderColor: color, accentColor: color } : undefined}
      checked={checked}
      disabled={busy}
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
  return (
    <li className={classes.filter(Boolean).join(' ')} data-kind="task">
      <span className="when">{when}</span>
      <TaskCheckbox task={task} actions={actions} />
      <a
        className="what"
        href={task.link}
        {...noLink(task.link)}
        data-agenda-item=""
        aria-label={`${task.title}, task${entry.overdue ? ', overdue' : ''}, priority ${priorityLabel(task.priority)}`}
      >
        <span className="title">{task.title}</span>
        <span className="meta">
          {task.projectName ?? 'Todoist'}
          {task.priority > 1 ? (
            <span className="badge priority" style={color ? { color } : undefined}>
              {priorityLabel(task.priority)}
            </span>
          ) : null}
          {task.labels.map((l) => (
            <span className="badge" key={l}>
              @{l}
            </span>
          ))}
          {task.recurring ? <span className="badge">↻</span> : null}
          {task.pending ? <span className="badge">Saving…</span> : null}
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
