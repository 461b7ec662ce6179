// The typed runtime messages between the pages (popup, options) and the background. Every message
// is validated with zod on arrival; a bad one is answered with a clear error, never thrown away.
// The pages never call provider APIs themselves: they ask the background through these.
import { z } from 'zod';
import { quickAddRequestSchema } from './quick-add';
import { settingsPatchSchema } from './settings';

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
  /** Reserved for two-way Todoist sync: answered with a clear "not available yet". */
  z.strictObject({
    type: z.literal('completeTask'),
    sourceId: z.string().min(1),
    taskId: z.string().min(1),
  }),
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

export interface Status {
  /** Truthfully "polling": the relay (push) is not built yet. */
  readonly mode: 'polling' | 'live';
  readonly pollMinutes: number;
  readonly relayConfigured: boolean;
  readonly accounts: readonly AccountStatus[];
  readonly syncing: readonly string[];
  readonly nextAlarmAt: number | undefined;
  readonly queuedQuickAdds: number;
}

/** What each message answers with (`data` of an ok reply). */
export interface ReplyData {
  getStatus: Status;
  syncNow: { scope: string; outcome: string; error?: string }[];
  connect: { sourceId: string; label: string };
  disconnect: null;
  updateSettings: null;
  setCalendarSelected: null;
  quickAdd: unknown;
  completeTask: never;
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
