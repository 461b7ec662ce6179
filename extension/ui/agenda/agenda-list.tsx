// The agenda: today and the next six days as a list, overdue tasks on top, each day's all-day
// entries first and then events and tasks in one timeline, with a "now" line in today.
import { memo, type RefObject, useMemo, useState } from 'react';
import type { AgendaPlan, DayEntry, DayPlan } from './agenda-plan';
import { EntryRow, type TaskActions, TaskRow } from './entry-views';
import { dayHeadingName, monthDayText, relativeDayText, timeText } from './format';
import { firstScreenEntries, limitPlan, useRenderBudget } from './render-budget';
import { viewTiming } from './view-timing';

interface ListProps {
  readonly plan: AgendaPlan;
  readonly zone: string;
  readonly locale?: string;
  readonly today: string;
  readonly nowMs: number;
  readonly actions: TaskActions;
  readonly searching: boolean;
  /** Called once every entry of the plan is in the DOM (render-budget.ts). */
  readonly onComplete?: () => void;
  /** Set to a function that puts every entry in the DOM now (render-budget.ts). */
  readonly fill?: RefObject<(() => void) | undefined>;
}

/** Memoized, like the time grid: other state of the page must not redraw every entry. Renders
 * the first screen's entries first and the rest over the next frames (render-budget.ts): give
 * it a new React key for a new range of days. */
export const AgendaList = memo(function AgendaList(props: ListProps) {
  const [first] = useState(() => firstScreenEntries(globalThis.innerHeight ?? 0));
  const budget = useRenderBudget(props.plan.entries, first, props.onComplete, props.fill);
  const plan = useMemo(() => limitPlan(props.plan, budget), [props.plan, budget]);
  const empty = plan.entries === 0;
  return (
    <div className="agenda-list">
      {plan.overdue.length > 0 ? (
        <section className="day overdue-group" aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">
            <span className="day-name" {...viewTiming}>
              Overdue
            </span>
            {/* The whole group's count, while its first entries are all that is in yet. */}
            <span className="day-date">{props.plan.overdue.length}</span>
          </h2>
          <ul>
            {plan.overdue.map((entry) =>
              entry.kind === 'task' ? (
                <TaskRow
                  key={entry.key}
                  entry={entry}
                  zone={props.zone}
                  locale={props.locale}
                  actions={props.actions}
                  showDate
                />
              ) : null,
            )}
          </ul>
        </section>
      ) : null}
      {plan.days.map((day) => (
        <DaySection key={day.date} day={day} cut={day.date === plan.cutDay} {...props} />
      ))}
      {empty ? (
        <p className="empty-note">
          {props.searching
            ? 'Nothing matches your search in these days.'
            : 'Nothing planned for these days. Press n to add something.'}
        </p>
      ) : null}
    </div>
  );
});

function DaySection(props: ListProps & { day: DayPlan; cut: boolean }) {
  const { day, today, nowMs, zone, locale, cut } = props;
  const isToday = day.date === today;
  const headingId = `day-${day.date}`;
  const entries = [...day.allDay, ...day.timed];
  // The now line goes before the first timed entry that starts after now.
  const nowAt = isToday
    ? day.allDay.length + day.timed.filter((e) => startMs(e) <= nowMs).length
    : -1;
  return (
    <section
      className={`day${isToday ? ' today' : ''}`}
      aria-labelledby={headingId}
      data-date={day.date}
    >
      <h2 id={headingId} aria-label={dayHeadingName(day.date, today, locale)}>
        <span className="day-name" {...viewTiming}>
          {relativeDayText(day.date, today, locale)}
        </span>
        <span className="day-date">{monthDayText(day.date, locale)}</span>
        {day.bounds.hours !== 24 ? (
          <span className="badge dst" title="Clocks change today">
            {day.bounds.hours}-hour day
          </span>
        ) : null}
      </h2>
      {entries.length === 0 ? (
        <p className="day-empty muted">Nothing planned</p>
      ) : (
        <ul>
          {entries.map((entry, i) => (
            <Entry key={entry.key} entry={entry} nowLine={i === nowAt} {...props} />
          ))}
          {nowAt === entries.length && !cut ? (
            <NowLine nowMs={nowMs} zone={zone} locale={locale} />
          ) : null}
        </ul>
      )}
    </section>
  );
}

function Entry(props: ListProps & { entry: DayEntry; nowLine: boolean }) {
  const { entry, nowLine, zone, locale, nowMs } = props;
  return (
    <>
      {nowLine ? <NowLine nowMs={nowMs} zone={zone} locale={locale} /> : null}
      <EntryRow entry={entry} zone={zone} locale={locale} actions={props.actions} />
    </>
  );
}

function NowLine(props: { nowMs: number; zone: string; locale?: string | undefined }) {
  return (
    <li className="now-line" aria-hidden="true">
      <span>{timeText(props.nowMs, props.zone, props.locale)}</span>
    </li>
  );
}

function startMs(entry: DayEntry): number {
  return entry.kind === 'event' ? entry.startMs : (entry.task.startMs ?? 0);
}
