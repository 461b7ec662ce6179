export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(cap, base·2^attempt)). Spreads
 * retries of many clients instead of synchronizing them. attempt 0 is the first retry.
 */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number) {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
