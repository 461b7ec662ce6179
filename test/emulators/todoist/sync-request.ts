import { z } from 'zod';
import { type Command, commandSchema, MAX_COMMANDS } from './commands/execute';
import { TodoistError } from './errors';
import { RESOURCE_KINDS, type ResourceKind } from './model';

/** A decoded `POST /api/v1/sync` request (spec §2). */
export interface SyncRequest {
  /** Absent means "*" (a full sync), as Todoist treats a missing token. */
  syncToken: string;
  /** The resources to answer with; empty = a write-only request. */
  resources: Set<ResourceKind | 'user'>;
  commands: Command[];
}

/** The resource types this emulator serves; others are accepted and left out of answers. */
const SERVED: readonly (ResourceKind | 'user')[] = [...RESOURCE_KINDS, 'user'];

/** Form bodies carry arrays as JSON strings; JSON bodies may carry either. */
function jsonField(fields: Record<string, unknown>, name: string): unknown {
  const v = fields[name];
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    throw new TodoistError('INVALID_ARGUMENT_VALUE', { argument: name, expected: 'JSON' });
  }
}

export function decodeSyncRequest(fields: Record<string, unknown>): SyncRequest {
  const token = fields.sync_token;
  if (token !== undefined && token !== null && typeof token !== 'string') {
    throw new TodoistError('INVALID_ARGUMENT_VALUE', { argument: 'sync_token' });
  }
  const types = z
    .array(z.string())
    .optional()
    .safeParse(jsonField(fields, 'resource_types') ?? undefined);
  if (!types.success) {
    throw new TodoistError('INVALID_ARGUMENT_VALUE', {
      argument: 'resource_types',
      expected: 'list',
    });
  }
  const rawCommands = jsonField(fields, 'commands') ?? [];
  if (!Array.isArray(rawCommands)) {
    throw new TodoistError('INVALID_ARGUMENT_VALUE', { argument: 'commands', expected: 'list' });
  }
  // [open] spec §3 caps a request at 100 commands; more is refused whole with a 400, and
  // nothing runs (the batch is one request, so it is all or nothing at this level).
  if (rawCommands.length > MAX_COMMANDS) {
    throw new TodoistError('INVALID_ARGUMENT_VALUE', {
      argument: 'commands',
      expected: `at most ${MAX_COMMANDS} commands`,
    });
  }
  const commands = z.array(commandSchema).safeParse(rawCommands);
  if (!commands.success) {
    const at = commands.error.issues[0]?.path.slice(0, 2).join('.') ?? '';
    throw new TodoistError('INVALID_ARGUMENT_VALUE', { argument: `commands${at ? `.${at}` : ''}` });
  }
  return {
    syncToken: typeof token === 'string' && token !== '' ? token : '*',
    resources: resolveResourceTypes(types.data ?? []),
    commands: commands.data,
  };
}

/**
 * `"all"` selects everything; `"-projects"` removes one from the selection (spec §2).
 * [open] Exclusions subtract from what is otherwise selected: `["-projects"]` alone selects
 * nothing; send `["all", "-projects"]`.
 */
export function resolveResourceTypes(types: string[]): Set<ResourceKind | 'user'> {
  const out = new Set<ResourceKind | 'user'>();
  const served = (t: string): t is ResourceKind | 'user' => (SERVED as string[]).includes(t);
  for (const t of types) {
    if (t === 'all') for (const s of SERVED) out.add(s);
    else if (served(t)) out.add(t);
  }
  for (const t of types) {
    const name = t.startsWith('-') ? t.slice(1) : undefined;
    if (name !== undefined && served(name)) out.delete(name);
  }
  return out;
}
