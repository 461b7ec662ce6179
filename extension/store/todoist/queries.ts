// Todoist reads shared by the UI (wrapped in useLiveQuery) and the tests. Rows already hold this
// device's unconfirmed writes (task-view.ts); a task being deleted is hidden here.
import { todoistScope } from '../../sync/scope';
import { commandOf, commandTarget, OUTBOX_KIND_PREFIX } from '../../sync/todoist/commands';
import type { AlmanacDb } from '../db';
import type {
  ErrorInfo,
  LabelRecord,
  ProjectRecord,
  SectionRecord,
  TaskRecord,
  TimeWindow,
} from '../records';

export interface TaskQuery {
  readonly sourceId?: string;
  readonly projectId?: string;
  /** Completed tasks are kept; whether to list them is the UI's setting. Default false. */
  readonly includeCompleted?: boolean;
}

/** Open tasks first, then by due moment (undated last), then Todoist's order. */
export function compareTasks(a: TaskRecord, b: TaskRecord): number {
  return (
    Number(a.checked) - Number(b.checked) ||
    (a.dueMs ?? Number.POSITIVE_INFINITY) - (b.dueMs ?? Number.POSITIVE_INFINITY) ||
    a.childOrder - b.childOrder ||
    a.localId.localeCompare(b.localId)
  );
}

export async function todoistTasks(db: AlmanacDb, query: TaskQuery = {}): Promise<TaskRecord[]> {
  const rows = query.sourceId
    ? await db.tasks.where('sourceId').equals(query.sourceId).toArray()
    : await db.tasks.toArray();
  return rows
    .filter(
      (t) =>
        !t.deleting &&
        (query.includeCompleted || !t.checked) &&
        (query.projectId === undefined || t.projectId === query.projectId),
    )
    .sort(compareTasks);
}

/** Tasks due in [startMs, endMs) — the new-tab day and week views. */
export async function todoistTasksDueIn(
  db: AlmanacDb,
  window: TimeWindow,
  options: { readonly includeCompleted?: boolean } = {},
): Promise<TaskRecord[]> {
  const rows = await db.tasks.where('dueMs').between(window.startMs, window.endMs).toArray();
  return rows
    .filter((t) => !t.deleting && (options.includeCompleted || !t.checked))
    .sort(compareTasks);
}

export async function todoistProjects(db: AlmanacDb, sourceId: string): Promise<ProjectRecord[]> {
  const rows = await db.projects.where('sourceId').equals(sourceId).toArray();
  return rows.sort((a, b) => Number(b.inbox) - Number(a.inbox) || a.childOrder - b.childOrder);
}

export async function todoistSections(db: AlmanacDb, sourceId: string): Promise<SectionRecord[]> {
  const rows = await db.sections.where('sourceId').equals(sourceId).toArray();
  return rows.sort((a, b) => a.sectionOrder - b.sectionOrder);
}

export async function todoistLabels(db: AlmanacDb, sourceId: string): Promise<LabelRecord[]> {
  const rows = await db.labels.where('sourceId').equals(sourceId).toArray();
  return rows.sort((a, b) => a.order - b.order);
}

/** A queued Todoist write as the UI shows it ("3 changes waiting", "Couldn't complete…"). */
export interface OutboxItemView {
  readonly id: string;
  readonly sourceId: string;
  /** The command type: item_add, item_close, … */
  readonly type: string;
  readonly taskId?: string;
  /** What an add or rename says, for the message. */
  readonly content?: string;
  readonly status: 'pending' | 'failed';
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly createdAt?: number;
  readonly lastError?: ErrorInfo;
}

export async function todoistOutbox(db: AlmanacDb, sourceId: string): Promise<OutboxItemView[]> {
  const scope = todoistScope(sourceId).id;
  const rows = await db.outbox.where('scope').equals(scope).toArray();
  return rows
    .filter((r) => r.kind.startsWith(OUTBOX_KIND_PREFIX))
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
    .map((r) => {
      const command = commandOf(r);
      const taskId = command && commandTarget(command);
      const content = command?.args.content;
      return {
        id: r.id,
        sourceId,
        type: r.kind.slice(OUTBOX_KIND_PREFIX.length),
        ...(taskId === undefined ? {} : { taskId }),
        ...(typeof content === 'string' ? { content } : {}),
        status: r.status ?? 'pending',
        attempts: r.attempts,
        nextAttemptAt: r.nextAttemptAt,
        ...(r.createdAt === undefined ? {} : { createdAt: r.createdAt }),
        ...(r.lastError === undefined ? {} : { lastError: r.lastError }),
      };
    });
}
