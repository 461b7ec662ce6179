import { z } from 'zod';
import type { DueContext } from '../due';
import { TodoistError } from '../errors';
import type { ResourceJsonByKind, ResourceKind } from '../model';
import type { UserData } from '../store';

/** What a command executor sees: the user's data and this request's temp ids (spec §3). */
export interface CommandContext {
  user: UserData;
  /** temp_id → real id, for every command of THIS request that created something. */
  tempIds: Map<string, string>;
  /** temp ids whose creating command failed in this request: later references are errors. */
  failedTempIds: Set<string>;
}

/**
 * An executor validates its args, applies the change through `user.commit`, and returns the
 * real id of what it created (for `temp_id_mapping`), if anything.
 */
export type Executor = (args: Record<string, unknown>, ctx: CommandContext) => string | undefined;

export function dueContext(ctx: CommandContext): DueContext {
  return { now: ctx.user.clock.now(), timeZone: ctx.user.account.timeZone };
}

/**
 * Maps an id argument through this request's temp ids. [open] Temp ids resolve only inside
 * the request that declared them (or replayed their command): the stricter reading, so a
 * client must store `temp_id_mapping` rather than lean on server memory.
 */
export function resolveId(ctx: CommandContext, value: string): string {
  const real = ctx.tempIds.get(value);
  if (real !== undefined) return real;
  if (ctx.failedTempIds.has(value)) throw new TodoistError('INVALID_TEMPID', { temp_id: value });
  return value;
}

const NOT_FOUND = {
  items: 'ITEM_NOT_FOUND',
  projects: 'PROJECT_NOT_FOUND',
  sections: 'SECTION_NOT_FOUND',
  labels: 'LABEL_NOT_FOUND',
  notes: 'NOTE_NOT_FOUND',
} as const;

/** The live resource an id argument names, or the kind's NOT_FOUND error. */
export function lookup<K extends ResourceKind>(
  ctx: CommandContext,
  kind: K,
  rawId: string,
): ResourceJsonByKind[K] {
  const id = resolveId(ctx, rawId);
  const found = ctx.user.live(kind, id);
  if (found === undefined) throw new TodoistError(NOT_FOUND[kind], { id: rawId });
  return found;
}

/**
 * Parses command args with zod and turns the first issue into Todoist's argument errors:
 * an absent required argument is ARGUMENT_MISSING (19), anything else INVALID_ARGUMENT_VALUE (20).
 */
export function parseArgs<T extends z.ZodType>(
  schema: T,
  args: Record<string, unknown>,
): z.infer<T> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const argument = String(issue?.path[0] ?? 'args');
  if (args[argument] === undefined && issue?.code === 'invalid_type') {
    throw new TodoistError('ARGUMENT_MISSING', { argument });
  }
  throw new TodoistError('INVALID_ARGUMENT_VALUE', { argument });
}

/** Id arguments are opaque strings (spec §1); numbers are not accepted. */
export const idArg = z.string().min(1);
