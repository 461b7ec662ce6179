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

// getStatus's answer, as a schema because the pages read it across the message boundary: a
// background of another version (updated while a page stayed open) or a bug may send another
// shape, which must become an error the page can show, not a TypeError in its render. Unknown
// fields are dropped (a newer background may add some); a missing or wrong-typed one is refused.
// The types are derived from the schemas, so the two cannot drift.
export const accountStatusSchema = z.object({
  sourceId: z.string(),
  provider: z.enum(['google', 'todoist']),
  label: z.string(),
  signedIn: z.boolean(),
  method: z.enum(['oauth', 'chrome', 'token']).optional(),
});
export type AccountStatus = Readonly<z.infer<typeof accountStatusSchema>>;

/** getStatus's `relay` part, validated by the background before it answers (strictly: no field
 * it does not know). */
export { relayStatusSchema };

// The pages read the same fields, tolerating ones they do not know.
const coverageShape = relayStatusSchema.shape.coverage.unwrap().shape;
const pageRelayStatusSchema = z.object({
  ...relayStatusSchema.shape,
  coverage: z.object(coverageShape).optional(),
});

export const statusSchema = z.object({
  /** `live` exactly while the relay's stream is open and ready; polling continues either way. */
  mode: z.enum(['polling', 'live']),
  pollMinutes: z.number(),
  relayConfigured: z.boolean(),
  /** The push stream: off / connecting / live / retrying (with the last error and next try). */
  relay: pageRelayStatusSchema,
  accounts: z.array(accountStatusSchema).readonly(),
  syncing: z.array(z.string()).readonly(),
  /** Absent when no sync is scheduled (an undefined field does not survive the message). */
  nextAlarmAt: z.number().optional(),
  queuedQuickAdds: z.number(),
});
export type Status = Readonly<z.infer<typeof statusSchema>>;
// Compile-time: the pages' relay schema reads exactly the background's RelayStatus.
const sameRelay: [RelayStatus, Status['relay']] extends [Status['relay'], RelayStatus]
  ? true
  : never = true;
void sameRelay;

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

/** The schemas the pages check an ok reply's `data` with (ui/messaging.ts), per message. Only
 * getStatus's answer is read field by field so far; the others are trusted as typed. */
export const replyDataSchemas: { readonly [T in MessageType]?: z.ZodType<ReplyData[T]> } = {
  getStatus: statusSchema,
};

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
