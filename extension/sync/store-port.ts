// The engine's storage port. Implemented with Dexie in extension/store/; the engine never imports
// Dexie (a lint rule enforces it). Each method is one IndexedDB transaction.
import type {
  CalendarEntry,
  CalendarRecord,
  CursorState,
  EventRecord,
  MetricRecord,
  RunRecord,
  ScopeState,
  SourceRecord,
} from '../store/records';
import type { CalendarListScope, CalendarScope } from './scope';

export interface Changes<R> {
  readonly upserts: readonly R[];
  /** Provider ids within the scope. Deleting an event id also deletes its series' instances. */
  readonly deletes: readonly string[];
}

/** Written in the SAME transaction as the changes it accompanies (the cursor invariant). */
export interface Finalize {
  /** The cursor to store; a cursor equal to the stored one is not rewritten. */
  readonly cursor: CursorState;
  /** Full sync: every record of the scope whose id is not in this set is deleted. */
  readonly keepOnly?: ReadonlySet<string>;
}

export interface ApplyResult {
  /** Rows of synced data actually written (puts + deletes + cursor), after etag de-duplication. */
  readonly writes: number;
  /** The scope vanished meanwhile (calendar removed or deselected): nothing was written. */
  readonly scopeGone: boolean;
}

/** The synced rows of one kind of scope, with their cursor. */
export interface Collection<S, R> {
  /** The scope still exists (calendar present and selected; source present). */
  live(scope: S): Promise<boolean>;
  readCursor(scope: S): Promise<CursorState | undefined>;
  clearCursor(scope: S): Promise<void>;
  apply(scope: S, changes: Changes<R>, finalize?: Finalize): Promise<ApplyResult>;
}

export interface MetricDelta {
  readonly name: string;
  readonly value: number;
}

export interface SyncStore {
  readonly events: Collection<CalendarScope, EventRecord>;
  readonly calendarList: Collection<CalendarListScope, CalendarEntry>;
  listSources(): Promise<SourceRecord[]>;
  listCalendars(sourceId: string): Promise<CalendarRecord[]>;
  getScopeState(scope: string): Promise<ScopeState | undefined>;
  listScopeStates(): Promise<ScopeState[]>;
  putScopeState(state: ScopeState): Promise<void>;
  /** Audit: the run row and its metric increments (added to the day of `run.startedAt`). */
  recordRun(run: RunRecord, metrics: readonly MetricDelta[]): Promise<void>;
  readMetrics(day: string): Promise<MetricRecord[]>;
}
