import { describe, expect, it } from 'vitest';
import type { TodoistCommand } from '../../../extension/sync/todoist/commands';
import { type TodoistTask, taskSchema } from '../../../extension/sync/todoist/schemas';
import { type PendingOp, taskView } from '../../../extension/sync/todoist/task-view';

const ctx = { sourceId: 's', localId: 'T1', timeZone: 'America/New_York', inboxProjectId: 'INBOX' };
const server = (fields: Partial<TodoistTask> = {}): TodoistTask =>
  taskSchema.parse({
    id: 'T1',
    project_id: 'P',
    content: 'Write report',
    priority: 1,
    labels: [],
    checked: false,
    child_order: 3,
    updated_at: '2025-01-06T10:00:00.000000Z',
    ...fields,
  });
const op = (
  n: number,
  type: TodoistCommand['type'],
  args: Record<string, unknown>,
  tempId?: string,
): PendingOp => ({
  outboxId: `o${n}`,
  command: { type, uuid: `o${n}`, args, ...(tempId ? { temp_id: tempId } : {}) },
});

describe('task view = server version + pending commands (rebase)', () => {
  it('places due dates on the epoch axis in the user zone', () => {
    const allDay = taskView(server({ due: { date: '2025-01-07', is_recurring: false } }), [], ctx);
    expect(allDay).toMatchObject({ dueMs: Date.parse('2025-01-07T05:00:00Z'), allDay: true });
    const floating = taskView(server({ due: { date: '2025-01-07T09:30:00' } }), [], ctx);
    expect(floating).toMatchObject({ dueMs: Date.parse('2025-01-07T14:30:00Z'), allDay: false });
    const fixed = taskView(
      server({ due: { date: '2025-01-07T09:30:00Z', timezone: 'Europe/Berlin' } }),
      [],
      ctx,
    );
    expect(fixed?.dueMs).toBe(Date.parse('2025-01-07T09:30:00Z'));
  });

  it('replays pending commands in order over the server version', () => {
    const view = taskView(
      server(),
      [
        op(1, 'item_update', { id: 'T1', content: 'Draft', priority: 4 }),
        op(2, 'item_update', { id: 'T1', content: 'Final', due: { date: '2025-01-09' } }),
        op(3, 'item_close', { id: 'T1' }),
      ],
      ctx,
    );
    expect(view).toMatchObject({
      content: 'Final',
      priority: 4,
      checked: true,
      due: { date: '2025-01-09', isRecurring: false },
      pending: ['o1', 'o2', 'o3'],
    });
    expect(view?.raw).toMatchObject({ content: 'Write report' });
  });

  it('the answer holding our effect, with the command acknowledged, looks the same', () => {
    const optimistic = taskView(server(), [op(1, 'item_close', { id: 'T1' })], ctx);
    const confirmed = taskView(server({ checked: true }), [], ctx);
    const visible = (r: typeof optimistic) => ({
      ...r,
      pending: [],
      raw: undefined,
      completedAt: undefined,
    });
    expect(visible(confirmed)).toEqual(visible(optimistic));
  });

  it('closing a recurring task waits for Todoist to move it; completing checks it', () => {
    const recurring = server({
      due: { date: '2025-01-07', string: 'every day', is_recurring: true },
    });
    expect(taskView(recurring, [op(1, 'item_close', { id: 'T1' })], ctx)?.checked).toBe(false);
    expect(taskView(recurring, [op(1, 'item_complete', { id: 'T1' })], ctx)?.checked).toBe(true);
  });

  it('an add draft lands in the Inbox; a delete hides; a tombstone with nothing pending is gone', () => {
    const draft = taskView(
      undefined,
      [op(1, 'item_add', { content: 'New', due: { string: 'tomorrow' } }, 'tmp')],
      { ...ctx, localId: 'tmp' },
    );
    expect(draft).toMatchObject({
      id: 'tmp',
      projectId: 'INBOX',
      content: 'New',
      due: { string: 'tomorrow' },
    });
    expect(draft?.dueMs).toBeUndefined();
    expect(draft?.raw).toBeUndefined();
    expect(taskView(server(), [op(1, 'item_delete', { id: 'T1' })], ctx)?.deleting).toBe(true);
    expect(taskView(server({ is_deleted: true }), [], ctx)).toBeUndefined();
    expect(taskView(undefined, [op(1, 'item_close', { id: 'T1' })], ctx)).toBeUndefined();
  });

  it('uncomplete reopens; move changes the placement', () => {
    const done = server({ checked: true, completed_at: '2025-01-06T10:00:00.000000Z' });
    const reopened = taskView(done, [op(1, 'item_uncomplete', { id: 'T1' })], ctx);
    expect(reopened).toMatchObject({ checked: false });
    expect(reopened?.completedAt).toBeUndefined();
    const moved = taskView(
      server({ section_id: 'S' }),
      [op(1, 'item_move', { id: 'T1', project_id: 'Q' })],
      ctx,
    );
    expect(moved).toMatchObject({ projectId: 'Q' });
    expect(moved?.sectionId).toBeUndefined();
  });
});
