// The rows Almanac keeps in IndexedDB (DESIGN §3). Pure types: the engine (sync/) and the UI both
// read them, and nothing here imports Dexie, so `extension/sync` may depend on this file.

/** The time range a calendar's events were fully listed for; incremental changes are kept only
 * inside it (see sync/google/window.ts for the rule). Epoch ms, start inclusive, end exclusive. */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** A provider cursor (Google sync token, Todoist sync token) and what it covers. */
export interface CursorState {
  readonly token: string;
  /** The window of the full sync this token descends from (calendar events only). */
  readonly window?: TimeWindow;
  /** When the last complete (full) listing finished; drives the safety reconcile. */
  readonly fullSyncedAt: number;
  /** When this token string was written; an unchanged quiet run keeps the older token. */
  readonly savedAt: number;
}

export type ProviderName = 'google' | 'todoist';

/** An account. Created by the platform layer at sign-in; the engine only reads it and writes
 * the calendar-list cursor. */
export interface SourceRecord {
  readonly id: string;
  readonly provider: ProviderName;
  readonly label?: string;
  readonly calendarListCursor?: CursorState;
}

/** One Google calendarList entry as the API reports it (the synced part of a calendar row). */
export interface CalendarEntry {
  /** `${sourceId}:${calendarId}` — see sync/scope.ts calendarKey(). */
  readonly key: string;
  readonly sourceId: string;
  /** The Google calendar id. */
  readonly id: string;
  readonly etag: string;
  readonly summary: string;
  readonly summaryOverride?: string;
  readonly timeZone?: string;
  readonly accessRole?: string;
  readonly backgroundColor?: string;
  readonly foregroundColor?: string;
  readonly colorId?: string;
  readonly hidden: boolean;
  /** Google's own `selected` flag (shown in Google Calendar's list). */
  readonly googleSelected: boolean;
  readonly primary: boolean;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A calendar row: the synced entry plus what only Almanac knows. */
export interface CalendarRecord extends CalendarEntry {
  /** The user's explicit choice in Almanac; wins over the defaults when set. */
  readonly userSelected?: boolean;
  readonly cursor?: CursorState;
}

/** One event (or one expanded instance of a series: the engine lists with singleEvents=true). */
export interface EventRecord {
  readonly calendarKey: string;
  readonly id: string;
  readonly etag: string;
  readonly status: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly allDay: boolean;
  /** `recurringEventId` for instances: deleting the series id deletes these too. */
  readonly seriesId?: string;
  readonly summary?: string;
  readonly updated?: string;
  /** The Google resource as received (unknown fields kept). */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** Todoist rows: the shapes are filled in by the Todoist sync; keyed per source. */
export interface TaskRecord {
  readonly sourceId: string;
  readonly id: string;
  readonly projectId?: string;
  readonly raw: Readonly<Record<string, unknown>>;
}
export interface ProjectRecord {
  readonly sourceId: string;
  readonly id: string;
  readonly raw: Readonly<Record<string, unknown>>;
}
export interface LabelRecord {
  readonly sourceId: string;
  readonly id: string;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A pending local write (filled in by the outbox work). */
export interface OutboxRecord {
  readonly id: string;
  readonly scope: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError?: ErrorInfo;
}

/** A typed error flattened for storage and display. */
export interface ErrorInfo {
  readonly name: string;
  readonly message: string;
  readonly status?: number;
  readonly reason?: string;
  readonly retryAfterMs?: number;
  readonly at: number;
}

export type ScopeStatus = 'ok' | 'retrying' | 'needs-sign-in';

/** Scheduling state of one sync scope (DESIGN §2). Kept apart from the synced rows so that a quiet
 * run, which must write no synced data, only touches this audit-class row. */
export interface ScopeState {
  readonly scope: string;
  readonly status: ScopeStatus;
  readonly lastSyncAt?: number;
  readonly lastSuccessAt?: number;
  readonly lastError?: ErrorInfo;
  readonly consecutiveFailures: number;
  /** Epoch ms; null = never by itself (needs sign-in). */
  readonly nextRunAt: number | null;
}

export type RunMode = 'full' | 'incremental' | 'none';
export type RunOutcome = 'ok' | 'error' | 'skipped';

/** Audit row: one per sync run. */
export interface RunRecord {
  readonly seq?: number;
  readonly scope: string;
  readonly reason: string;
  readonly mode: RunMode;
  readonly pages: number;
  readonly requests: number;
  readonly bytes: number;
  /** Rows of synced data written (events, calendars, cursors). */
  readonly changes: number;
  /** True when an expired cursor forced a wipe-and-full-resync during this run. */
  readonly fullResync: boolean;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly outcome: RunOutcome;
  readonly error?: ErrorInfo;
}

/** Daily counter, keyed [day+name]; day is the UTC date `YYYY-MM-DD`. */
export interface MetricRecord {
  readonly day: string;
  readonly name: string;
  readonly value: number;
}

export interface MetaRecord {
  readonly key: string;
  readonly value: unknown;
}
