/**
 * Todoist writes, for the background to call (the UI asks the background through messages).
 *
 *   const todoist = { store: almanac.todoist, baseUrl };           // same options as the provider
 *   const engine = createSyncEngine({ ports, providers: createProviderRegistry([
 *     ...createGoogleProviders(ports), ...createTodoistProviders(ports, todoist)]) });
 *   const actions = createTodoistActions({ ports, engine, ...todoist });
 *
 *   actions.addTask(sourceId, { content, description?, projectId?, sectionId?, parentId?, due?,
 *                               deadline?, priority?, labels? })   → { outboxId, taskId, pushed }
 *   actions.updateTask(sourceId, taskId, patch)                      → { outboxId, taskId, pushed }
 *   actions.completeTask(sourceId, taskId)   item_close: a recurring task moves to its next date
 *   actions.uncompleteTask(sourceId, taskId) / actions.deleteTask(sourceId, taskId)
 *   actions.retry(outboxId) / actions.discard(outboxId)   for failed writes shown in the UI
 *   actions.quickAdd(sourceId, text, { note? })  → { task, link }   online (spec §4); throws typed
 *       errors (AuthExpired = sign in again; RateLimited/Transient = try later)
 *
 * Every write is validated (zod), becomes a Todoist command with a fresh uuid (and a temp id for
 * an add), and is queued in the outbox AND shown in the task rows in ONE transaction: the UI sees
 * it at once. `taskId` is the row's id (the temp id for an add; the row keeps it as `localId`
 * when Todoist's real id replaces it). Then it is pushed at once — `pushed` is that run of
 * engine.sync(todoistScope(sourceId), 'outbox'), which sends every queued command with an
 * incremental sync. Offline, 5xx, 429: the command stays queued (uuid unchanged, so Todoist never
 * runs it twice) and the scheduler retries with backoff. A command Todoist refuses (4xx-like
 * sync_status) is kept as `failed` with its error, and the task row falls back to the truth.
 * Pass `{ push: false }` to queue without pushing now (the next run takes it along).
 * Reading: store/todoist/queries.ts (`todoistTasks`, `todoistOutbox`).
 */
import { z } from 'zod';
import type { TaskRecord } from '../../store/records';
import type { RunResult, SyncEngine } from '../engine';
import { RequestRejected } from '../errors';
import type { SyncPorts } from '../ports';
import { todoistScope } from '../scope';
import type { TaskCommandType, TodoistCommand } from './commands';
import { uuidFrom } from './ids';
import { createTodoistClients, type TodoistOptions } from './providers';
import { taskWebLink } from './task-link';
import { taskView } from './task-view';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const id = z.string().min(1).max(100);
const dueInput = z.union([
  z.null(),
  z.strictObject({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z?)?$/),
    timezone: z.string().min(1).optional(),
    string: z.string().min(1).optional(),
  }),
  z.strictObject({ string: z.string().trim().min(1).max(200), lang: z.string().optional() }),
]);
const fields = {
  content: z.string().trim().min(1).max(500),
  description: z.string().max(16_384),
  due: dueInput,
  deadline: z.strictObject({ date: z.string().regex(DATE) }).nullable(),
  priority: z.int().min(1).max(4),
  labels: z.array(z.string().trim().min(1).max(100)).max(100),
};
export const newTaskSchema = z.strictObject({
  ...fields,
  description: fields.description.optional(),
  due: fields.due.optional(),
  deadline: fields.deadline.optional(),
  priority: fields.priority.optional(),
  labels: fields.labels.optional(),
  projectId: id.optional(),
  sectionId: id.optional(),
  parentId: id.optional(),
});
export type NewTask = z.input<typeof newTaskSchema>;
export const taskPatchSchema = z
  .strictObject(fields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type TaskPatch = z.input<typeof taskPatchSchema>;
const quickAddSchema = z.strictObject({
  text: z.string().trim().min(1).max(1000),
  note: z.string().max(16_384).optional(),
});

export interface WriteOptions {
  /** Default true: push now. */
  readonly push?: boolean;
}

export interface ActionResult {
  readonly outboxId: string;
  readonly taskId: string;
  /** The push run (never rejects for expected failures: see its state). */
  readonly pushed: Promise<RunResult> | undefined;
}

export interface TodoistActions {
  addTask(sourceId: string, task: NewTask, options?: WriteOptions): Promise<ActionResult>;
  updateTask(
    sourceId: string,
    taskId: string,
    patch: TaskPatch,
    options?: WriteOptions,
  ): Promise<ActionResult>;
  completeTask(sourceId: string, taskId: string, options?: WriteOptions): Promise<ActionResult>;
  uncompleteTask(sourceId: string, taskId: string, options?: WriteOptions): Promise<ActionResult>;
  deleteTask(sourceId: string, taskId: string, options?: WriteOptions): Promise<ActionResult>;
  retry(outboxId: string): Promise<boolean>;
  discard(outboxId: string): Promise<boolean>;
  quickAdd(
    sourceId: string,
    text: string,
    options?: { note?: string },
  ): Promise<{ task: TaskRecord; link: string }>;
}

export interface TodoistActionsDeps extends TodoistOptions {
  readonly ports: Pick<SyncPorts, 'fetch' | 'now' | 'sleep' | 'random' | 'tokens' | 'log'>;
  readonly engine: Pick<SyncEngine, 'sync'>;
}

export function createTodoistActions(deps: TodoistActionsDeps): TodoistActions {
  const { ports, engine, store } = deps;
  const clientFor = createTodoistClients(ports, deps);

  function push(sourceId: string, options: WriteOptions | undefined) {
    if (options?.push === false) return undefined;
    const run = engine.sync(todoistScope(sourceId), 'outbox');
    // Callers may ignore it; an unexpected failure is logged, never an unhandled rejection.
    run.catch((err: unknown) => ports.log.error('todoist push failed', { error: String(err) }));
    return run;
  }

  async function write(
    sourceId: string,
    type: TaskCommandType,
    args: Record<string, unknown>,
    options: WriteOptions | undefined,
    tempId?: string,
  ): Promise<ActionResult> {
    todoistScope(sourceId); // validates the source id
    const command: TodoistCommand = {
      type,
      uuid: uuidFrom(ports.random),
      ...(tempId === undefined ? {} : { temp_id: tempId }),
      args,
    };
    const { taskId } = await store.enqueue(sourceId, command, ports.now());
    return {
      outboxId: command.uuid,
      taskId: taskId ?? tempId ?? String(args.id),
      pushed: push(sourceId, options),
    };
  }

  const parse = <T>(schema: z.ZodType<T>, input: unknown): T => {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new RequestRejected(`invalid task: ${issue?.path.join('.')} ${issue?.message}`, {
      reason: 'invalid-input',
    });
  };
  const taskId = (value: string) => parse(id, value);

  return {
    async addTask(sourceId, task, options) {
      const t = parse(newTaskSchema, task);
      const args = {
        content: t.content,
        ...commonArgs(t),
        ...(t.projectId === undefined ? {} : { project_id: t.projectId }),
        ...(t.sectionId === undefined ? {} : { section_id: t.sectionId }),
        ...(t.parentId === undefined ? {} : { parent_id: t.parentId }),
      };
      return write(sourceId, 'item_add', args, options, uuidFrom(ports.random));
    },
    async updateTask(sourceId, id, patch, options) {
      const p = parse(taskPatchSchema, patch);
      const args = {
        id: taskId(id),
        ...(p.content === undefined ? {} : { content: p.content }),
        ...commonArgs(p),
      };
      return write(sourceId, 'item_update', args, options);
    },
    completeTask: async (sourceId, id, options) =>
      write(sourceId, 'item_close', { id: taskId(id) }, options),
    uncompleteTask: async (sourceId, id, options) =>
      write(sourceId, 'item_uncomplete', { id: taskId(id) }, options),
    deleteTask: async (sourceId, id, options) =>
      write(sourceId, 'item_delete', { id: taskId(id) }, options),
    retry: (outboxId) => store.retryCommand(outboxId, ports.now()),
    discard: (outboxId) => store.discardCommand(outboxId),
    async quickAdd(sourceId, text, options = {}) {
      const input = parse(quickAddSchema, { text, ...options });
      const task = await clientFor(sourceId).quickAdd(input);
      await store.putServerTask(sourceId, task);
      const state = await store.readState(sourceId);
      const row = taskView(task, [], {
        sourceId,
        localId: task.id,
        timeZone: state?.timeZone,
        inboxProjectId: state?.inboxProjectId,
      });
      if (!row) throw new RequestRejected('Todoist returned a deleted task', { reason: 'deleted' });
      return { task: row, link: taskWebLink(task.id) };
    },
  };
}

/** Fields item_add and item_update share, in Todoist's names (spec §3). */
function commonArgs(t: z.output<typeof taskPatchSchema>): Record<string, unknown> {
  return {
    ...(t.description === undefined ? {} : { description: t.description }),
    ...(t.due === undefined ? {} : { due: t.due }),
    ...(t.deadline === undefined ? {} : { deadline: t.deadline }),
    ...(t.priority === undefined ? {} : { priority: t.priority }),
    ...(t.labels === undefined ? {} : { labels: t.labels }),
  };
}
