// The typed runtime messages between the pages (popup, options) and the background. Every message
// is validated with zod on arrival; a bad one is answered with a clear error, never thrown away.
// The pages never call provider APIs themselves: they ask the background through these.
import { z } from 'zod';
import { type RelayStatus, relayStatusSchema } from '../sync/push/relay-status';
import { newTaskSchema, taskPatchSchema } from '../sync/todoist/actions';
import { quickAddRequestSchema } from './quick-add';
import { settingsPatchSchema } from './settings';
import type { WriteState } from './todoist-writes';

const sourceId = z.string().min(1).max(200);
const taskId = z.string().min(1).max(100);
const outboxId = z.string().min(1).max(100);

export const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('getStatus') }),
  z.strictObject({ type: z.literal('syncNow'), scope: z.string().min(1).optional() }),
  z.strictObject({
    type: z.literal('connect'),
    provider: z.enum(['google', 'todoist']),
    /** Todoist: a personal API token instead of OAuth. */
    token: z.string().trim().min(1).max(200).optional(),
    /** Google: pre-selects the account on the consent screen. */
    loginHint: z.string().min(1).max(320).optional(),
  }),
  z.strictObject({ type: z.literal('disconnect'), sourceId: z.string().min(1) }),
  z.strictObject({ type: z.literal('updateSettings'), settings: settingsPatchSchema }),
  z.strictObject({
    type: z.literal('setCalendarSelected'),
    calendarKey: z.string().min(1),
    selected: z.boolean(),
  }),
  z.strictObject({ type: z.literal('quickAdd'), request: quickAddRequestSchema }),
  // Todoist writes (sync/todoist/actions.ts). Each is queued and shown at once, then pushed; the
  // answer says whether Todoist confirmed it, it waits to be sent again, or Todoist refused it
  // (a refusal is an error reply, and the write stays in the popup with Retry / Discard).
  /** `done` false reopens the task; absent or true completes it (item_close: a recurring task
   * moves to its next date, spec §3). */
  z.strictObject({
    type: z.literal('completeTask'),
    sourceId,
    taskId,
    done: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('addTask'), sourceId, task: newTaskSchema }),
  z.strictObject({ type: z.literal('updateTask'), sourceId, taskId, patch: taskPatchSchema }),
  z.strictObject({ type: z.literal('deleteTask'), sourceId, taskId }),
  /** A refused write (popup): send it again, or drop it (the task falls back to Todoist's). */
  z.strictObject({ type: z.literal('retryWrite'), outboxId }),
  z.strictObject({ type: z.literal('discardWrite'), outboxId }),
  z.strictObject({ type: z.literal('resetAndResync') }),
]);
export type Message = z.infer<typeof messageSchema>;
const KNOWN_TYPES: ReadonlySet<string> = new Set(
  messageSchema.options.map((o) => o.shape.type.value),
);
export type MessageType = Message['type'];

export type ErrorCode =
  | 'bad-message'
  | 'not-implemented'
  | 'cancelled'
  | 'needs-sign-in'
  | 'rejected'
  | 'unavailable'
  | 'internal';

export interface MessageError {
  readonly code: ErrorCode;
  readonly message: string;
  /** A sync failure's class ("Transient", "BadResponse"…) and HTTP status, for the page to say
   * in words (ui/error-text.ts); `message` then stays the raw text, for diagnostics. */
  readonly kind?: string;
  readonly status?: number;
}

export type Reply<T = unknown> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly error: MessageError };

export interface AccountStatus {
  readonly sourceId: string;
  readonly provider: 'google' | 'todoist';
  readonly label: string;
  readonly signedIn: boolean;
  readonly method?: 'oauth' | 'chrome' | 'token';
}

/** getStatus's `relay` part, validated by the background before it answers (the pages may parse
 * it again with the same schema). */
export { relayStatusSchema };

export interface Status {
  /** `live` exactly while the relay's stream is open and ready; polling continues either way. */
  readonly mode: 'polling' | 'live';
  readonly pollMinutes: number;
  readonly relayConfigured: boolean;
  /** The push stream: off / connecting / live / retrying (with the last error and next try). */
  readonly relay: RelayStatus;
  readonly accounts: readonly AccountStatus[];
  readonly syncing: readonly string[];
  readonly nextAlarmAt: number | undefined;
  readonly queuedQuickAdds: number;
}

/** A Todoist write's answer: `taskId` is the row's id (a temp id for an add until Todoist has
 * answered; the row keeps it as `localId`). A refused write is an error reply instead. */
export type TaskWriteReply = {
  /** The task's id now: Todoist's once it answered an add, else the temp id. */
  readonly taskId: string;
  /** Stable across the temp → real id swap (the UI's list key). */
  readonly localId: string;
  readonly outboxId: string;
} & Exclude<WriteState, { state: 'failed' }>;

/** What each message answers with (`data` of an ok reply). */
export interface ReplyData {
  getStatus: Status;
  syncNow: { scope: string; outcome: string; error?: string }[];
  connect: { sourceId: string; label: string };
  disconnect: null;
  updateSettings: null;
  setCalendarSelected: null;
  quickAdd: unknown;
  completeTask: TaskWriteReply;
  addTask: TaskWriteReply;
  updateTask: TaskWriteReply;
  deleteTask: TaskWriteReply;
  retryWrite: WriteState;
  discardWrite: null;
  resetAndResync: { scopes: number };
}

/** Parses a raw message; the error names the offending field. */
export function parseMessage(
  raw: unknown,
): { ok: true; message: Message } | { ok: false; error: MessageError } {
  const parsed = messageSchema.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data };
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
    return {
      ok: false,
      error: {
        code: 'bad-message',
        message: `Unknown message type ${JSON.stringify(type ?? null)}; expected one of ${[...KNOWN_TYPES].join(', ')}.`,
      },
    };
  }
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return {
    ok: false,
    error: {
      code: 'bad-message',
      message: `Invalid message${where}: ${issue?.message ?? 'unknown'}`,
    },
  };
}
