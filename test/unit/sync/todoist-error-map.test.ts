import { describe, expect, it } from 'vitest';
import { mapTodoistError } from '../../../extension/sync/todoist/error-map';

const ctx = (status: number, body: unknown, retryAfterMs?: number) => ({
  status,
  body,
  retryAfterMs,
  query: new URLSearchParams(),
});
const tagged = (tag: string, http: number, extra: Record<string, unknown> = {}) => ({
  error: 'x',
  error_code: 1,
  error_extra: extra,
  error_tag: tag,
  http_code: http,
});

describe('todoist error map (spec §6)', () => {
  it('401 and 403 AUTH_INVALID_TOKEN are AuthExpired; another 403 is a refusal', () => {
    expect(mapTodoistError(ctx(401, tagged('AUTH_INVALID_TOKEN', 401)))).toMatchObject({
      name: 'AuthExpired',
      status: 401,
      reason: 'AUTH_INVALID_TOKEN',
    });
    expect(mapTodoistError(ctx(403, tagged('AUTH_INVALID_TOKEN', 403))).name).toBe('AuthExpired');
    expect(mapTodoistError(ctx(403, tagged('FORBIDDEN', 403))).name).toBe('RequestRejected');
  });

  it('429 honours error_extra.retry_after in seconds, else the header', () => {
    const body = tagged('LIMITS_REACHED', 429, { retry_after: 66 });
    expect(mapTodoistError(ctx(429, body, 5_000))).toMatchObject({
      name: 'RateLimited',
      retryAfterMs: 66_000,
      retryable: true,
    });
    expect(mapTodoistError(ctx(429, undefined, 5_000))).toMatchObject({ retryAfterMs: 5_000 });
  });

  it('5xx is transient; other 4xx are refusals; an unreadable body still maps by status', () => {
    expect(mapTodoistError(ctx(503, 'oops')).name).toBe('Transient');
    expect(mapTodoistError(ctx(400, tagged('INVALID_ARGUMENT_VALUE', 400)))).toMatchObject({
      name: 'RequestRejected',
      retryable: false,
      reason: 'INVALID_ARGUMENT_VALUE',
    });
  });
});
