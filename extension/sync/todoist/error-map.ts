// Todoist error bodies → typed errors (todoist spec §6). Keyed on the HTTP status and `error_tag`,
// never on `error_code` (the numbers are not to be relied on):
// - 401, or 403 with AUTH_INVALID_TOKEN → AuthExpired (the same "needs sign-in" path as Google);
// - 429 LIMITS_REACHED → RateLimited, `error_extra.retry_after` in SECONDS (a Retry-After header,
//   if one ever comes, is the fallback);
// - 5xx → Transient; any other 4xx → RequestRejected.
import { AuthExpired, RateLimited, RequestRejected, type SyncError, Transient } from '../errors';
import type { ErrorContext } from '../http';
import { todoistErrorSchema } from './schemas';

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
  if (status >= 500) {
    return new Transient(message, {
      ...details,
      ...(context.retryAfterMs === undefined ? {} : { retryAfterMs: context.retryAfterMs }),
    });
  }
  return new RequestRejected(message, details);
}
