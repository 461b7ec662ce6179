// Everything the popup shows, read from the store in one live query: accounts, their calendars
// with event counts and sync state, what is syncing now (activity rows), and today's request
// count. Pure reads; the popup re-renders whenever any of these tables change.
import { ACTIVITY_PREFIX, type ActivityRow, activitySchema } from '../platform/activity';
import type { AlmanacDb } from '../store/db';
import { utcDay } from '../store/dexie-sync-store';
import type {
  CalendarRecord,
  ErrorInfo,
  RunRecord,
  ScopeState,
  SourceRecord,
} from '../store/records';
import { isCalendarSelected } from '../store/selection';
import { calendarListScope, calendarScope, todoistScope } from '../sync/scope';
import { describeError } from './error-text';
import { loadTodoistWrites, NO_WRITES, type TodoistWrites } from './todoist-writes-model';

export type CalendarPhase =
  | { readonly kind: 'syncing'; readonly activity: ActivityRow }
  | { readonly kind: 'needs-sign-in' }
  | {
      readonly kind: 'error';
      readonly error: ErrorInfo;
      readonly retryAt: number | null;
    }
  | { readonly kind: 'synced'; readonly at: number }
  | { readonly kind: 'waiting' };

export interface CalendarView {
  readonly key: string;
  readonly scope: string;
  readonly title: string;
  readonly color: string | undefined;
  readonly primary: boolean;
  readonly events: number;
  /** Completed at least one full listing (its cursor exists). */
  readonly synced: boolean;
  readonly phase: CalendarPhase;
}

export interface AccountView {
  readonly source: SourceRecord;
  readonly listScope: string | undefined;
  readonly listActivity: ActivityRow | undefined;
  readonly listError: string | undefined;
  readonly needsSignIn: boolean;
  readonly calendars: readonly CalendarView[];
  /** First sync in progress: some selected calendar has never completed a listing. */
  readonly firstSync: { readonly done: number; readonly total: number } | undefined;
  /** Todoist: open tasks stored, the account scope's sync state, and this device's writes that
   * wait to be sent (`pending`) or that Todoist refused (`failed`, offered Retry / Discard). */
  readonly tasks?: {
    readonly open: number;
    readonly scope: string;
    readonly phase: CalendarPhase;
  } & TodoistWrites;
}

export interface PopupModel {
  readonly accounts: readonly AccountView[];
  readonly requestsToday: number;
  readonly lastRun: RunRecord | undefined;
}

export async function loadPopupModel(db: AlmanacDb, now: number): Promise<PopupModel> {
  const [sources, calendars, states, activityRows, metrics, lastRun] = await Promise.all([
    db.sources.toArray(),
    db.calendars.toArray(),
    db.scopes.toArray(),
    db.meta.where('key').startsWith(ACTIVITY_PREFIX).toArray(),
    db.metrics.where('day').equals(utcDay(now)).toArray(),
    db.runs.orderBy('seq').last(),
  ]);
  const stateOf = new Map(states.map((s) => [s.scope, s]));
  const activity = new Map<string, ActivityRow>();
  for (const row of activityRows) {
    const parsed = activitySchema.safeParse(row.value);
    if (parsed.success) activity.set(parsed.data.scope, parsed.data);
  }
  const selected = calendars.filter(isCalendarSelected);
  const counts = await Promise.all(
    selected.map((c) => db.events.where('calendarKey').equals(c.key).count()),
  );
  const countOf = new Map(selected.map((c, i) => [c.key, counts[i] ?? 0]));

  const openTasks = await Promise.all(
    sources.map((s) =>
      s.provider === 'todoist'
        ? db.tasks
            .where('sourceId')
            .equals(s.id)
            .filter((t) => !t.checked && !t.deleting)
            .count()
        : 0,
    ),
  );
  const openOf = new Map(sources.map((s, i) => [s.id, openTasks[i] ?? 0]));
  const writesOf = await loadTodoistWrites(db, sources);
  const accounts = sources
    .slice()
    .sort(
      (a, b) =>
        a.provider.localeCompare(b.provider) || (a.label ?? a.id).localeCompare(b.label ?? b.id),
    )
    .map((source) =>
      source.provider === 'google'
        ? accountView(source, selected, stateOf, activity, countOf)
        : todoistView(
            source,
            stateOf,
            activity,
            openOf.get(source.id) ?? 0,
            writesOf.get(source.id) ?? NO_WRITES,
          ),
    );
  const requestsToday = metrics
    .filter((m) => m.name.startsWith('requests:'))
    .reduce((sum, m) => sum + m.value, 0);
  return { accounts, requestsToday, lastRun };
}

function accountView(
  source: SourceRecord,
  selected: readonly CalendarRecord[],
  stateOf: ReadonlyMap<string, ScopeState>,
  activity: ReadonlyMap<string, ActivityRow>,
  countOf: ReadonlyMap<string, number>,
): AccountView {
  const listScope = calendarListScope(source.id).id;
  const listState = stateOf.get(listScope);
  const mine = selected
    .filter((c) => c.sourceId === source.id)
    .sort((a, b) => Number(b.primary) - Number(a.primary) || title(a).localeCompare(title(b)));
  const views = mine.map((c) => calendarView(c, stateOf, activity, countOf));
  const neverSynced = views.filter((v) => !v.synced).length;
  const needsSignIn =
    listState?.status === 'needs-sign-in' || views.some((v) => v.phase.kind === 'needs-sign-in');
  return {
    source,
    listScope,
    listActivity: activity.get(listScope),
    listError:
      listState?.status === 'retrying' && listState.lastError
        ? describeError(listState.lastError)
        : undefined,
    needsSignIn,
    calendars: views,
    firstSync:
      neverSynced > 0 && !needsSignIn
        ? { done: views.length - neverSynced, total: views.length }
        : undefined,
  };
}

const title = (c: CalendarRecord) => c.summaryOverride ?? c.summary;

function todoistView(
  source: SourceRecord,
  stateOf: ReadonlyMap<string, ScopeState>,
  activity: ReadonlyMap<string, ActivityRow>,
  open: number,
  writes: TodoistWrites,
): AccountView {
  const scope = todoistScope(source.id).id;
  const state = stateOf.get(scope);
  const phase = phaseOf(state, activity.get(scope), undefined);
  return {
    source,
    listScope: undefined,
    listActivity: undefined,
    listError: undefined,
    needsSignIn: phase.kind === 'needs-sign-in',
    calendars: [],
    firstSync: undefined,
    tasks: { open, scope, phase, ...writes },
  };
}

function calendarView(
  c: CalendarRecord,
  stateOf: ReadonlyMap<string, ScopeState>,
  activity: ReadonlyMap<string, ActivityRow>,
  countOf: ReadonlyMap<string, number>,
): CalendarView {
  const scope = calendarScope(c.sourceId, c.id).id;
  const state = stateOf.get(scope);
  const running = activity.get(scope);
  return {
    key: c.key,
    scope,
    title: title(c),
    color: c.backgroundColor,
    primary: c.primary,
    events: countOf.get(c.key) ?? 0,
    synced: c.cursor !== undefined,
    phase: phaseOf(state, running, c),
  };
}

function phaseOf(
  state: ScopeState | undefined,
  running: ActivityRow | undefined,
  c: CalendarRecord | undefined,
): CalendarPhase {
  if (running) return { kind: 'syncing', activity: running };
  if (state?.status === 'needs-sign-in') return { kind: 'needs-sign-in' };
  if (state?.status === 'retrying' && state.lastError) {
    return { kind: 'error', error: state.lastError, retryAt: state.nextRunAt };
  }
  const at = state?.lastSuccessAt ?? c?.cursor?.savedAt;
  return at === undefined ? { kind: 'waiting' } : { kind: 'synced', at };
}
