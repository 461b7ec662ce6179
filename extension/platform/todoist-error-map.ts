// Todoist error bodies → the engine's typed errors (todoist spec §6): 401/403 AUTH_INVALID_TOKEN →
// sign in again; 429 LIMITS_REACHED with error_extra.retry_after (seconds) → rate limited; 5xx →
// transient; anything else → the request itself was refused. Keyed on status and error_tag, never
// on error_code (the spec says the numbers are not to be relied on).
import { z } from 'zod';
import {
  AuthExpired,
  RateLimited,
  RequestRejected,
  type SyncError,
  Transient,
} from '../sync/errors';
import type { ErrorContext } from '../sync/http';

const todoistErrorSchema = z.looseObject({
  error: z.string().optional(),
  error_tag: z.string().optional(),
  error_extra: z.looseObject({ retry_after: z.number().optional() }).optional(),
});

export function mapTodoistError(context: ErrorContext): SyncError {
  const { status } = context;
  const parsed = todoistErrorSchema.safeParse(context.body);
  const body = parsed.success ? parsed.data : {};
  const reason = body.error_tag;
  const message = body.error ?? `HTTP ${status}`;
  const details = { status, ...(reason === undefined ? {} : { reason }) };
  if (status === 401 || (status === 403 && reason === 'AUTH_INVALID_TOKEN')) {
    return new AuthExpired(message, details);
  }
  if (status === 429) {
    const seconds = body.error_extra?.retry_after;
    const retryAfterMs = seconds === undefined ? context.retryAfterMs : seconds * 1000;
    return new RateLimited(message, {
      ...details,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status >= 500) return new Transient(message, details);
  return new RequestRejected(message, details);
}
