// The new tab: today and the next six days, a day view and a week view, from the store (live:
// a sync re-renders it), with quick add, task completion, search and keys. Writes go through the
// background's messages; the page never calls Google or Todoist itself.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AccountStatus } from '../../platform/messages';
import type { RawRead } from '../../store/agenda-raw-read';
import type { AlmanacDb } from '../../store/db';
import { uiDb } from '../db';
import { useAction, useBooleanSetting, useNow, useSettings, useStatus } from '../hooks';
import { send } from '../messaging';
import { afterNextPaint } from '../next-paint';
import { echoedShowCompletedOr } from '../settings-echo';
import type { AgendaTask } from './agenda-items';
import { AgendaList } from './agenda-list';
import { planAgenda } from './agenda-plan';
import { ErrorState, Loading, ProblemBanner, problemsOf, SignedOut } from './agenda-states';
import { AgendaToolbar } from './agenda-toolbar';
import { bootFrame } from './boot-handoff';
import type { TaskActions } from './entry-views';
import { useFocusKeeper } from './focus-keeper';
import { rangeText } from './format';
import { keepFirstFrame } from './frame-save';
import { dayAxis } from './grid-axis';
import type { KeyAction } from './keyboard';
import { moveIndex } from './keyboard';
import { pageStorage } from './page-storage';
import { usePointerAnchor } from './pointer-anchor';
import { loadPrefs } from './prefs';
import { QuickAdd } from './quick-add';
import { forgetFrame, frameContext } from './saved-frame';
import { scrollToEnd } from './scroll-to-end';
import { eventsCoverage, outsideCoverage, SyncedRangeNote } from './synced-range';
import { TimeGrid } from './time-grid';
import {
  COMMITTED_MARK,
  COMPLETE_MARK,
  prefetchAgendaData,
  RENDERED_MARK,
  useAgendaData,
  useKeyboard,
  usePrefs,
  useViewState,
} from './use-agenda';
import { parseViewHash, stepView, type ViewState, viewDays } from './view-state';
import { viewerZone } from './viewer-zone';
import { dateOf, dayBounds, type IsoDate } from './zone-days';

/** Start the read of the view the page will open on (the hash, else the saved view, in the
 * system zone). AgendaApp takes it if its view matches. Settles (never rejects) when it is in. */
export function prefetchInitialView(
  db: AlmanacDb,
  boot?: Promise<RawRead | undefined>,
): Promise<unknown> {
  const { zone } = viewerZone();
  const today = dateOf(Date.now(), zone);
  const prefs = loadPrefs(pageStorage());
  const view = parseViewHash(globalThis.location?.hash ?? '', today, prefs.view);
  const days = viewDays(view);
  return prefetchAgendaData(db, { days, zone, withOverdue: showsOverdue(view, days, today) }, boot);
}

/** The agenda list of days with today in it shows the overdue group (the grids have none). */
function showsOverdue(view: ViewState, days: readonly string[], today: string): boolean {
  return view.view === 'agenda' && (days[0] ?? today) <= today && today <= (days.at(-1) ?? today);
}

export function AgendaApp(props: { zone?: string; locale?: string }) {
  const db = uiDb();
  const nowMs = useNow(30_000);
  // Asked on every render (the clock's tick included), so a change of the computer's zone shows.
  const viewer = props.zone ? { zone: props.zone } : viewerZone();
  const { zone } = viewer;
  const { locale } = props;
  const today = dateOf(nowMs, zone);
  const [prefs, setPrefs] = usePrefs();
  // Shared with the options page: the engine keeps checked tasks, every task list reads this.
  const settings = useSettings();
  // Until the settings' read is in, the setting's echo (settings-echo.ts): the first frame
  // already shows completed tasks when the user asked for them, rather than adding them a
  // moment later (a stale echo is corrected when the read arrives).
  const [echoed] = useState(() => echoedShowCompletedOr(false));
  const showCompleted = useBooleanSetting(settings?.showCompletedTasks ?? echoed, (value) =>
    send({ type: 'updateSettings', settings: { showCompletedTasks: value } }),
  );
  const [view, go] = useViewState(today, prefs.view);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the days depend on view and date only.
  const days = useMemo(() => viewDays(view), [view.view, view.date]);
  const withOverdue = showsOverdue(view, days, today);
  const live = useAgendaData(db, { days, zone, withOverdue });
  const data = live.state === 'ready' ? live.data : undefined;
  const shownDays = live.state === 'ready' ? live.days : days;
  // 'updating': the previous view stays on screen until the new one's read arrives.
  const pageState =
    live.state === 'ready' && shownDays.join() !== days.join() ? 'updating' : live.state;
  const storeKey = data?.scopes.map((s) => `${s.scope}:${s.status}:${s.lastSyncAt}`).join('|');
  const { status, refresh } = useStatus(storeKey, data?.sources.length);
  const action = useAction();
  const [search, setSearch] = useState('');
  // Tasks whose completion (true) or reopening (false) is on its way to the background.
  const [completing, setCompleting] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string>();
  const searchRef = useRef<HTMLInputElement>(null);
  const quickAddRef = useRef<HTMLInputElement>(null);
  // The list's "every entry now" (render-budget.ts), for the keys that need the whole list.
  const fill = useRef<(() => void) | undefined>(undefined);

  const plan = useMemo(
    () =>
      data
        ? planAgenda({
            days: shownDays,
            zone,
            today,
            nowMs,
            events: data.events,
            tasks: data.tasks,
            earlierTasks: data.earlierTasks,
            declined: prefs.declined,
            showCompleted: showCompleted.value,
            keepTasks: kept,
            search,
          })
        : undefined,
    [data, shownDays, zone, today, nowMs, prefs.declined, showCompleted.value, kept, search],
  );
  // A week outside the calendars' synced window shows no events there (synced-range.tsx).
  const outside = useMemo(() => {
    const first = plan?.days[0];
    const last = plan?.days.at(-1);
    if (!data || !first || !last) return undefined;
    const view = { startMs: first.bounds.startMs, endMs: last.bounds.endMs };
    return outsideCoverage(view, eventsCoverage(data.calendars), zone);
  }, [plan, data, zone]);

  // The bench's "committed" and "rendered" moments: the first view with data in the DOM, and the
  // frame that painted it. (This render's passive effects run between the two: React flushes
  // them at the end of the commit, so they are no measure of the paint.)
  const marked = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, at the first frame with data.
  useLayoutEffect(() => {
    if (plan && !marked.current) {
      marked.current = true;
      // How many entries the first frame holds (its first screen: render-budget.ts).
      const entries = document.querySelectorAll('[data-agenda-item]').length;
      performance.mark(COMMITTED_MARK, { detail: { entries } });
      afterNextPaint(() => performance.mark(RENDERED_MARK));
      // The next load's boot script paints this frame while the page loads (saved-frame.ts):
      // kept only when drawn from the store and the clock alone (no sync status yet, no notice)
      // — what React's own first frame would draw again from the same rows.
      const boot = bootFrame();
      const context = boot?.context;
      const revision = data?.rows.revision;
      const plain = status === undefined && !notice && !action.error && pageState === 'ready';
      // Filed only under the context it was drawn in: a setting echoed since the boot script
      // looked (settings-echo.ts), or a window resized meanwhile, would file it under another.
      const drawnIn = context === frameContext(boot?.build);
      if (data?.sources.length === 0) forgetFrame(pageStorage());
      else if (context && drawnIn && revision && plain) {
        keepFirstFrame(document.getElementById('root'), {
          context,
          revision,
          plan,
          nowMs,
          dayEndMs: dayBounds(today, zone).endMs,
          zone,
          clockChangesMs:
            view.view === 'agenda' ? [] : dayAxis(today, zone, 'wall').shifts.map((s) => s.atMs),
        });
      }
    }
  }, [plan]);
  const markedComplete = useRef(false);
  const onViewComplete = useCallback(() => {
    if (markedComplete.current) return;
    markedComplete.current = true;
    afterNextPaint(() => performance.mark(COMPLETE_MARK));
  }, []);

  const toggle = useCallback(async (task: AgendaTask, done: boolean) => {
    const edit = (set: ReadonlySet<string>, add: boolean) => {
      const next = new Set(set);
      if (add) next.add(task.key);
      else next.delete(task.key);
      return next;
    };
    const flight = (on: boolean) =>
      setCompleting((m) => {
        const next = new Map(m);
        if (on) next.set(task.key, done);
        else next.delete(task.key);
        return next;
      });
    flight(true);
    // A task ticked here stays in view, struck through, until the page is reloaded. Reopened
    // here, it is no longer one ticked here: completed again elsewhere, it leaves the view as
    // any task completed elsewhere does (it stayed, struck through, until a reload).
    if (done) setKept((s) => edit(s, true));
    setNotice(undefined);
    try {
      await send({ type: 'completeTask', sourceId: task.sourceId, taskId: task.id, done });
      if (!done) setKept((s) => edit(s, false));
    } catch (err) {
      if (done) setKept((s) => edit(s, false));
      const verb = done ? 'complete' : 'reopen';
      setNotice(
        `Couldn’t ${verb} “${task.title}”: ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      flight(false);
    }
  }, []);
  const actions: TaskActions = useMemo(
    () => ({ completing, onToggle: (t, done) => void toggle(t, done) }),
    [completing, toggle],
  );

  const onKey = useCallback(
    (key: KeyAction, event: KeyboardEvent) => {
      if (key.type === 'move') {
        // Inside a grid's open "+N" list, the keys walk that list.
        const scope = document.querySelector(':popover-open') ?? document;
        const itemsNow = () => [...scope.querySelectorAll<HTMLElement>('[data-agenda-item]')];
        let items = itemsNow();
        const at = items.indexOf(document.activeElement as HTMLElement);
        // To the last entry, or past the last one in the DOM so far (a long list still
        // filling): the rest first.
        const toEnd = key.delta < 0 ? at < 0 : at === items.length - 1;
        if (scope === document && toEnd) {
          fill.current?.();
          items = itemsNow();
        }
        const next = items[moveIndex(at, key.delta, items.length)];
        if (next) {
          event.preventDefault();
          next.focus();
          next.scrollIntoView({ block: 'nearest' });
        }
      } else if (key.type === 'step') {
        event.preventDefault();
        go(stepView(view, key.direction));
      } else if (key.type === 'today') {
        go({ view: view.view, date: today });
      } else if (key.type === 'new') {
        event.preventDefault();
        quickAddRef.current?.focus();
      } else if (key.type === 'search') {
        event.preventDefault();
        searchRef.current?.focus();
      } else if (key.type === 'end') {
        // The whole list first; the grids' own scrollers keep the browser's End.
        fill.current?.();
        const main = document.querySelector('main');
        const list = main?.querySelector('.agenda-list');
        if (main && list) {
          event.preventDefault();
          scrollToEnd(main, list);
        }
      } else if (key.type === 'view') {
        go({ view: key.view, date: view.date });
        setPrefs({ view: key.view });
      } else {
        const active = document.activeElement as HTMLElement | null;
        if (active === searchRef.current && search !== '') setSearch('');
        else if (search !== '' && active === document.body) setSearch('');
        else active?.blur();
      }
    },
    [go, view, today, search, setPrefs],
  );
  useKeyboard(onKey);
  // The pointer's entry first: the focus keeper may then scroll to an entry a sync moved away
  // (run after it, the anchor took that scroll for the sync's and scrolled it back).
  usePointerAnchor();
  useFocusKeeper();
  const openDay = useCallback((date: IsoDate) => go({ view: 'day', date }), [go]);

  const signIn = (account: AccountStatus) => {
    // Todoist signs in on the options page, as from the popup: an account connected with a
    // pasted token has no OAuth sign-in to go back through, and the page asks for a new token.
    if (account.provider === 'todoist') return void browser.runtime.openOptionsPage();
    void action
      .run(() => send({ type: 'connect', provider: 'google', loginHint: account.label }))
      .then(refresh);
  };
  const retry = (scope: string) =>
    void action.run(() => send({ type: 'syncNow', scope })).then(refresh);

  if (live.state === 'error') return <ErrorState error={live.error} />;
  const signedOut = data !== undefined && data.sources.length === 0;
  const problems =
    data && status
      ? problemsOf(status.accounts, data.scopes, data.calendars, { signIn, retry })
      : [];

  return (
    <div className="agenda-app" data-state={pageState} data-view={view.view}>
      <AgendaToolbar
        view={view}
        days={days}
        locale={locale}
        status={signedOut ? undefined : status}
        search={search}
        searchRef={searchRef}
        prefs={prefs}
        showCompleted={showCompleted.value}
        showCompletedError={showCompleted.error}
        onShowCompleted={showCompleted.set}
        onSearch={setSearch}
        onStep={(d) => go(stepView(view, d))}
        onToday={() => go({ view: view.view, date: today })}
        onDate={(date) => go({ view: view.view, date })}
        onView={(v) => {
          go({ view: v, date: view.date });
          setPrefs({ view: v });
        }}
        onPrefs={setPrefs}
        minimal={signedOut}
      />
      {data && !signedOut ? (
        <QuickAdd
          calendars={data.calendars}
          sources={data.sources}
          target={prefs.quickAddTarget}
          onTarget={(t) => setPrefs({ quickAddTarget: t })}
          inputRef={quickAddRef}
        />
      ) : null}
      <ProblemBanner problems={problems} />
      {viewer.unknown !== undefined ? (
        <p className="notice zone-note" role="status">
          The browser can’t tell which time zone this computer is in (it says “{viewer.unknown}”),
          so times are shown in {viewer.label}, without daylight-saving changes.
        </p>
      ) : null}
      {action.error || notice ? (
        <div className="alert" role="alert">
          {notice ?? action.error}
        </div>
      ) : null}
      <main aria-label="Agenda" aria-busy={pageState === 'loading' || pageState === 'updating'}>
        {outside && !signedOut ? (
          <SyncedRangeNote range={rangeText(outside.from, outside.to, locale)} />
        ) : null}
        {!plan ? (
          <Loading />
        ) : signedOut ? (
          <SignedOut
            busy={action.busy}
            onConnect={() =>
              void action.run(() => send({ type: 'connect', provider: 'google' })).then(refresh)
            }
          />
        ) : view.view === 'agenda' ? (
          <AgendaList
            key={shownDays.join()}
            plan={plan}
            zone={zone}
            locale={locale}
            today={today}
            nowMs={nowMs}
            actions={actions}
            searching={search.trim() !== ''}
            onComplete={onViewComplete}
            fill={fill}
          />
        ) : (
          <TimeGrid
            key={`${view.view}:${shownDays.join()}`}
            plan={plan}
            onComplete={onViewComplete}
            mode={view.view}
            zone={zone}
            locale={locale}
            today={today}
            nowMs={nowMs}
            actions={actions}
            onOpenDay={openDay}
          />
        )}
        {/* Always on the page, empty until a search: a live region put in with its text is
            not read out, and the first count went unsaid. */}
        <p className="visually-hidden" role="status">
          {search.trim() !== '' && plan
            ? `${plan.entries} ${plan.entries === 1 ? 'match' : 'matches'}`
            : ''}
        </p>
      </main>
    </div>
  );
}
