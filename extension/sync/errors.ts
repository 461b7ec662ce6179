// Expected failures are normal paths (DESIGN §2): every one is a typed error that carries the HTTP
// status and the provider's reason string, so the engine can choose wipe / re-auth / back off.
import type { ErrorInfo } from '../store/records';

export interface SyncErrorDetails {
  readonly status?: number;
  readonly reason?: string;
  readonly cause?: unknown;
}

export abstract class SyncError extends Error {
  readonly status: number | undefined;
  readonly reason: string | undefined;
  /** Worth retrying later with the cursor kept (rate limits, 5xx, network). */
  abstract readonly retryable: boolean;

  constructor(message: string, details: SyncErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.reason = details.reason;
  }
}

/** The sync token is unusable (Google 410 fullSyncRequired, 400 invalid token): wipe, full sync. */
export class CursorExpired extends SyncError {
  override readonly name = 'CursorExpired';
  readonly retryable = false;
}

/** 401 or no token available: drop the cached token, retry once, else "needs sign-in". */
export class AuthExpired extends SyncError {
  override readonly name = 'AuthExpired';
  readonly retryable = false;
}

/** The retryable failures; `retryAfterMs` comes from Retry-After when the server sent it. */
abstract class RetryLater extends SyncError {
  readonly retryable = true;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: SyncErrorDetails & { retryAfterMs?: number } = {}) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** 429 / 403 rate or quota reasons. */
export class RateLimited extends RetryLater {
  override readonly name = 'RateLimited';
}

/** 5xx, a dropped connection, an unreadable body: keep the cursor, try again later. */
export class Transient extends RetryLater {
  override readonly name = 'Transient';
}

/** The response did not match its schema (or the listing broke its own rules): record it and
 * never let it touch the store. */
export class BadResponse extends SyncError {
  override readonly name = 'BadResponse';
  readonly retryable = false;
}

/** Any other 4xx: the request itself was refused (a bug, or access removed). Not retried in-run;
 * the scheduler backs off like any failure. */
export class RequestRejected extends SyncError {
  override readonly name = 'RequestRejected';
  readonly retryable = false;
}

export function retryAfterOf(err: unknown): number | undefined {
  return err instanceof RetryLater ? err.retryAfterMs : undefined;
}

/** Flattens any thrown value for the `runs` / scope-state rows. */
export function toErrorInfo(err: unknown, at: number): ErrorInfo {
  if (err instanceof SyncError) {
    const retryAfterMs = retryAfterOf(err);
    return {
      name: err.name,
      message: err.message,
      at,
      ...(err.status === undefined ? {} : { status: err.status }),
      ...(err.reason === undefined ? {} : { reason: err.reason }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  if (err instanceof Error) return { name: err.name, message: err.message, at };
  return { name: 'Error', message: String(err), at };
}
