import type { Hono } from 'hono';
import { z } from 'zod';
import type { EmulatorEnv } from '../../common/env';
import { parseBody, readBody } from '../body';
import type { TodoistDeps } from '../deps';
import { errorBody, TodoistError } from '../errors';
import { newLabel, newNote, newTask } from '../factories';
import { parseQuickAdd } from '../quick-add';

const quickAddSchema = z.object({
  text: z.string(),
  note: z.string().optional(),
  // Reminders are not a resource of this emulator; the flags are accepted and have no effect.
  reminder: z.string().optional(),
  auto_reminder: z.boolean().optional(),
  meta: z.boolean().optional(),
});

/** `POST /api/v1/tasks/quick` (spec §4): one line of quick-add text → a task object. */
export function registerQuickAdd(app: Hono<EmulatorEnv>, deps: TodoistDeps): void {
  app.post('/api/v1/tasks/quick', async (c) => {
    c.set('endpoint', 'tasks.quick');
    const user = deps.userOf(c);
    const fields = await parseBody(c, await readBody(c));
    const parsed = quickAddSchema.safeParse(fields);
    if (!parsed.success) {
      const argument = String(parsed.error.issues[0]?.path[0] ?? 'text');
      throw new TodoistError(
        fields[argument] === undefined ? 'ARGUMENT_MISSING' : 'INVALID_ARGUMENT_VALUE',
        {
          argument,
        },
      );
    }
    const a = parsed.data;
    if (a.text.trim() === '')
      throw new TodoistError('INVALID_ARGUMENT_VALUE', { argument: 'text', expected: 'minlen' });
    // [open] REST-style calls spend the partial-sync budget (spec §6 names only sync budgets).
    const verdict = deps.budgets.take(user.account.key, 'partial');
    if (!verdict.ok)
      return c.json(errorBody('LIMITS_REACHED', { retry_after: verdict.retryAfter }), 429);

    const q = parseQuickAdd(
      a.text,
      {
        projects: [...user.projects.values()],
        sections: [...user.sections.values()],
        labels: [...user.labels.values()],
        inboxId: user.account.inboxProjectId,
      },
      { now: deps.clock.now(), timeZone: user.account.timeZone },
    );
    for (const name of q.newLabels) user.commit('labels', newLabel(user, { name }), 'added');
    const task = newTask(user, {
      project_id: q.projectId,
      section_id: q.sectionId,
      content: q.content,
      description: q.description,
      priority: q.priority,
      due: q.due,
      deadline: q.deadline,
      labels: q.labels,
      child_order: user.nextChildOrder(q.projectId, null, q.sectionId),
    });
    user.commit('items', task, 'added');
    if (a.note !== undefined && a.note.trim() !== '') {
      user.commit('notes', newNote(user, { item_id: task.id, content: a.note }), 'added');
    }
    if (a.meta !== true) return c.json(task);
    // [open] The shape of `meta` is undocumented; ours names what the parser recognised.
    const project = user.projects.get(q.projectId);
    const section = q.sectionId === null ? undefined : user.sections.get(q.sectionId);
    return c.json({
      ...task,
      meta: {
        project: project ? [project.id, project.name] : null,
        section: section ? [section.id, section.name] : null,
        labels: q.labels,
        due: q.due,
        deadline: q.deadline,
      },
    });
  });
}
