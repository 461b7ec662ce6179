import { describe, expect, it } from 'vitest';
import {
  AuthExpired,
  CursorExpired,
  RateLimited,
  RequestRejected,
  Transient,
} from '../../../../extension/sync/errors';
import { mapGoogleError } from '../../../../extension/sync/google/error-map';
import { FULL_SYNC_REQUIRED_BODY } from '../../../support/google-bodies';
import { googleError } from '../fake-fetch';

const withToken = new URLSearchParams('syncToken=abc');
const plain = new URLSearchParams('timeMin=x');
const map = (status: number, body: unknown, query = plain, retryAfterMs?: number) =>
  mapGoogleError({ status, body, query, retryAfterMs });

describe('Google error mapping (spec §1, §6)', () => {
  it('410 fullSyncRequired → CursorExpired with status and reason', () => {
    const err = map(410, FULL_SYNC_REQUIRED_BODY, withToken);
    expect(err).toBeInstanceOf(CursorExpired);
    expect(err.status).toBe(410);
    expect(err.reason).toBe('fullSyncRequired');
  });

  it('400 about the sync token → CursorExpired; other 400s are our bug', () => {
    const bad = googleError(400, 'invalid', 'Invalid sync token value.', 'syncToken');
    expect(map(400, bad, withToken)).toBeInstanceOf(CursorExpired);
    const restrictions = googleError(
      400,
      'invalid',
      'Sync token cannot be used with other request restrictions.',
    );
    expect(map(400, restrictions, withToken)).toBeInstanceOf(RequestRejected);
    expect(map(400, bad, plain)).toBeInstanceOf(RequestRejected);
  });

  it('401 → AuthExpired', () => {
    expect(map(401, googleError(401, 'authError', 'Invalid Credentials'))).toBeInstanceOf(
      AuthExpired,
    );
  });

  it('403 rate and quota reasons and 429 → RateLimited; other 403s are rejections', () => {
    for (const reason of ['userRateLimitExceeded', 'rateLimitExceeded', 'quotaExceeded']) {
      const err = map(403, googleError(403, reason, 'x'), plain, 1_000);
      expect(err).toBeInstanceOf(RateLimited);
      expect((err as RateLimited).retryAfterMs).toBe(1_000);
    }
    expect(map(429, undefined)).toBeInstanceOf(RateLimited);
    expect(map(403, googleError(403, 'forbidden', 'Forbidden'))).toBeInstanceOf(RequestRejected);
  });

  it('5xx → Transient, even without a body', () => {
    expect(map(500, googleError(500, 'backendError', 'Backend Error'))).toBeInstanceOf(Transient);
    expect(map(503, undefined)).toBeInstanceOf(Transient);
  });
});
