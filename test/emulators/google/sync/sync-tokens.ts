import type { Clock } from '../../common/clock';
import { errors } from '../errors';
import { base64UrlEncode } from '../ids';

/**
 * Sync tokens (spec §1, §5). A token names a position (global change sequence) for one scope.
 * Tokens are opaque to clients and only valid if this registry issued them: a forged or garbled
 * token answers 410 fullSyncRequired ([open] — the stricter choice over 400). Tokens die when
 * idle longer than `idleTtlMs` or when a test expires them.
 */
export type SyncScope =
  | { kind: 'events'; calendarId: string; userId: string; singleEvents: boolean }
  | { kind: 'calendarList'; userId: string };

interface TokenEntry {
  scope: SyncScope;
  seq: number;
  issuedAt: number;
  lastUsedAt: number;
  expired: boolean;
}

export const DEFAULT_SYNC_TOKEN_IDLE_TTL_MS = 7 * 86_400_000;

function sameScope(a: SyncScope, b: SyncScope): boolean {
  if (a.kind === 'events' && b.kind === 'events') {
    // [open] A token from a singleEvents=true listing only serves singleEvents=true (the
    // expansion differs), else 410 — stricter than silently mixing shapes.
    return (
      a.calendarId === b.calendarId && a.userId === b.userId && a.singleEvents === b.singleEvents
    );
  }
  if (a.kind === 'calendarList' && b.kind === 'calendarList') return a.userId === b.userId;
  return false;
}

export class SyncTokenRegistry {
  readonly #clock: Clock;
  readonly #idleTtlMs: number;
  #entries = new Map<string, TokenEntry>();
  #serial = 0;

  constructor(clock: Clock, idleTtlMs = DEFAULT_SYNC_TOKEN_IDLE_TTL_MS) {
    this.#clock = clock;
    this.#idleTtlMs = idleTtlMs;
  }

  issue(scope: SyncScope, seq: number): string {
    const serial = ++this.#serial;
    const token = `CP${base64UrlEncode(`${scope.kind}/${serial}/${seq}`)}`;
    const now = this.#clock.now();
    this.#entries.set(token, { scope, seq, issuedAt: now, lastUsedAt: now, expired: false });
    return token;
  }

  /** The position a token names; throws 410 when it is unknown, expired or for another scope. */
  redeem(token: string, scope: SyncScope): number {
    const entry = this.#entries.get(token);
    const now = this.#clock.now();
    if (entry === undefined || entry.expired || !sameScope(entry.scope, scope))
      throw errors.fullSyncRequired();
    if (now - entry.lastUsedAt > this.#idleTtlMs) {
      entry.expired = true;
      throw errors.fullSyncRequired();
    }
    entry.lastUsedAt = now;
    return entry.seq;
  }

  /** Checks a token without touching its idle timer (used on follow-up pages). */
  isValid(token: string): boolean {
    const entry = this.#entries.get(token);
    return (
      entry !== undefined &&
      !entry.expired &&
      this.#clock.now() - entry.lastUsedAt <= this.#idleTtlMs
    );
  }

  /**
   * Expires one token, every events token of one calendar, or (no argument) every token.
   * Returns how many live tokens died.
   */
  expire(which: { calendarId?: string; token?: string } = {}): number {
    let n = 0;
    for (const [token, entry] of this.#entries) {
      if (entry.expired) continue;
      if (which.token !== undefined && token !== which.token) continue;
      if (
        which.calendarId !== undefined &&
        (entry.scope.kind !== 'events' || entry.scope.calendarId !== which.calendarId)
      ) {
        continue;
      }
      entry.expired = true;
      n++;
    }
    return n;
  }

  clear(): void {
    this.#entries.clear();
  }
}
