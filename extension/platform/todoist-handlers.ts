// The Todoist write messages (messages.ts): each write is queued and shown at once by the engine's
// actions, then pushed; the answer waits for that push, so the page learns whether Todoist
// confirmed it, it is queued for a later try, or Todoist refused it (an error reply; the write
// stays listed in the popup with Retry / Discard, and the task shows Todoist's version).
import { RequestRejected } from '../sync/errors';
import type { ActionResult } from '../sync/todoist/actions';
import { scopeSourceId } from './account-wipe';
import { type Handlers, MessageFailure } from './message-router';
import type { TaskWriteReply } from './messages';
import type { Services } from './services';

type TodoistHandlers = Pick<
  Handlers,
  'completeTask' | 'addTask' | 'updateTask' | 'deleteTask' | 'retryWrite' | 'discardWrite'
>;

export function createTodoistHandlers(ready: () => Promise<Services>): TodoistHandlers {
  /** The account must exist and be a Todoist one: a clear refusal beats a store error. */
  async function todoistFor(sourceId: string) {
    const s = await ready();
    const source = await s.db.sources.get(sourceId);
    if (source?.provider !== 'todoist') {
      throw new MessageFailure('rejected', `No Todoist account ${sourceId}.`);
    }
    return s;
  }

  async function settle(s: Services, sourceId: string, result: ActionResult) {
    await result.pushed;
    const outcome = await s.todoist.stateOf(result.outboxId);
    if (outcome.state === 'failed') {
      throw new RequestRejected(`Todoist refused the change: ${outcome.error}`);
    }
    const row = await s.db.tasks
      .where('sourceId')
      .equals(sourceId)
      .filter((t) => t.localId === result.taskId || t.id === result.taskId)
      .first();
    const reply: TaskWriteReply = {
      taskId: row?.id ?? result.taskId,
      localId: row?.localId ?? result.taskId,
      outboxId: result.outboxId,
      ...outcome,
    };
    return reply;
  }

  return {
    async completeTask(m) {
      const s = await todoistFor(m.sourceId);
      const actions = s.todoist.actions();
      const result =
        m.done === false
          ? await actions.uncompleteTask(m.sourceId, m.taskId)
          : await actions.completeTask(m.sourceId, m.taskId);
      return settle(s, m.sourceId, result);
    },
    async addTask(m) {
      const s = await todoistFor(m.sourceId);
      return settle(s, m.sourceId, await s.todoist.actions().addTask(m.sourceId, m.task));
    },
    async updateTask(m) {
      const s = await todoistFor(m.sourceId);
      const result = await s.todoist.actions().updateTask(m.sourceId, m.taskId, m.patch);
      return settle(s, m.sourceId, result);
    },
    async deleteTask(m) {
      const s = await todoistFor(m.sourceId);
      return settle(s, m.sourceId, await s.todoist.actions().deleteTask(m.sourceId, m.taskId));
    },
    async retryWrite(m) {
      const s = await ready();
      const row = await s.db.outbox.get(m.outboxId);
      if (!row || !(await s.todoist.actions().retry(m.outboxId))) {
        throw new MessageFailure('rejected', 'That change is no longer waiting.');
      }
      const sourceId = scopeSourceId(row.scope);
      if (sourceId) await s.todoist.push(sourceId);
      const outcome = await s.todoist.stateOf(m.outboxId);
      if (outcome.state === 'failed') {
        throw new RequestRejected(`Todoist refused the change again: ${outcome.error}`);
      }
      return outcome;
    },
    async discardWrite(m) {
      const s = await ready();
      if (!(await s.todoist.actions().discard(m.outboxId))) {
        throw new MessageFailure('rejected', 'That change is no longer waiting.');
      }
      return null;
    },
  };
}
