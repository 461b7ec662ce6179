// One `tasks` row → its slim agenda row (agenda-records.ts), or none when the agenda cannot show
// it (no due moment, or a delete is queued). Pure and deterministic like projectEvent: the row
// alone decides it, so `taskDays` can be rebuilt from `tasks` at any time (the v5 upgrade does)
// and tests can assert the table equals the projection. The server's version is read through zod
// (a boundary: it is whatever Todoist sent) for the one field the agenda takes from it.
import { z } from 'zod';
import type { AgendaTaskRow } from './agenda-records';
import type { TaskRecord } from './records';

const durationSchema = z.object({
  amount: z.number().positive().finite(),
  unit: z.enum(['minute', 'day']),
});

const MS_PER_UNIT = { minute: 60_000, day: 86_400_000 } as const;

export function projectTask(task: TaskRecord): AgendaTaskRow | undefined {
  const dueDate = task.due?.date;
  if (task.deleting || task.dueMs === undefined || !dueDate) return undefined;
  const duration = durationSchema.safeParse(task.raw?.duration);
  return {
    sourceId: task.sourceId,
    id: task.id,
    localId: task.localId,
    ...(task.projectId === undefined ? {} : { projectId: task.projectId }),
    content: task.content,
    priority: task.priority,
    labels: task.labels,
    dueDate,
    dueMs: task.dueMs,
    ...(task.due?.isRecurring ? { recurring: true as const } : {}),
    ...(task.checked ? { checked: true as const } : {}),
    ...(task.pending.length > 0 ? { pending: true as const } : {}),
    ...(duration.success
      ? { durationMs: duration.data.amount * MS_PER_UNIT[duration.data.unit] }
      : {}),
    ...(task.raw ? { known: true as const } : {}),
  };
}

const FIELDS = [
  'sourceId',
  'id',
  'localId',
  'projectId',
  'content',
  'priority',
  'dueDate',
  'dueMs',
  'recurring',
  'checked',
  'pending',
  'durationMs',
  'known',
] as const satisfies readonly (keyof AgendaTaskRow)[];
// Compile-time: a field added to AgendaTaskRow but not here (or to the labels check) fails.
type Unlisted = Exclude<keyof AgendaTaskRow, (typeof FIELDS)[number] | 'labels'>;
const allListed: [Unlisted] extends [never] ? true : never = true;
void allListed;

/** Whether two projections are the same (a new description leaves the buckets untouched). */
export function sameTaskProjection(a: AgendaTaskRow, b: AgendaTaskRow): boolean {
  return (
    FIELDS.every((field) => a[field] === b[field]) &&
    a.labels.length === b.labels.length &&
    a.labels.every((label, i) => label === b.labels[i])
  );
}
