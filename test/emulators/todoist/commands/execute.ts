import { z } from 'zod';
import { TodoistError, type TodoistErrorBody } from '../errors';
import type { UserData } from '../store';
import {
  projectAdd,
  projectDelete,
  projectUpdate,
  sectionAdd,
  sectionDelete,
  sectionUpdate,
} from './containers';
import type { CommandContext, Executor } from './context';
import {
  itemAdd,
  itemClose,
  itemComplete,
  itemDelete,
  itemMove,
  itemUncomplete,
  itemUpdate,
} from './items';
import {
  labelAdd,
  labelDelete,
  labelUpdate,
  noteAdd,
  noteDelete,
  noteUpdate,
} from './labels-notes';

/** spec §3: at most 100 commands per request. */
export const MAX_COMMANDS = 100;

export const commandSchema = z.object({
  type: z.string().min(1),
  uuid: z.string().min(1),
  temp_id: z.string().min(1).optional(),
  args: z.record(z.string(), z.unknown()).default({}),
});

export type Command = z.infer<typeof commandSchema>;

const EXECUTORS: Record<string, Executor> = {
  item_add: itemAdd,
  item_update: itemUpdate,
  item_move: itemMove,
  item_delete: itemDelete,
  item_complete: itemComplete,
  item_uncomplete: itemUncomplete,
  item_close: itemClose,
  project_add: projectAdd,
  project_update: projectUpdate,
  project_delete: projectDelete,
  section_add: sectionAdd,
  section_update: sectionUpdate,
  section_delete: sectionDelete,
  label_add: labelAdd,
  label_update: labelUpdate,
  label_delete: labelDelete,
  note_add: noteAdd,
  note_update: noteUpdate,
  note_delete: noteDelete,
};

export interface BatchResult {
  syncStatus: Record<string, 'ok' | TodoistErrorBody>;
  tempIdMapping: Record<string, string>;
}

/**
 * Runs commands in order (spec §3). Each answers `ok` or its own error; one failure does not
 * stop the rest. A uuid this user already executed successfully is not run again: it answers
 * `ok` and re-announces its temp id mapping, which is what makes retries safe.
 * [open] A uuid whose command FAILED is not remembered (a failed command changed nothing), so
 * retrying it runs it again.
 */
export function executeBatch(user: UserData, commands: Command[]): BatchResult {
  const ctx: CommandContext = { user, tempIds: new Map(), failedTempIds: new Set() };
  // Keyed by client strings: prototype-less, so a uuid or temp id `__proto__` is just a key.
  const out: BatchResult = { syncStatus: Object.create(null), tempIdMapping: Object.create(null) };
  for (const cmd of commands) {
    const done = user.executed.get(cmd.uuid);
    if (done !== undefined) {
      out.syncStatus[cmd.uuid] = 'ok';
      if (done.tempId !== undefined && done.realId !== undefined) {
        ctx.tempIds.set(done.tempId, done.realId);
        out.tempIdMapping[done.tempId] = done.realId;
      }
      continue;
    }
    try {
      // An own-property lookup: `constructor`, `toString` or `__proto__` are not commands.
      const run = Object.hasOwn(EXECUTORS, cmd.type) ? EXECUTORS[cmd.type] : undefined;
      if (run === undefined) throw new TodoistError('UNKNOWN_COMMAND', { command: cmd.type });
      const realId = run(cmd.args, ctx);
      const record = cmd.temp_id !== undefined && realId !== undefined;
      user.executed.set(cmd.uuid, record ? { tempId: cmd.temp_id, realId } : {});
      if (record) {
        ctx.tempIds.set(cmd.temp_id!, realId!);
        out.tempIdMapping[cmd.temp_id!] = realId!;
      }
      out.syncStatus[cmd.uuid] = 'ok';
    } catch (err) {
      if (!(err instanceof TodoistError)) throw err;
      if (cmd.temp_id !== undefined) ctx.failedTempIds.add(cmd.temp_id);
      out.syncStatus[cmd.uuid] = err.toBody();
    }
  }
  return out;
}
