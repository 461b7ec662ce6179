import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from '../../../extension/sync/backoff';
import { parseRetryAfter } from '../../../extension/sync/retry-after';

describe('fullJitterDelay', () => {
  const policy = { baseMs: 100, capMs: 1_000 };

  it('spans [0, base·2^attempt) and is capped', () => {
    expect(fullJitterDelay(0, policy, () => 0)).toBe(0);
    expect(fullJitterDelay(0, policy, () => 0.999)).toBe(99);
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(400);
    expect(fullJitterDelay(10, policy, () => 0.5)).toBe(500);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 0, 1);

  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1_500);
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(parseRetryAfter(new Date(now - 30_000).toUTCString(), now)).toBe(0);
  });

  it('ignores absent or garbled values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
