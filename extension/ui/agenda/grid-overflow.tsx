// The "+N" markers of a crowded time grid (overlap-layout.ts: a cluster past its column cap keeps
// its last column for them) and the list a marker opens: every entry it stands for, drawn as the
// agenda list draws it (time, calendar, a task's checkbox), in a popover beside the marker
// (which list is open, and how it follows its marker through a sync: overflow-open.ts).
// The popover is the browser's own (`popover="auto"`): it sits in the top layer (no column clips
// it), closes on Escape and on a click elsewhere, and only one is open at a time. It is mounted
// only while open, so a crowded week adds one small element per marker, not a hidden copy of
// every entry.
import { type CSSProperties, useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { DayEntry } from './agenda-plan';
import { EntryRow, type TaskActions } from './entry-views';
import { fullDateText, timeText } from './format';
import type { OpenOverflow } from './overflow-open';
import type { IsoDate } from './zone-days';

/** The entries of `timed` (a day's, in start order) that a marker stands for: the marker and
 * its list both draw them from the day as it is now (a sync may have changed it since). */
export function entriesBehind(timed: readonly DayEntry[], keys: readonly string[]): DayEntry[] {
  const wanted = new Set(keys);
  return timed.filter((e) => wanted.has(e.key));
}

/** How the entries a marker stands for are named to assistive technology and in its tooltip. */
function overflowLabel(entries: readonly DayEntry[], zone: string, locale?: string): string {
  const first = entries[0];
  const from = first ? startOf(first) : undefined;
  const more = `${entries.length} more ${entries.length === 1 ? 'entry' : 'entries'}`;
  return from === undefined ? more : `${more} from ${timeText(from, zone, locale)}`;
}

function startOf(entry: DayEntry): number | undefined {
  return entry.kind === 'event' ? entry.startMs : entry.task.startMs;
}

export function OverflowMarker(props: {
  readonly entries: readonly DayEntry[];
  readonly style: CSSProperties;
  readonly expanded: boolean;
  readonly popoverId: string;
  readonly zone: string;
  readonly locale?: string | undefined;
  readonly onToggle: (button: HTMLElement) => void;
}) {
  const label = overflowLabel(props.entries, props.zone, props.locale);
  return (
    <li className="block more" style={props.style}>
      <button
        type="button"
        data-agenda-item=""
        // The entries it stands for: where the page puts the focus of one that went behind it.
        data-agenda-behind={JSON.stringify(props.entries.map((e) => e.key))}
        aria-haspopup="dialog"
        aria-expanded={props.expanded}
        aria-controls={props.expanded ? props.popoverId : undefined}
        aria-label={label}
        title={label}
        onClick={(event) => props.onToggle(event.currentTarget)}
      >
        +{props.entries.length}
      </button>
    </li>
  );
}

/** Where the focus goes back to when the list closes: the marker that controls it now, or, when
 * no marker stands for its entries any more, the first of them the grid now shows (never a
 * button a sync took out of the page: the focus would fall to <body>). */
function returnTarget(popover: HTMLElement): HTMLElement | undefined {
  const root = popover.parentElement ?? popover.ownerDocument;
  const marker = [...root.querySelectorAll<HTMLElement>('[aria-controls]')].find(
    (el) => el.getAttribute('aria-controls') === popover.id,
  );
  if (marker) return marker;
  const shown = [...root.querySelectorAll<HTMLElement>('[data-agenda-item]')].filter(
    (el) => !popover.contains(el),
  );
  for (const listed of popover.querySelectorAll<HTMLElement>('[data-agenda-item]')) {
    const block = shown.find((el) => el.dataset.agendaItem === listed.dataset.agendaItem);
    if (block) return block;
  }
  return undefined;
}

/** Space kept between the popover and the marker, and the window's edges (px). */
const GAP = 8;

export function OverflowPopover(props: {
  readonly id: string;
  readonly open: OpenOverflow;
  readonly entries: readonly DayEntry[];
  readonly zone: string;
  readonly locale?: string | undefined;
  readonly actions: TaskActions;
  readonly onClose: (closed: OpenOverflow) => void;
  /** The week offers the day's own view, whose columns hold more side by side. */
  readonly onOpenDay?: ((date: IsoDate) => void) | undefined;
}) {
  const { open, entries, zone, locale, onClose } = props;
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();

  // Shown as soon as it is mounted, beside its marker, with the focus on its first entry: once per
  // opening, so a sync that regroups the marker leaves the focus and the place to the user.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per opening.
  useLayoutEffect(() => {
    const popover = ref.current;
    if (!popover) return;
    // The marker as its source: a click on it is no click elsewhere, so it can close what it
    // opened (browsers without the option ignore it).
    const show = popover.showPopover as (options?: { source?: HTMLElement }) => void;
    if (!popover.matches(':popover-open')) show.call(popover, { source: open.invoker });
    const anchor = open.invoker.getBoundingClientRect();
    const box = popover.getBoundingClientRect();
    const room = globalThis.innerWidth - anchor.right - GAP;
    const left =
      room >= box.width ? anchor.right + GAP : Math.max(GAP, anchor.left - GAP - box.width);
    const top = Math.min(
      Math.max(GAP, anchor.top),
      Math.max(GAP, globalThis.innerHeight - box.height - GAP),
    );
    popover.style.left = `${left}px`;
    popover.style.top = `${top}px`;
    popover.querySelector<HTMLElement>('[data-agenda-item]')?.focus({ preventScroll: true });
  }, [open.opening]);

  // Closed by the browser (Escape, a click elsewhere) or by us: forget it, and give the focus
  // back to the marker when it was inside (or nowhere). The browser gives it back only to the
  // button the list was opened from, which a sync may have replaced.
  useEffect(() => {
    const popover = ref.current;
    if (!popover) return;
    const onToggle = (event: Event) => {
      if ((event as ToggleEvent).newState !== 'closed') return;
      const active = document.activeElement;
      if (!active || active === document.body || popover.contains(active)) {
        returnTarget(popover)?.focus({ preventScroll: true });
      }
      onClose(open);
    };
    popover.addEventListener('toggle', onToggle);
    return () => popover.removeEventListener('toggle', onToggle);
  }, [open, onClose]);

  return (
    <div
      ref={ref}
      id={props.id}
      className="overflow-popover"
      popover="auto"
      role="dialog"
      aria-labelledby={headingId}
    >
      <header>
        <h3 id={headingId}>
          {fullDateText(open.date, locale)}
          <span className="muted">{overflowLabel(entries, zone, locale)}</span>
        </h3>
        {props.onOpenDay ? (
          <button type="button" className="small" onClick={() => props.onOpenDay?.(open.date)}>
            Day view
          </button>
        ) : null}
        <button
          type="button"
          className="small"
          aria-label="Close"
          onClick={() => ref.current?.hidePopover()}
        >
          ×
        </button>
      </header>
      {entries.length === 0 ? (
        <p className="muted">These entries have changed since: nothing left to show here.</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <EntryRow
              key={entry.key}
              entry={entry}
              zone={zone}
              locale={locale}
              actions={props.actions}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
