// Quick add from the context menu (and the quickAdd message): Google events.quickAdd (spec §3),
// Todoist quick add through the engine's actions (todoist spec §4: the client-side budget is spent,
// and the task is stored at once, so it shows before the next sync), and "page as task" as an
// item_add command whose uuid makes its retries safe (todoist spec §3). The result is a notification with an "Open" link,
// or a clear error. A request that fails for a passing reason (offline, 5xx, rate limit) waits in
// the outbox and is retried by the outbox alarm (outbox.ts).
import { z } from 'zod';
import type { AlmanacDb } from '../store/db';
import { AuthExpired, RequestRejected } from '../sync/errors';
import { calendarScope, todoistScope } from '../sync/scope';
import type { TodoistActions } from '../sync/todoist/actions';
import { taskWebLink } from '../sync/todoist/task-link';
import type { Endpoints } from './build-config';
import type { ProviderCalls } from './provider-calls';

export const quickAddRequestSchema = z.discriminatedUnion('target', [
  z.strictObject({
    target: z.literal('google'),
    calendarKey: z.string().min(1),
    text: z.string().trim().min(1).max(1000),
  }),
  z.strictObject({
    target: z.literal('todoist'),
    sourceId: z.string().min(1),
    text: z.string().trim().min(1).max(1000),
  }),
  z.strictObject({
    target: z.literal('todoist-page'),
    sourceId: z.string().min(1),
    title: z.string().trim().min(1).max(1000),
    url: z.string().url(),
    /** item_add's command uuid: the same on every retry, so Todoist runs it once. */
    uuid: z.string().min(1),
  }),
]);
export type QuickAddRequest = z.infer<typeof quickAddRequestSchema>;

export interface Created {
  readonly title: string;
  readonly link: string;
  /** The scope to sync so the new item shows up locally. */
  readonly scope?: string;
}

const quickAddEventSchema = z.looseObject({
  id: z.string(),
  summary: z.string().optional(),
  htmlLink: z.string().optional(),
});
const syncCommandSchema = z.looseObject({
  sync_status: z.record(z.string(), z.unknown()),
  temp_id_mapping: z.record(z.string(), z.string()).optional(),
});
const commandErrorSchema = z.looseObject({
  error: z.string().optional(),
  error_tag: z.string().optional(),
  http_code: z.number().optional(),
});

/** Where the outbox files a request (the scope it belongs to; wiped with its account). */
export function outboxScopeOf(request: QuickAddRequest, db: AlmanacDb): Promise<string> {
  if (request.target !== 'google') return Promise.resolve(todoistScope(request.sourceId).id);
  return db.calendars.get(request.calendarKey).then((row) => {
    if (!row) throw new RequestRejected('That calendar is no longer available.');
    return calendarScope(row.sourceId, row.id).id;
  });
}

export async function performQuickAdd(
  deps: {
    readonly db: AlmanacDb;
    readonly calls: ProviderCalls;
    readonly todoist: () => Pick<TodoistActions, 'quickAdd'>;
    readonly endpoints: Endpoints;
  },
  request: QuickAddRequest,
): Promise<Created> {
  const { calls, endpoints } = deps;
  if (request.target === 'google') {
    const row = await deps.db.calendars.get(request.calendarKey);
    if (!row) throw new RequestRejected('That calendar is no longer available.');
    const url = new URL(
      `${endpoints.googleApiBase}/calendar/v3/calendars/${encodeURIComponent(row.id)}/events/quickAdd`,
    );
    url.searchParams.set('text', request.text);
    const event = await calls.withSource('google', row.sourceId, {
      method: 'POST',
      url: url.toString(),
      endpoint: 'events.quickAdd',
      schema: quickAddEventSchema,
    });
    return {
      title: event.summary ?? request.text,
      link: event.htmlLink ?? 'https://calendar.google.com/calendar/r',
      scope: calendarScope(row.sourceId, row.id).id,
    };
  }
  if (request.target === 'todoist') {
    // Already stored by the action: no sync needed for it to show.
    const { task, link } = await deps.todoist().quickAdd(request.sourceId, request.text);
    return { title: task.content, link };
  }
  // Page titles are not quick-add syntax ("Meeting tomorrow p1" must not become a due date), so
  // the page is added as a plain item with the URL as its description.
  const tempId = `page-${request.uuid}`;
  const answer = await calls.withSource('todoist', request.sourceId, {
    method: 'POST',
    url: `${endpoints.todoistApiBase}/api/v1/sync`,
    endpoint: 'sync.item_add',
    body: {
      commands: [
        {
          type: 'item_add',
          uuid: request.uuid,
          temp_id: tempId,
          args: { content: request.title, description: request.url },
        },
      ],
    },
    schema: syncCommandSchema,
  });
  const status = answer.sync_status[request.uuid];
  if (status !== 'ok') {
    const error = commandErrorSchema.safeParse(status);
    const info = error.success ? error.data : {};
    const message = info.error ?? 'Todoist did not add the task.';
    const details = {
      ...(info.http_code === undefined ? {} : { status: info.http_code }),
      ...(info.error_tag === undefined ? {} : { reason: info.error_tag }),
    };
    if (info.http_code === 401 || info.http_code === 403) throw new AuthExpired(message, details);
    throw new RequestRejected(message, details);
  }
  const id = answer.temp_id_mapping?.[tempId];
  return {
    title: request.title,
    link: id ? taskWebLink(id) : 'https://app.todoist.com/app',
    // Sent outside the engine: the account's next sync brings it into the store.
    scope: todoistScope(request.sourceId).id,
  };
}
