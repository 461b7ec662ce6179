// Todoist writes as sync commands (todoist spec §3): `{type, uuid, temp_id?, args}`, at most 100
// per request, run in order; a uuid Todoist has already run is answered `ok` again and not run
// twice — which is what makes a retry after a lost response safe. Every command lives in the
// outbox under its uuid until Todoist has answered for it.
import { z } from 'zod';
import type { ErrorInfo, OutboxRecord } from '../../store/records';
import { type BackoffPolicy, fullJitterDelay } from '../backoff';
import type { CommandStatus } from './schemas';

/** spec §3: at most 100 commands per request. */
export const MAX_COMMANDS = 100;
/** A command Todoist keeps refusing with a passing error (5xx/429-like) is given up after this
 * many sends and shown as failed. Request-level failures (offline) never give a command up. */
export const MAX_COMMAND_ATTEMPTS = 8;
export const COMMAND_BACKOFF: BackoffPolicy = { baseMs: 30_000, capMs: 60 * 60_000 };

export const TASK_COMMAND_TYPES = [
  'item_add',
  'item_update',
  'item_move',
  'item_close',
  'item_complete',
  'item_uncomplete',
  'item_delete',
] as const;
export type TaskCommandType = (typeof TASK_COMMAND_TYPES)[number];

export const todoistCommandSchema = z.object({
  type: z.enum(TASK_COMMAND_TYPES),
  uuid: z.string().min(1),
  temp_id: z.string().min(1).optional(),
  args: z.record(z.string(), z.unknown()),
});
export type TodoistCommand = z.infer<typeof todoistCommandSchema>;

export const OUTBOX_KIND_PREFIX = 'todoist:';

export function outboxKind(type: TaskCommandType): string {
  return `${OUTBOX_KIND_PREFIX}${type}`;
}

/** The engine's own Todoist rows of a scope (other kinds in the outbox are not ours). */
export function isTodoistCommandRow(row: OutboxRecord, scopeId: string): boolean {
  return row.scope === scopeId && row.kind.startsWith(OUTBOX_KIND_PREFIX);
}

/** The command stored in a row, or undefined for a row this version cannot read. */
export function commandOf(row: OutboxRecord): TodoistCommand | undefined {
  const parsed = todoistCommandSchema.safeParse(row.payload);
  return parsed.success && parsed.data.uuid === row.id ? parsed.data : undefined;
}

/** The task a command acts on: item_add's temp id, else `args.id`. */
export function commandTarget(command: TodoistCommand): string | undefined {
  if (command.type === 'item_add') return command.temp_id;
  const id = command.args.id;
  return typeof id === 'string' ? id : undefined;
}

const ID_ARGS = ['id', 'parent_id', 'project_id', 'section_id'] as const;

/** Replaces temp ids Todoist has mapped (spec §3 temp_id_mapping): a command queued against a
 * task that did not exist yet must name its real id once the add ran in an earlier request. */
export function remapCommand(
  command: TodoistCommand,
  mapping: Readonly<Record<string, string>>,
): TodoistCommand {
  let args: Record<string, unknown> | undefined;
  for (const key of ID_ARGS) {
    const value = command.args[key];
    if (typeof value !== 'string' || !Object.hasOwn(mapping, value)) continue;
    args ??= { ...command.args };
    args[key] = mapping[value];
  }
  return args ? { ...command, args } : command;
}

export type CommandOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'retry'; readonly error: ErrorInfo; readonly nextAttemptAt: number }
  | { readonly kind: 'failed'; readonly error: ErrorInfo };

/**
 * What to do with a sent command after Todoist's `sync_status` for it (spec §3). A 429 or 5xx
 * (or no status at all) is passing: retried with backoff, same uuid. Any other error is the
 * command itself being refused (ITEM_NOT_FOUND, INVALID_ARGUMENT_VALUE…): stop, show it.
 * `attempts` counts this send.
 */
export function commandOutcome(
  status: CommandStatus | undefined,
  attempts: number,
  now: number,
  random: () => number,
): CommandOutcome {
  if (status === 'ok') return { kind: 'ok' };
  const httpCode = status?.http_code;
  const tag = status?.error_tag;
  const error: ErrorInfo = {
    name: 'CommandError',
    message: status?.error ?? 'Todoist did not answer for this command',
    at: now,
    ...(httpCode === undefined ? {} : { status: httpCode }),
    ...(tag === undefined ? {} : { reason: tag }),
  };
  const passing =
    status === undefined ||
    tag === 'LIMITS_REACHED' ||
    httpCode === 408 ||
    httpCode === 429 ||
    (httpCode !== undefined && httpCode >= 500);
  if (!passing || attempts >= MAX_COMMAND_ATTEMPTS) return { kind: 'failed', error };
  const retryAfter = (status?.error_extra?.retry_after ?? 0) * 1000;
  const delay = Math.max(retryAfter, fullJitterDelay(attempts - 1, COMMAND_BACKOFF, random));
  return { kind: 'retry', error, nextAttemptAt: now + Math.max(30_000, delay) };
}

/** A request-level failure (network, 5xx, 429, budget): the commands stay pending. */
export function afterSendFailure(
  row: OutboxRecord,
  error: ErrorInfo,
  now: number,
  random: () => number,
): OutboxRecord {
  const attempts = row.attempts + 1;
  const delay = fullJitterDelay(attempts - 1, COMMAND_BACKOFF, random);
  return { ...row, attempts, lastError: error, nextAttemptAt: now + Math.max(30_000, delay) };
}
