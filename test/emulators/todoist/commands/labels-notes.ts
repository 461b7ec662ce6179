import { z } from 'zod';
import { invalid } from '../errors';
import { newLabel, newNote } from '../factories';
import type { LabelJson } from '../model';
import type { UserData } from '../store';
import { type CommandContext, type Executor, idArg, lookup, parseArgs } from './context';

/** Personal labels and task comments ("notes"); tasks refer to labels by NAME (spec §5). */

export function findLabel(user: UserData, name: string): LabelJson | undefined {
  const want = name.toLowerCase();
  return [...user.labels.values()].find((l) => !l.is_deleted && l.name.toLowerCase() === want);
}

function labelName(user: UserData, name: string, self?: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw invalid('name', 'minlen');
  const clash = findLabel(user, trimmed);
  if (clash !== undefined && clash.id !== self) throw invalid('name', 'unique');
  return trimmed;
}

const labelFields = {
  color: z.string().optional(),
  order: z.int().optional(),
  is_favorite: z.boolean().optional(),
};

export const labelAdd: Executor = (args, ctx) => {
  const a = parseArgs(z.object({ name: z.string(), ...labelFields }), args);
  const label = newLabel(ctx.user, { ...a, name: labelName(ctx.user, a.name) });
  ctx.user.commit('labels', label, 'added');
  return label.id;
};

/** label_update: a rename is carried to every task that wears the label, as Todoist does. */
export const labelUpdate: Executor = (args, ctx) => {
  const a = parseArgs(z.object({ id: idArg, name: z.string().optional(), ...labelFields }), args);
  const label = lookup(ctx, 'labels', a.id);
  const name = a.name === undefined ? label.name : labelName(ctx.user, a.name, label.id);
  if (name !== label.name) relabel(ctx, label.name, name);
  const { id: _id, ...fields } = a;
  ctx.user.commit('labels', { ...label, ...fields, name }, 'updated');
  return undefined;
};

/** label_delete: `cascade: 'all'` (the default here) also strips the label from tasks. */
export const labelDelete: Executor = (args, ctx) => {
  const a = parseArgs(z.object({ id: idArg, cascade: z.enum(['none', 'all']).optional() }), args);
  const label = lookup(ctx, 'labels', a.id);
  if ((a.cascade ?? 'all') === 'all') relabel(ctx, label.name, null);
  ctx.user.commit('labels', { ...label, is_deleted: true }, 'deleted');
  return undefined;
};

function relabel(ctx: CommandContext, from: string, to: string | null): void {
  for (const t of ctx.user.items.values()) {
    if (t.is_deleted || !t.labels.includes(from)) continue;
    const labels = t.labels.flatMap((l) => (l === from ? (to === null ? [] : [to]) : [l]));
    ctx.user.commit('items', { ...t, labels }, 'updated', {
      old_item: structuredClone(t),
      update_intent: 'item_updated',
    });
  }
}

export const noteAdd: Executor = (args, ctx) => {
  const a = parseArgs(z.object({ item_id: idArg, content: z.string() }), args);
  const task = lookup(ctx, 'items', a.item_id);
  if (a.content.trim() === '') throw invalid('content', 'minlen');
  const note = newNote(ctx.user, { item_id: task.id, content: a.content });
  ctx.user.commit('notes', note, 'added');
  return note.id;
};

export const noteUpdate: Executor = (args, ctx) => {
  const a = parseArgs(z.object({ id: idArg, content: z.string() }), args);
  const note = lookup(ctx, 'notes', a.id);
  if (a.content.trim() === '') throw invalid('content', 'minlen');
  ctx.user.commit('notes', { ...note, content: a.content }, 'updated');
  return undefined;
};

export const noteDelete: Executor = (args, ctx) => {
  const a = parseArgs(z.object({ id: idArg }), args);
  const note = lookup(ctx, 'notes', a.id);
  ctx.user.commit('notes', { ...note, is_deleted: true }, 'deleted');
  return undefined;
};
