// The day view (one column on a real-time axis: a DST day is 23 or 25 hours tall) and the week
// view (seven columns on a wall-clock axis, so 9 AM lines up; the hour a DST change skipped or
// repeated is shaded and explained). Overlapping timed entries sit side by side, as many as
// stay readable; the rest of a crowded hour wait behind a "+N" marker (grid-overflow.tsx).
import { type CSSProperties, memo, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AgendaPlan, DayPlan } from './agenda-plan';
import { ColorRules } from './color-rules';
import { useColumnCap } from './column-cap';
import type { TaskActions } from './entry-views';
import { fullDateText, hourText, monthDayText, timeText, weekdayText } from './format';
import { type AxisMode, type DayAxis, dayAxis, minuteOnAxis, wallHourOnAxis } from './grid-axis';
import {
  AllDayChip,
  blockInset,
  bottomOf,
  EventBlock,
  MIN_MINUTES,
  PX_PER_MINUTE,
  TaskBlock,
  topOf,
} from './grid-entries';
import { entriesBehind, OverflowMarker, OverflowPopover } from './grid-overflow';
import { type Opening, useOpenOverflow } from './overflow-open';
import { type DayLayout, layoutColumns, type Overflow, type Span } from './overlap-layout';
import { ALL_DAY_FIRST, gridFirstScreen, inFirstScreen, useRenderBudget } from './render-budget';
import { nowLineLabel } from './time-of-day';
import { viewTiming } from './view-timing';
import type { IsoDate } from './zone-days';

const DST_BAND_TITLES = {
  gap: 'Clocks moved forward: this hour did not happen',
  repeated: 'Clocks moved back: this hour happened twice',
} as const;

const WALL_HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The hours' gutter (px); a DST day's labels carry the zone ("1 AM PST", "3 AM PDT"). Set here,
 * not in agenda.css, because the column cap's first guess needs it (column-cap.ts). */
const GUTTER_PX = { plain: 64, zoneLabels: 92 } as const;

interface GridProps {
  readonly plan: AgendaPlan;
  readonly mode: 'day' | 'week';
  readonly zone: string;
  readonly locale?: string;
  readonly today: string;
  readonly nowMs: number;
  readonly actions: TaskActions;
  /** Called once every block is in the DOM (its first frame holds its first screen's only). */
  readonly onComplete?: () => void;
  /** Opens a day's own view (offered by the week's "+N" lists). */
  readonly onOpenDay?: (date: IsoDate) => void;
}

interface OverflowControl {
  /** The marker whose list is open: it shows so, and a click on it closes the list. */
  readonly marker: Overflow | undefined;
  readonly popoverId: string;
  readonly onToggle: (opening: Opening | undefined) => void;
}

/** A day's timed entries on its axis, and their columns and "+N" markers. */
interface DayBlocks extends DayLayout {
  readonly spans: readonly Span[];
}

function dayBlocks(day: DayPlan, axis: DayAxis, columnCap: number): DayBlocks {
  const spans = day.timed.map((e) => ({
    key: e.key,
    top: topOf(e, axis),
    bottom: bottomOf(e, axis),
  }));
  return { spans, ...layoutColumns(spans, MIN_MINUTES, columnCap) };
}

/** Memoized: the page re-renders for things the grid does not show (the background's status,
 * settings arriving, the search box), and a week's grid is the page's most expensive render.
 * Its first frame holds the blocks of the hours it opens on and the first all-day chips of each
 * day; the rest come in the next frame (render-budget.ts): give it a new React key for a new
 * range of days. */
export const TimeGrid = memo(function TimeGrid(props: GridProps) {
  const { plan, zone, locale, today } = props;
  const axisMode: AxisMode = props.mode === 'day' ? 'elapsed' : 'wall';
  const dates = plan.days.map((d) => d.date).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `dates` stands for the days.
  const axes = useMemo(
    () => plan.days.map((d) => dayAxis(d.date, zone, axisMode)),
    [dates, zone, axisMode],
  );
  const tallest = Math.max(...axes.map((a) => a.totalMinutes));
  const scroller = useRef<HTMLDivElement>(null);
  const first = axes[0];
  // Open at 7 AM, or just before the earliest entry or a clock change if that is earlier.
  const earliest = Math.min(
    ...axes.map((a) => wallHourOnAxis(a, 7)),
    ...axes.flatMap((a) => a.shifts.map((s) => minuteOnAxis(s.atMs, a) - 60)),
    ...plan.days.flatMap((d, i) => d.timed.map((e) => topOf(e, axes[i] ?? first!))),
  );
  const dstLabels = axisMode === 'elapsed' && axes.some((a) => a.hours !== 24);
  const openAt = Math.max(0, earliest - 30);
  // Where the grid opens, once: a sync that brings an earlier entry must not scroll the user's
  // place away (a new range of days mounts a new grid, which opens afresh).
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current || !scroller.current) return;
    opened.current = true;
    scroller.current.scrollTop = openAt * PX_PER_MINUTE;
  }, [openAt]);
  // After the scroll position's effect: the layout it forced is the one measured.
  const gutterPx = dstLabels ? GUTTER_PX.zoneLabels : GUTTER_PX.plain;
  const columnCap = useColumnCap(props.mode, plan.days.length, gutterPx, scroller);
  const complete = useRenderBudget(1, 0, props.onComplete) >= 1;
  const [firstScreen] = useState(() =>
    gridFirstScreen(openAt, globalThis.innerHeight ?? 0, PX_PER_MINUTE),
  );
  const colors = useMemo(() => {
    const seen = new Set<string>();
    for (const day of plan.days) {
      for (const e of day.allDay) if (e.kind === 'event') seen.add(e.event.color);
      for (const e of day.timed) if (e.kind === 'event') seen.add(e.event.color);
    }
    return seen;
  }, [plan]);
  const blocks = useMemo(
    () => plan.days.map((day, i) => dayBlocks(day, axes[i]!, columnCap)),
    [plan, axes, columnCap],
  );
  // The "+N" list open, if one is: its marker's click toggles it, another marker's replaces it.
  const markersOf = (date: IsoDate) =>
    blocks[plan.days.findIndex((d) => d.date === date)]?.overflow ?? [];
  const { open: overflowOpen, marker, onToggle, onClose } = useOpenOverflow(markersOf, columnCap);
  const popoverId = useId();
  const overflow: OverflowControl = { marker, popoverId, onToggle };
  const overflowDay = overflowOpen && plan.days.find((d) => d.date === overflowOpen.date);
  // In the week, a day's heading opens its own view (as in most calendars).
  const opensDay = props.mode === 'week' ? props.onOpenDay : undefined;

  return (
    <div
      className={`time-grid ${props.mode}`}
      style={{ '--days': plan.days.length, '--gutter': `${gutterPx}px` } as CSSProperties}
    >
      <ColorRules colors={colors} />
      <div className="grid-head">
        <div className="gutter" />
        {plan.days.map((day) => {
          const date = (
            <>
              <span className="day-name" {...viewTiming}>
                {weekdayText(day.date, locale, 'short')}
              </span>{' '}
              {/* Every form of the date, for CSS to pick the one the column's width holds
                  (agenda.css): "November 22" does not fit a week column of a narrow window. */}
              <span className="day-date">
                <span className="long">{monthDayText(day.date, locale)}</span>
                <span className="short">{monthDayText(day.date, locale, 'short')}</span>
                <span className="day">{monthDayText(day.date, locale, 'day')}</span>
              </span>
            </>
          );
          return (
            <h2
              key={day.date}
              id={`col-${day.date}`}
              className={day.date === today ? 'today' : undefined}
              aria-label={fullDateText(day.date, locale)}
            >
              {opensDay ? (
                <button
                  type="button"
                  className="day-open"
                  title="Open this day"
                  onClick={() => opensDay(day.date)}
                >
                  {date}
                </button>
              ) : (
                date
              )}
              {day.bounds.hours !== 24 ? (
                <span className="badge dst" title="Clocks change this day">
                  {day.bounds.hours} h
                </span>
              ) : null}
            </h2>
          );
        })}
      </div>
      <div className="grid-allday">
        <div className="gutter muted">All day</div>
        {plan.days.map((day) => (
          <ul key={day.date} aria-label={`All day, ${fullDateText(day.date, locale)}`}>
            {(complete ? day.allDay : day.allDay.slice(0, ALL_DAY_FIRST)).map((entry) => (
              <AllDayChip
                key={entry.key}
                entry={entry}
                zone={zone}
                locale={locale}
                actions={props.actions}
              />
            ))}
          </ul>
        ))}
      </div>
      <div className="grid-body" ref={scroller}>
        <div className="gutter" style={{ height: tallest * PX_PER_MINUTE }}>
          {first ? <HourLabels axis={first} zone={zone} locale={locale} /> : null}
        </div>
        {plan.days.map((day, i) => (
          <DayColumn
            key={day.date}
            day={day}
            axis={axes[i]!}
            blocks={blocks[i]!}
            screen={complete ? undefined : firstScreen}
            overflow={overflow}
            {...props}
          />
        ))}
      </div>
      {overflowOpen ? (
        <OverflowPopover
          id={popoverId}
          open={overflowOpen}
          entries={entriesBehind(overflowDay?.timed ?? [], overflowOpen.keys)}
          zone={zone}
          locale={locale}
          actions={props.actions}
          onClose={onClose}
          onOpenDay={opensDay}
        />
      ) : null}
    </div>
  );
});

function HourLabels(props: { axis: DayAxis; zone: string; locale?: string | undefined }) {
  const { axis, zone, locale } = props;
  if (axis.mode === 'wall') {
    // Wall-clock rows are the same every day: label them without any zone's offsets.
    return WALL_HOURS.map((h) => (
      <span key={h} className="hour" style={{ top: h * 60 * PX_PER_MINUTE }}>
        {h === 0 ? '' : hourText(Date.UTC(2000, 0, 1, h), 'UTC', locale)}
      </span>
    ));
  }
  const dst = axis.hours !== 24;
  return axis.marks.map((mark, i) => (
    <span key={mark.ms} className="hour" style={{ top: mark.minute * PX_PER_MINUTE }}>
      {i === 0 && !dst ? '' : hourText(mark.ms, zone, locale, dst, !mark.onHour)}
    </span>
  ));
}

function DayColumn(
  props: GridProps & {
    day: DayPlan;
    axis: DayAxis;
    blocks: DayBlocks;
    /** Only the blocks in these minutes (the first frame); all when absent. */
    screen: { readonly from: number; readonly to: number } | undefined;
    overflow: OverflowControl;
  },
) {
  const { day, axis, nowMs, zone, locale, screen, overflow } = props;
  const { spans, slots, overflow: markers } = props.blocks;
  const columnPx = axis.totalMinutes * PX_PER_MINUTE;
  const showNow = nowMs >= axis.startMs && nowMs < axis.endMs;
  return (
    <ul
      className={`col${day.date === props.today ? ' today' : ''}`}
      style={{ height: columnPx }}
      aria-label={fullDateText(day.date, locale)}
      data-date={day.date}
      data-hours={axis.hours}
    >
      {axis.mode === 'wall'
        ? [
            ...axis.gaps.map((band) => ({ band, kind: 'gap' as const })),
            ...axis.repeated.map((band) => ({ band, kind: 'repeated' as const })),
          ].map(({ band, kind }) => (
            <li
              key={`${kind}${band.from}`}
              className={`dst-band ${kind}`}
              style={{
                top: band.from * PX_PER_MINUTE,
                height: (band.to - band.from) * PX_PER_MINUTE,
              }}
              title={DST_BAND_TITLES[kind]}
              aria-hidden="true"
            />
          ))
        : null}
      {day.timed.map((entry, i) => {
        const span = spans[i]!;
        // Placed among all of the day's entries (slots), so the rest arrive beside it.
        if (screen && !inFirstScreen(span, screen)) return null;
        const slot = slots.get(entry.key);
        if (!slot) return null; // behind a "+N" marker
        const style = blockInset(
          span.top * PX_PER_MINUTE,
          Math.max(MIN_MINUTES, span.bottom - span.top) * PX_PER_MINUTE - 2,
          columnPx,
          slot,
        );
        // Under 45 minutes there is room for one line: title and time side by side.
        const short = span.bottom - span.top < 45;
        return entry.kind === 'event' ? (
          <EventBlock
            key={entry.key}
            entry={entry}
            style={style}
            short={short}
            zone={zone}
            locale={locale}
          />
        ) : (
          <TaskBlock
            key={entry.key}
            entry={entry}
            style={style}
            short={short}
            zone={zone}
            locale={locale}
            actions={props.actions}
          />
        );
      })}
      {markers.map((marker) => {
        if (screen && !inFirstScreen(marker, screen)) return null;
        const expanded = marker === overflow.marker;
        return (
          <OverflowMarker
            key={`more-${marker.keys[0]}`}
            entries={entriesBehind(day.timed, marker.keys)}
            style={blockInset(
              marker.top * PX_PER_MINUTE,
              (marker.bottom - marker.top) * PX_PER_MINUTE - 2,
              columnPx,
              marker,
            )}
            expanded={expanded}
            popoverId={overflow.popoverId}
            zone={zone}
            locale={locale}
            onToggle={(button) =>
              overflow.onToggle(
                expanded ? undefined : { date: day.date, keys: marker.keys, invoker: button },
              )
            }
          />
        );
      })}
      {showNow ? (
        <li
          className="now-line"
          style={{ top: minuteOnAxis(nowMs, axis) * PX_PER_MINUTE }}
          aria-label={nowLineLabel(timeText(nowMs, zone, locale))}
        />
      ) : null}
    </ul>
  );
}
