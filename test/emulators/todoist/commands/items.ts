import { z } from 'zod';
import { advanceRecurring, deadlineFromArgs, dueFromArgs } from '../due';
import { invalid } from '../errors';
import { newTask } from '../factories';
import type { TaskJson } from '../model';
import { isoMicros } from '../time';
import {
  type CommandContext,
  dueContext,
  type Executor,
  idArg,
  lookup,
  parseArgs,
} from './context';

/** Task commands (spec §3). */

const durationArg = z
  .object({ amount: z.int().positive(), unit: z.enum(['minute', 'day']) })
  .nullable();

const editable = z.object({
  content: z.string(),
  description: z.string(),
  due: z.unknown(),
  deadline: z.unknown(),
  priority: z.int().min(1).max(4),
  labels: z.array(z.string().min(1)),
  duration: durationArg,
  child_order: z.int(),
  day_order: z.int(),
  is_collapsed: z.boolean(),
  responsible_uid: z.string().nullable(),
});

/** Clients send `null` for "no section/parent"; it means the same as leaving it out. */
const placeArg = idArg.nullish().transform((v) => v ?? undefined);

const addSchema = editable.partial().extend({
  content: z.string(),
  project_id: placeArg,
  section_id: placeArg,
  parent_id: placeArg,
});

const updateSchema = editable.partial().extend({ id: idArg });

const idOnly = z.object({ id: idArg });

/** Where a task lives: project, section, parent — derived from the most specific one given. */
function placement(
  ctx: CommandContext,
  a: { project_id?: string; section_id?: string; parent_id?: string },
): Pick<TaskJson, 'project_id' | 'section_id' | 'parent_id'> {
  if (a.parent_id !== undefined) {
    const parent = lookup(ctx, 'items', a.parent_id);
    return { project_id: parent.project_id, section_id: parent.section_id, parent_id: parent.id };
  }
  if (a.section_id !== undefined) {
    const section = lookup(ctx, 'sections', a.section_id);
    if (
      a.project_id !== undefined &&
      lookup(ctx, 'projects', a.project_id).id !== section.project_id
    ) {
      throw invalid('section_id', 'section of project_id');
    }
    return { project_id: section.project_id, section_id: section.id, parent_id: null };
  }
  const project =
    a.project_id !== undefined ? lookup(ctx, 'projects', a.project_id) : ctx.user.inbox();
  return { project_id: project.id, section_id: null, parent_id: null };
}

function nonEmpty(content: string): string {
  if (content.trim() === '') throw invalid('content', 'minlen');
  return content;
}

export const itemAdd: Executor = (args, ctx) => {
  const a = parseArgs(addSchema, args);
  const where = placement(ctx, a);
  const user = ctx.user;
  const task = newTask(user, {
    ...where,
    content: nonEmpty(a.content),
    description: a.description ?? '',
    priority: a.priority ?? 1,
    due: a.due === undefined ? null : dueFromArgs(a.due, dueContext(ctx)),
    deadline: a.deadline === undefined ? null : deadlineFromArgs(a.deadline),
    duration: a.duration ?? null,
    labels: a.labels ?? [],
    child_order:
      a.child_order ?? user.nextChildOrder(where.project_id, where.parent_id, where.section_id),
    day_order: a.day_order ?? -1,
    is_collapsed: a.is_collapsed ?? false,
    responsible_uid: a.responsible_uid ?? null,
  });
  user.commit('items', task, 'added');
  return task.id;
};

/** item_update: edits fields; never moves or completes (spec §3). */
export const itemUpdate: Executor = (args, ctx) => {
  const a = parseArgs(updateSchema, args);
  const task = lookup(ctx, 'items', a.id);
  const old = structuredClone(task);
  const next: TaskJson = { ...task };
  if (a.content !== undefined) next.content = nonEmpty(a.content);
  if (a.description !== undefined) next.description = a.description;
  if ('due' in a && a.due !== undefined) next.due = dueFromArgs(a.due, dueContext(ctx));
  if ('deadline' in a && a.deadline !== undefined) next.deadline = deadlineFromArgs(a.deadline);
  if (a.priority !== undefined) next.priority = a.priority;
  if (a.labels !== undefined) next.labels = a.labels;
  if (a.duration !== undefined) next.duration = a.duration;
  if (a.child_order !== undefined) next.child_order = a.child_order;
  if (a.day_order !== undefined) next.day_order = a.day_order;
  if (a.is_collapsed !== undefined) next.is_collapsed = a.is_collapsed;
  if (a.responsible_uid !== undefined) next.responsible_uid = a.responsible_uid;
  ctx.user.commit('items', next, 'updated', { old_item: old, update_intent: 'item_updated' });
  return undefined;
};

/** item_move: exactly one of parent_id | section_id | project_id; subtasks travel along. */
export const itemMove: Executor = (args, ctx) => {
  const a = parseArgs(
    z.object({ id: idArg, parent_id: placeArg, section_id: placeArg, project_id: placeArg }),
    args,
  );
  const targets = [a.parent_id, a.section_id, a.project_id].filter((t) => t !== undefined);
  if (targets.length !== 1) throw invalid('parent_id|section_id|project_id', 'exactly one');
  const task = lookup(ctx, 'items', a.id);
  const where = placement(ctx, a);
  const subtree = ctx.user.subtree(task.id);
  if (where.parent_id !== null && subtree.some((t) => t.id === where.parent_id)) {
    throw invalid('parent_id', 'not a descendant');
  }
  const order = ctx.user.nextChildOrder(where.project_id, where.parent_id, where.section_id);
  for (const t of subtree) {
    const moved: TaskJson =
      t.id === task.id
        ? { ...t, ...where, child_order: order }
        : { ...t, project_id: where.project_id, section_id: where.section_id };
    ctx.user.commit('items', moved, 'updated', {
      old_item: structuredClone(t),
      update_intent: 'item_updated',
    });
  }
  return undefined;
};

/** item_delete: the task, its subtasks and their comments become tombstones. */
export const itemDelete: Executor = (args, ctx) => {
  const a = parseArgs(idOnly, args);
  deleteTasks(ctx, lookup(ctx, 'items', a.id).id);
  return undefined;
};

export function deleteTasks(ctx: CommandContext, rootId: string): void {
  for (const t of ctx.user.subtree(rootId)) {
    if (t.is_deleted) continue;
    for (const n of ctx.user.notes.values()) {
      if (n.item_id === t.id && !n.is_deleted)
        ctx.user.commit('notes', { ...n, is_deleted: true }, 'deleted');
    }
    ctx.user.commit('items', { ...t, is_deleted: true }, 'deleted');
  }
}

/**
 * item_complete: checks the task and its subtasks. A recurring task is completed for good
 * here — only item_close advances it (that is the difference between the two commands).
 */
export const itemComplete: Executor = (args, ctx) => {
  const a = parseArgs(idOnly.extend({ completed_at: z.string().optional() }), args);
  complete(ctx, lookup(ctx, 'items', a.id));
  return undefined;
};

function complete(ctx: CommandContext, task: TaskJson): void {
  const at = isoMicros(ctx.user.clock.now());
  for (const t of ctx.user.subtree(task.id)) {
    if (t.checked || t.is_deleted) continue;
    ctx.user.commit('items', { ...t, checked: true, completed_at: at }, 'completed');
  }
}

/** item_uncomplete: unchecks the task, and any checked ancestors so it is reachable again. */
export const itemUncomplete: Executor = (args, ctx) => {
  const a = parseArgs(idOnly, args);
  let task: TaskJson | undefined = lookup(ctx, 'items', a.id);
  while (task !== undefined) {
    if (task.checked) {
      ctx.user.commit('items', { ...task, checked: false, completed_at: null }, 'uncompleted');
    }
    task = task.parent_id === null ? undefined : ctx.user.live('items', task.parent_id);
  }
  return undefined;
};

/** item_close: what the apps do on "done" — a recurring task moves to its next date (spec §3). */
export const itemClose: Executor = (args, ctx) => {
  const a = parseArgs(idOnly, args);
  const task = lookup(ctx, 'items', a.id);
  const next =
    task.due === null || task.checked ? null : advanceRecurring(task.due, dueContext(ctx));
  if (next === null) {
    complete(ctx, task);
    return undefined;
  }
  ctx.user.commit('items', { ...task, due: next }, 'updated', {
    old_item: structuredClone(task),
    update_intent: 'item_completed',
  });
  return undefined;
};
