// Google error bodies → typed errors (spec §1 410 body, §6 reasons). Mapping by status first and
// reason second, so an unknown reason still lands on the right side of retry/no-retry.
import {
  AuthExpired,
  CursorExpired,
  RateLimited,
  RequestRejected,
  type SyncError,
  Transient,
} from '../errors';
import type { ErrorContext } from '../http';
import { googleErrorSchema } from './schemas';

const RATE_REASONS = new Set(['userRateLimitExceeded', 'rateLimitExceeded', 'quotaExceeded']);

export function mapGoogleError(context: ErrorContext): SyncError {
  const { status, retryAfterMs } = context;
  const parsed = googleErrorSchema.safeParse(context.body);
  const first = parsed.success ? parsed.data.error.errors?.[0] : undefined;
  const reason = first?.reason;
  const message = (parsed.success ? parsed.data.error.message : undefined) ?? `HTTP ${status}`;
  const details = { status, ...(reason === undefined ? {} : { reason }) };

  if (status === 410) return new CursorExpired(message, details);
  if (status === 400 && context.query.has('syncToken') && isBadSyncToken(first, message)) {
    return new CursorExpired(message, details);
  }
  if (status === 401) return new AuthExpired(message, details);
  if (status === 429 || (status === 403 && reason !== undefined && RATE_REASONS.has(reason))) {
    return new RateLimited(message, { ...details, ...optionalRetryAfter(retryAfterMs) });
  }
  if (status >= 500)
    return new Transient(message, { ...details, ...optionalRetryAfter(retryAfterMs) });
  return new RequestRejected(message, details);
}

/**
 * A 400 whose subject is the sync token itself (location `syncToken`, or a message about an
 * invalid token). "Sync token cannot be used with other request restrictions" is OUR bug, not
 * an expired token, so it must not be disguised as one and trigger a silent full resync.
 */
function isBadSyncToken(
  first: { location?: string | undefined } | undefined,
  message: string,
): boolean {
  if (/other request restrictions/i.test(message)) return false;
  return first?.location === 'syncToken' || /sync ?token/i.test(message);
}

function optionalRetryAfter(ms: number | undefined): { retryAfterMs?: number } {
  return ms === undefined ? {} : { retryAfterMs: ms };
}
