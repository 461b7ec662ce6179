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
 * the calendar-list cursor (Google) or the account's sync token and user facts (Todoist). */
export interface SourceRecord {
  readonly id: string;
  readonly provider: ProviderName;
  readonly label?: string;
  readonly calendarListCursor?: CursorState;
  /** Todoist: the sync token, written with the data it covers (DESIGN §2). */
  readonly todoistCursor?: CursorState;
  /** Todoist: the user's time zone (`user.tz_info.timezone`), which floating due dates use. */
  readonly timeZone?: string;
  /** Todoist: where a task without a project goes. */
  readonly inboxProjectId?: string;
  /** Todoist: the account's `user.id` (spec §2 `user`), which webhooks name as `user_id` (§7):
   * the relay links it to our subscriber, and the push router finds the account by it. */
  readonly userId?: string;
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
  /** Its Google watch channels (sync/google/watch.ts); absent = never watched. */
  readonly watch?: CalendarWatch;
}

/** One Google watch channel this device created (google spec §4 events.watch). */
export interface WatchChannel {
  readonly channelId: string;
  /** Google's id of the watched collection: channels.stop needs it with the channel id. */
  readonly resourceId: string;
  /** Epoch ms. Google's answer, not what we asked for: it may shorten the TTL (spec §4). */
  readonly expiration: number;
  readonly createdAt: number;
  /** Where its messages go: the relay and the subscriber its token was issued for. A channel
   * for another relay or subscriber no longer reaches us and is replaced. */
  readonly relayUrl: string;
  readonly subscriberId: string;
}

/** A calendar's push state. Audit-class like `cursor`: changes only when a channel does. */
export interface CalendarWatch {
  /** The channel in force. */
  readonly current?: WatchChannel;
  /** Channels to stop (replaced by a renewal, or the calendar is no longer watched); still
   * routed to the calendar until stopped. */
  readonly retiring?: readonly WatchChannel[];
  /** A watch request in flight (its `sync` message may arrive before the answer, spec §4). */
  readonly pending?: { readonly channelId: string; readonly since: number };
  /** Ids of the last channels stopped: a message of theirs still in the relay's log routes to
   * this calendar instead of looking like a stranger's. */
  readonly stopped?: readonly string[];
  /** The last watch attempt failed: no new one before `retryAt`. */
  readonly failure?: {
    readonly at: number;
    readonly retryAt: number;
    readonly message: string;
    /** Google refused this calendar (a 4xx), as opposed to a passing failure. */
    readonly refused: boolean;
    readonly status?: number;
  };
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

/** A task's due date (todoist spec §5). `date` is `YYYY-MM-DD` (all day), a floating
 * `YYYY-MM-DDTHH:MM:SS` (wall time in the user's zone) or `...Z` (a fixed instant). A due
 * typed in words on this device ("tomorrow 5pm") has only `string` until Todoist parses it. */
export interface TaskDue {
  readonly date?: string;
  readonly timezone?: string;
  readonly string?: string;
  readonly isRecurring: boolean;
}

/**
 * One Todoist task as the UI shows it: the server's version with this device's unconfirmed
 * writes (outbox rows) replayed on top (sync/todoist/task-view.ts). A task added here exists at
 * once under a temporary id; when Todoist answers with the real id the row is swapped in the
 * same transaction and keeps `localId`, so a list keyed by `localId` never remounts or flickers.
 */
export interface TaskRecord {
  readonly sourceId: string;
  /** The Todoist id, or the temporary id until Todoist has assigned one. */
  readonly id: string;
  /** Stable across the temp → real id swap: the UI's list key. */
  readonly localId: string;
  readonly projectId?: string;
  readonly sectionId?: string;
  readonly parentId?: string;
  readonly content: string;
  readonly description: string;
  /** 1–4, 4 = most urgent (spec §3). */
  readonly priority: number;
  readonly labels: readonly string[];
  readonly due?: TaskDue;
  /** The due moment on the epoch axis (all-day: midnight in the user's zone), for sorting and
   * window queries; absent when there is no due date or it is not yet parsed (a local draft). */
  readonly dueMs?: number;
  readonly allDay?: boolean;
  readonly deadline?: string;
  readonly childOrder: number;
  /** Completed. Completed tasks are kept (and shown or hidden by a UI setting), never deleted. */
  readonly checked: boolean;
  readonly completedAt?: string;
  readonly updatedAt?: string;
  /** Outbox ids of this device's writes to the task that Todoist has not confirmed yet. */
  readonly pending: readonly string[];
  /** A delete is queued: hidden from lists until Todoist confirms (or refuses) it. */
  readonly deleting?: boolean;
  /** The server's version as received; absent for a task only this device knows so far. */
  readonly raw?: Readonly<Record<string, unknown>>;
}

export interface ProjectRecord {
  readonly sourceId: string;
  readonly id: string;
  readonly name: string;
  readonly color?: string;
  readonly parentId?: string;
  readonly childOrder: number;
  readonly inbox: boolean;
  readonly archived: boolean;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface SectionRecord {
  readonly sourceId: string;
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly sectionOrder: number;
  readonly archived: boolean;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface LabelRecord {
  readonly sourceId: string;
  readonly id: string;
  readonly name: string;
  readonly color?: string;
  readonly order: number;
  readonly raw: Readonly<Record<string, unknown>>;
}

/**
 * A pending local write. Todoist writes (kind `todoist:<command type>`) hold the command in
 * `payload` ({type, uuid, temp_id?, args}); `id` IS the command uuid, kept across every retry so
 * Todoist never runs it twice (spec §3). Other kinds (the platform's quick add) use their own
 * payloads and are left alone by the engine.
 */
export interface OutboxRecord {
  readonly id: string;
  readonly scope: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Times it was sent (or tried to be). */
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError?: ErrorInfo;
  readonly createdAt?: number;
  /** Send order within the scope (commands may refer to earlier ones' temp ids). */
  readonly seq?: number;
  /** `failed`: refused for good (a 4xx-like command error): kept to be shown, never re-sent
   * unless the user retries it. Absent = pending. */
  readonly status?: 'pending' | 'failed';
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
  /** Rows of synced data written (events, calendars, tasks, outbox, cursors). */
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
