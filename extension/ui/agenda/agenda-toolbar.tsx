// The header: where you are (the range), how to move (previous, Today, next, a date), which view,
// search within what is loaded, and the page's own options.
import { type RefObject, useEffect, useState } from 'react';
import { APP_ICON_DATA_URL } from '../../platform/app-icon';
import type { Status } from '../../platform/messages';
import { StatusIndicator } from '../components/status-indicator';
import { rangeText } from './format';
import type { AgendaPrefs } from './prefs';
import { dateToGoTo, VIEWS, type ViewKind, type ViewState } from './view-state';
import type { IsoDate } from './zone-days';

const VIEW_NAMES: Record<ViewKind, string> = { agenda: 'Agenda', day: 'Day', week: 'Week' };

interface ToolbarProps {
  readonly view: ViewState;
  readonly days: readonly IsoDate[];
  readonly locale?: string;
  readonly status: Status | undefined;
  readonly search: string;
  readonly searchRef: RefObject<HTMLInputElement | null>;
  readonly prefs: AgendaPrefs;
  readonly showCompleted: boolean;
  /** Why the last change of it was not saved. */
  readonly showCompletedError?: string | undefined;
  readonly onShowCompleted: (value: boolean) => void;
  readonly onSearch: (text: string) => void;
  readonly onStep: (direction: -1 | 1) => void;
  readonly onToday: () => void;
  readonly onDate: (date: IsoDate) => void;
  readonly onView: (view: ViewKind) => void;
  readonly onPrefs: (patch: Partial<AgendaPrefs>) => void;
  /** Nothing connected yet: the name only, no controls that would do nothing. */
  readonly minimal?: boolean;
}

export function AgendaToolbar(props: ToolbarProps) {
  const { view, days, locale } = props;
  const unit = view.view === 'day' ? 'day' : 'week';
  const first = days[0] ?? view.date;
  const last = days.at(-1) ?? view.date;
  if (props.minimal) {
    return (
      <header className="agenda-header">
        <h1>
          <img src={APP_ICON_DATA_URL} alt="" />
          Almanac
        </h1>
      </header>
    );
  }
  return (
    <header className="agenda-header">
      <h1>
        <img src={APP_ICON_DATA_URL} alt="Almanac" />
        <span className="range">{rangeText(first, last, locale)}</span>
      </h1>
      <nav className="dates" aria-label="Dates">
        <button type="button" aria-label={`Previous ${unit}`} onClick={() => props.onStep(-1)}>
          ‹
        </button>
        <button type="button" onClick={props.onToday} aria-keyshortcuts="t">
          Today
        </button>
        <button type="button" aria-label={`Next ${unit}`} onClick={() => props.onStep(1)}>
          ›
        </button>
        <DateJump date={view.date} onDate={props.onDate} />
      </nav>
      <fieldset className="segmented views">
        <legend className="visually-hidden">View</legend>
        {VIEWS.map((v) => (
          <label key={v} className={view.view === v ? 'on' : undefined}>
            <input
              type="radio"
              name="agenda-view"
              value={v}
              checked={view.view === v}
              onChange={() => props.onView(v)}
              aria-keyshortcuts={v[0]}
            />
            {VIEW_NAMES[v]}
          </label>
        ))}
      </fieldset>
      <input
        ref={props.searchRef}
        type="search"
        className="search"
        aria-label="Search these days"
        aria-keyshortcuts="/"
        placeholder="Search  /"
        value={props.search}
        onChange={(e) => props.onSearch(e.target.value)}
      />
      {/* The sync status and the options wrap together: "Options" alone on a line read as
          belonging to nothing. */}
      <div className="header-end">
        <StatusIndicator status={props.status} />
        <details className="page-options">
          <summary>Options</summary>
          <div className="page-options-panel">
            <label>
              Declined events
              <select
                value={props.prefs.declined}
                onChange={(e) => props.onPrefs({ declined: e.target.value as 'dim' | 'hide' })}
              >
                <option value="dim">Show dimmed</option>
                <option value="hide">Hide</option>
              </select>
            </label>
            <label>
              <input
                type="checkbox"
                checked={props.showCompleted}
                onChange={(e) => props.onShowCompleted(e.target.checked)}
              />
              Show completed tasks
            </label>
            {props.showCompletedError ? (
              <p className="field-error" role="alert">
                Couldn’t save “Show completed tasks”: {props.showCompletedError}
              </p>
            ) : null}
            <p className="muted keys">
              Keys: j/k or ↑/↓ move · ←/→ previous/next · t today · n new · / search · a/d/w view ·
              Esc
            </p>
          </div>
        </details>
      </div>
    </header>
  );
}

/** The date field. Typing a year changes the value once per digit (years 2, 20, 202, 2026): the
 * field keeps what is typed, and the page goes to a date only once its year has four digits. */
function DateJump(props: { date: IsoDate; onDate: (date: IsoDate) => void }) {
  const [draft, setDraft] = useState(props.date);
  // The view moved (keys, arrows, Today): the field follows.
  useEffect(() => setDraft(props.date), [props.date]);
  return (
    <input
      type="date"
      aria-label="Go to date"
      min="1000-01-01"
      max="9999-12-31"
      value={draft}
      onChange={(e) => {
        const value = e.target.value;
        setDraft(value);
        if (dateToGoTo(value)) props.onDate(value);
      }}
      // Left with a year half typed: show the date the page is on again.
      onBlur={() => setDraft(props.date)}
    />
  );
}
