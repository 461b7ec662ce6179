// What a task row shows = Todoist's version + this device's unconfirmed commands replayed on top,
// in outbox order ("rebase"). Recomputed whenever either side changes, in the transaction that
// changes it, so:
// - a local write shows at once (the outbox row and the re-based task row commit together);
// - applying the sync answer that contains our own command's effect changes nothing visible:
//   the server version now holds the effect and the acknowledged command leaves the replay —
//   same fields, no flicker, no double application;
// - a command Todoist refuses for good leaves the replay, and the row falls back to the truth.
// Pure: the store calls it inside its transactions.
import type { TaskDue, TaskRecord } from '../../store/records';
import type { TodoistCommand } from './commands';
import { placeDue } from './due-time';
import type { TodoistTask } from './schemas';

export interface PendingOp {
  readonly outboxId: string;
  readonly command: TodoistCommand;
}

export interface TaskViewContext {
  readonly sourceId: string;
  /** The row's stable list key (the temp id of a task created here). */
  readonly localId: string;
  readonly timeZone?: string | undefined;
  /** Where an added task without a project lands (spec §3: default Inbox). */
  readonly inboxProjectId?: string | undefined;
}

interface Draft {
  id: string;
  projectId?: string | undefined;
  sectionId?: string | undefined;
  parentId?: string | undefined;
  content: string;
  description: string;
  priority: number;
  labels: readonly string[];
  due?: TaskDue | undefined;
  deadline?: string | undefined;
  childOrder: number;
  checked: boolean;
  completedAt?: string | undefined;
  updatedAt?: string | undefined;
  deleting?: boolean;
}

export function taskView(
  server: TodoistTask | undefined,
  ops: readonly PendingOp[],
  ctx: TaskViewContext,
): TaskRecord | undefined {
  let draft = server && server.is_deleted !== true ? fromServer(server) : undefined;
  for (const op of ops) draft = applyCommand(draft, op.command, ctx);
  if (!draft) return undefined;
  return finish(
    draft,
    ops.map((op) => op.outboxId),
    ctx,
    server?.is_deleted ? undefined : server,
  );
}

function fromServer(task: TodoistTask): Draft {
  return {
    id: task.id,
    projectId: task.project_id,
    sectionId: task.section_id ?? undefined,
    parentId: task.parent_id ?? undefined,
    content: task.content ?? '',
    description: task.description ?? '',
    priority: task.priority ?? 1,
    labels: task.labels ?? [],
    due: task.due
      ? {
          date: task.due.date,
          ...(task.due.timezone ? { timezone: task.due.timezone } : {}),
          ...(task.due.string ? { string: task.due.string } : {}),
          isRecurring: task.due.is_recurring ?? false,
        }
      : undefined,
    deadline: task.deadline?.date,
    childOrder: task.child_order ?? 0,
    checked: task.checked ?? false,
    completedAt: task.completed_at ?? undefined,
    updatedAt: task.updated_at ?? undefined,
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A due argument (spec §3 item_add/item_update `due`): `null` clears it; `{date}` is exact;
 * `{string}` alone is words only Todoist can parse — shown as typed until it answers. */
function dueFromArg(arg: unknown, previous: TaskDue | undefined): TaskDue | undefined {
  if (arg === undefined) return previous;
  if (arg === null || typeof arg !== 'object') return undefined;
  const a = arg as Record<string, unknown>;
  const date = str(a.date);
  const words = str(a.string);
  const timezone = str(a.timezone);
  if (date === undefined && words === undefined) return previous;
  return {
    ...(date === undefined ? {} : { date }),
    ...(timezone === undefined ? {} : { timezone }),
    ...(words === undefined ? {} : { string: words }),
    isRecurring: false,
  };
}

function applyCommand(
  draft: Draft | undefined,
  command: TodoistCommand,
  ctx: TaskViewContext,
): Draft | undefined {
  const a = command.args;
  if (command.type === 'item_add') {
    if (draft || command.temp_id === undefined) return draft;
    const deadline = (a.deadline as { date?: unknown } | null | undefined)?.date;
    return {
      id: command.temp_id,
      projectId: str(a.project_id) ?? ctx.inboxProjectId,
      sectionId: str(a.section_id),
      parentId: str(a.parent_id),
      content: str(a.content) ?? '',
      description: str(a.description) ?? '',
      priority: typeof a.priority === 'number' ? a.priority : 1,
      labels: Array.isArray(a.labels) ? a.labels.filter((l) => typeof l === 'string') : [],
      due: dueFromArg(a.due, undefined),
      deadline: str(deadline),
      // Last among its siblings until Todoist says where it went.
      childOrder: Number.MAX_SAFE_INTEGER,
      checked: false,
    };
  }
  if (!draft) return undefined;
  switch (command.type) {
    case 'item_update': {
      const next: Draft = { ...draft };
      if (typeof a.content === 'string') next.content = a.content;
      if (typeof a.description === 'string') next.description = a.description;
      if (typeof a.priority === 'number') next.priority = a.priority;
      if (Array.isArray(a.labels)) next.labels = a.labels.filter((l) => typeof l === 'string');
      if ('due' in a) next.due = dueFromArg(a.due, draft.due);
      if ('deadline' in a) {
        next.deadline = str((a.deadline as { date?: unknown } | null | undefined)?.date);
      }
      return next;
    }
    case 'item_move': {
      if (typeof a.parent_id === 'string') return { ...draft, parentId: a.parent_id };
      if (typeof a.section_id === 'string') {
        return { ...draft, sectionId: a.section_id, parentId: undefined };
      }
      if (typeof a.project_id === 'string') {
        return { ...draft, projectId: a.project_id, sectionId: undefined, parentId: undefined };
      }
      return draft;
    }
    case 'item_close':
      // spec §3: closing a recurring task moves it to its next date — which only Todoist knows.
      return draft.due?.isRecurring ? draft : { ...draft, checked: true };
    case 'item_complete':
      return { ...draft, checked: true };
    case 'item_uncomplete':
      return { ...draft, checked: false, completedAt: undefined };
    case 'item_delete':
      return { ...draft, deleting: true };
  }
}

/** The row in one canonical key order, so equal content compares equal as JSON. */
function finish(
  d: Draft,
  pending: readonly string[],
  ctx: TaskViewContext,
  raw: TodoistTask | undefined,
): TaskRecord {
  const placed = d.due?.date === undefined ? undefined : placeDue(d.due.date, ctx.timeZone);
  return {
    sourceId: ctx.sourceId,
    id: d.id,
    localId: ctx.localId,
    ...(d.projectId === undefined ? {} : { projectId: d.projectId }),
    ...(d.sectionId === undefined ? {} : { sectionId: d.sectionId }),
    ...(d.parentId === undefined ? {} : { parentId: d.parentId }),
    content: d.content,
    description: d.description,
    priority: d.priority,
    labels: [...d.labels],
    ...(d.due === undefined ? {} : { due: canonicalDue(d.due) }),
    ...(placed === undefined ? {} : { dueMs: placed.dueMs, allDay: placed.allDay }),
    ...(d.deadline === undefined ? {} : { deadline: d.deadline }),
    childOrder: d.childOrder,
    checked: d.checked,
    ...(d.completedAt === undefined ? {} : { completedAt: d.completedAt }),
    ...(d.updatedAt === undefined ? {} : { updatedAt: d.updatedAt }),
    pending: [...pending],
    ...(d.deleting ? { deleting: true } : {}),
    ...(raw === undefined ? {} : { raw }),
  };
}

function canonicalDue(due: TaskDue): TaskDue {
  return {
    ...(due.date === undefined ? {} : { date: due.date }),
    ...(due.timezone === undefined ? {} : { timezone: due.timezone }),
    ...(due.string === undefined ? {} : { string: due.string }),
    isRecurring: due.isRecurring,
  };
}
