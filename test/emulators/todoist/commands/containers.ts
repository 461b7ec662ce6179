import { z } from 'zod';
import { invalid, TodoistError } from '../errors';
import { newProject, newSection } from '../factories';
import type { ProjectJson } from '../model';
import { type CommandContext, type Executor, idArg, lookup, parseArgs } from './context';
import { deleteTasks } from './items';

/** Project and section commands (spec §3). */

const projectFields = {
  name: z.string(),
  color: z.string(),
  description: z.string(),
  view_style: z.enum(['list', 'board', 'calendar']),
  is_favorite: z.boolean(),
  is_collapsed: z.boolean(),
  child_order: z.int(),
};

function named(name: string): string {
  if (name.trim() === '') throw invalid('name', 'minlen');
  return name;
}

export const projectAdd: Executor = (args, ctx) => {
  const a = parseArgs(
    z
      .object({ ...projectFields, parent_id: idArg.optional() })
      .partial()
      .required({ name: true }),
    args,
  );
  const parent = a.parent_id === undefined ? null : lookup(ctx, 'projects', a.parent_id).id;
  const { parent_id: _ignored, ...fields } = a;
  const project = newProject(ctx.user, { ...fields, name: named(a.name), parent_id: parent });
  ctx.user.commit('projects', project, 'added');
  return project.id;
};

export const projectUpdate: Executor = (args, ctx) => {
  const a = parseArgs(
    z
      .object({ id: idArg, ...projectFields })
      .partial()
      .required({ id: true }),
    args,
  );
  const project = lookup(ctx, 'projects', a.id);
  if (project.inbox_project && a.name !== undefined && a.name !== project.name) {
    throw new TodoistError('INBOX_PROJECT_IMMUTABLE', { argument: 'name' });
  }
  const { id: _id, ...fields } = a;
  const next: ProjectJson = { ...project, ...fields };
  if (a.name !== undefined) next.name = named(a.name);
  ctx.user.commit('projects', next, 'updated');
  return undefined;
};

/** project_delete: the project, its sub-projects, their sections and tasks all go. */
export const projectDelete: Executor = (args, ctx) => {
  const a = parseArgs(z.object({ id: idArg }), args);
  const project = lookup(ctx, 'projects', a.id);
  if (project.inbox_project) throw new TodoistError('INBOX_PROJECT_IMMUTABLE', { id: a.id });
  deleteProject(ctx, project);
  return undefined;
};

function deleteProject(ctx: CommandContext, project: ProjectJson): void {
  const user = ctx.user;
  for (const child of user.projects.values()) {
    if (child.parent_id === project.id && !child.is_deleted) deleteProject(ctx, child);
  }
  for (const t of user.items.values()) {
    if (t.project_id === project.id && t.parent_id === null && !t.is_deleted)
      deleteTasks(ctx, t.id);
  }
  for (const s of user.sections.values()) {
    if (s.project_id === project.id && !s.is_deleted) {
      user.commit('sections', { ...s, is_deleted: true }, 'deleted');
    }
  }
  user.commit('projects', { ...project, is_deleted: true }, 'deleted');
}

export const sectionAdd: Executor = (args, ctx) => {
  const a = parseArgs(
    z.object({ name: z.string(), project_id: idArg, section_order: z.int().optional() }),
    args,
  );
  const project = lookup(ctx, 'projects', a.project_id);
  const section = newSection(ctx.user, {
    name: named(a.name),
    project_id: project.id,
    ...(a.section_order !== undefined ? { section_order: a.section_order } : {}),
  });
  ctx.user.commit('sections', section, 'added');
  return section.id;
};

export const sectionUpdate: Executor = (args, ctx) => {
  const a = parseArgs(
    z.object({ id: idArg, name: z.string().optional(), is_collapsed: z.boolean().optional() }),
    args,
  );
  const section = lookup(ctx, 'sections', a.id);
  ctx.user.commit(
    'sections',
    {
      ...section,
      ...(a.name !== undefined ? { name: named(a.name) } : {}),
      ...(a.is_collapsed !== undefined ? { is_collapsed: a.is_collapsed } : {}),
    },
    'updated',
  );
  return undefined;
};

/** section_delete: the section and every task in it. */
export const sectionDelete: Executor = (args, ctx) => {
  const a = parseArgs(z.object({ id: idArg }), args);
  const section = lookup(ctx, 'sections', a.id);
  for (const t of ctx.user.items.values()) {
    if (t.section_id === section.id && t.parent_id === null && !t.is_deleted)
      deleteTasks(ctx, t.id);
  }
  ctx.user.commit('sections', { ...section, is_deleted: true }, 'deleted');
  return undefined;
};
