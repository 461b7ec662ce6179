// zod schemas for the Todoist API v1 answers the engine reads (todoist spec §2–§6). Objects are
// loose: unknown fields pass through, so the stored `raw` resource is complete. Only what the
// engine relies on is required; a deletion (`is_deleted: true`, spec §2) needs nothing but `id`.
import { z } from 'zod';

const id = z.string().min(1);

export const dueSchema = z.looseObject({
  date: z.string().min(1),
  timezone: z.string().nullish(),
  string: z.string().nullish(),
  lang: z.string().nullish(),
  is_recurring: z.boolean().nullish(),
});
export type TodoistDue = z.infer<typeof dueSchema>;

export const taskSchema = z
  .looseObject({
    id,
    project_id: id.optional(),
    section_id: z.string().nullish(),
    parent_id: z.string().nullish(),
    content: z.string().optional(),
    description: z.string().nullish(),
    priority: z.int().min(1).max(4).optional(),
    due: dueSchema.nullish(),
    deadline: z.looseObject({ date: z.string() }).nullish(),
    labels: z.array(z.string()).nullish(),
    child_order: z.number().nullish(),
    checked: z.boolean().optional(),
    is_deleted: z.boolean().optional(),
    updated_at: z.string().nullish(),
    completed_at: z.string().nullish(),
  })
  // spec §5: a live task has a project and content; a tombstone only promises its id.
  .refine((t) => t.is_deleted === true || (t.project_id !== undefined && t.content !== undefined), {
    message: 'a live task needs project_id and content',
  });
export type TodoistTask = z.infer<typeof taskSchema>;

export const projectSchema = z
  .looseObject({
    id,
    name: z.string().optional(),
    color: z.string().nullish(),
    parent_id: z.string().nullish(),
    child_order: z.number().nullish(),
    inbox_project: z.boolean().nullish(),
    is_archived: z.boolean().nullish(),
    is_deleted: z.boolean().optional(),
  })
  .refine((p) => p.is_deleted === true || p.name !== undefined, {
    message: 'a live project needs a name',
  });
export type TodoistProject = z.infer<typeof projectSchema>;

export const sectionSchema = z
  .looseObject({
    id,
    project_id: id.optional(),
    name: z.string().optional(),
    section_order: z.number().nullish(),
    is_archived: z.boolean().nullish(),
    is_deleted: z.boolean().optional(),
  })
  .refine((s) => s.is_deleted === true || (s.project_id !== undefined && s.name !== undefined), {
    message: 'a live section needs project_id and name',
  });
export type TodoistSection = z.infer<typeof sectionSchema>;

export const labelSchema = z
  .looseObject({
    id,
    name: z.string().optional(),
    color: z.string().nullish(),
    order: z.number().nullish(),
    is_deleted: z.boolean().optional(),
  })
  .refine((l) => l.is_deleted === true || l.name !== undefined, {
    message: 'a live label needs a name',
  });
export type TodoistLabel = z.infer<typeof labelSchema>;

export const userSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  inbox_project_id: z.string().nullish(),
  tz_info: z.looseObject({ timezone: z.string().min(1) }).nullish(),
});

/** spec §3/§6: one command's failure, the same shape as a whole-response error body. */
export const todoistErrorSchema = z.looseObject({
  error: z.string().optional(),
  error_code: z.number().optional(),
  error_tag: z.string().optional(),
  http_code: z.number().optional(),
  error_extra: z.looseObject({ retry_after: z.number().optional() }).nullish(),
});
export type TodoistErrorBody = z.infer<typeof todoistErrorSchema>;

export const commandStatusSchema = z.union([z.literal('ok'), todoistErrorSchema]);
export type CommandStatus = z.infer<typeof commandStatusSchema>;

export const syncAnswerSchema = z.looseObject({
  sync_token: z.string().min(1),
  full_sync: z.boolean(),
  full_sync_date_utc: z.string().nullish(),
  items: z.array(taskSchema).optional(),
  projects: z.array(projectSchema).optional(),
  sections: z.array(sectionSchema).optional(),
  labels: z.array(labelSchema).optional(),
  user: userSchema.optional(),
  temp_id_mapping: z.record(z.string(), z.string()).default({}),
  sync_status: z.record(z.string(), commandStatusSchema).default({}),
});
export type SyncAnswer = z.infer<typeof syncAnswerSchema>;
