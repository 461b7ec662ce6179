// A thin typed client for the two Todoist API v1 calls the engine makes (todoist spec §2–§4):
// `POST /api/v1/sync` (commands + reads in one request) and `POST /api/v1/tasks/quick`. Every call
// goes through the shared http layer (typed errors, zod, in-run retries with the SAME body — the
// command uuids make that safe) and spends the client-side budget before each attempt.
import { createAuthorized } from '../authorized';
import type { Http, RequestMeter } from '../http';
import type { TokenPort } from '../ports';
import type { BudgetGate, BudgetKind } from './budget';
import type { TodoistCommand } from './commands';
import { type SyncAnswer, syncAnswerSchema, type TodoistTask, taskSchema } from './schemas';

export const TODOIST_BASE_URL = 'https://api.todoist.com';

/** spec §2: what the engine reads; `user` for the time zone floating due dates use. */
export const RESOURCE_TYPES = ['items', 'projects', 'sections', 'labels', 'user'] as const;

export interface SyncRequest {
  /** `*` = full sync. */
  readonly syncToken: string;
  readonly commands: readonly TodoistCommand[];
}

export interface QuickAddInput {
  readonly text: string;
  readonly note?: string;
}

export interface TodoistClient {
  sync(request: SyncRequest, meter?: RequestMeter): Promise<SyncAnswer>;
  quickAdd(input: QuickAddInput, meter?: RequestMeter): Promise<TodoistTask>;
}

export interface TodoistClientOptions {
  readonly http: Http;
  readonly tokens: TokenPort;
  readonly sourceId: string;
  readonly budget: BudgetGate;
  readonly now: () => number;
  readonly baseUrl?: string;
}

export function createTodoistClient(options: TodoistClientOptions): TodoistClient {
  const { sourceId, budget } = options;
  const base = (options.baseUrl ?? TODOIST_BASE_URL).replace(/\/+$/, '');
  // spec §6: a 401/403 AUTH_INVALID_TOKEN drops the token and asks again — but resends only if
  // that yields a DIFFERENT token (a personal Todoist token never renews itself; sending the
  // same one twice would only spend budget).
  const authorized = createAuthorized({
    http: options.http,
    tokens: options.tokens,
    sourceId,
    noTokenMessage: 'no Todoist token: sign-in required',
    resendOnlyNewToken: true,
  });

  return {
    async sync(request, meter) {
      const kind: BudgetKind = request.syncToken === '*' ? 'full' : 'partial';
      let sentAt = options.now();
      const answer = await authorized({
        method: 'POST',
        url: new URL(`${base}/api/v1/sync`),
        endpoint: 'todoist.sync',
        body: {
          sync_token: request.syncToken,
          resource_types: RESOURCE_TYPES,
          // spec §3: sent only when there are some (a read-only sync carries none).
          ...(request.commands.length > 0 ? { commands: request.commands } : {}),
        },
        schema: syncAnswerSchema,
        gate: async () => {
          sentAt = options.now();
          await budget.take(sourceId, kind);
        },
        ...(meter ? { meter } : {}),
      });
      // spec §2/§6: a full answer to a partial request is charged as a full sync.
      if (kind === 'partial' && answer.full_sync) await budget.chargedAsFull(sourceId, sentAt);
      return answer;
    },
    quickAdd(input, meter) {
      return authorized({
        method: 'POST',
        url: new URL(`${base}/api/v1/tasks/quick`),
        endpoint: 'todoist.tasks.quick',
        body: { text: input.text, ...(input.note === undefined ? {} : { note: input.note }) },
        schema: taskSchema,
        // [open] quick add is not a sync; the emulator (stricter) charges the partial budget.
        gate: () => budget.take(sourceId, 'partial'),
        ...(meter ? { meter } : {}),
      });
    },
  };
}
