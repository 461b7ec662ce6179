// The sync window (seeds: windowed full sync; spec §1 timeMin/timeMax semantics).
//
// RULE for incremental changes (a sync token is not windowed, so it reports changes anywhere in
// time): the store holds exactly the calendar's events that overlap the window of the last FULL
// sync (kept with the cursor). An incremental upsert that overlaps that window is stored; one that
// does not — including an event that moved out of it — is deleted. The window only moves at the
// next full sync (the weekly safety reconcile), which re-lists the new window and drops what fell
// out; so the store is always "truth ∩ covered window", and convergence is checkable.
import type { TimeWindow } from '../../store/records';

const DAY_MS = 86_400_000;

export interface WindowOptions {
  readonly backDays: number;
  readonly aheadDays: number;
}

export const DEFAULT_WINDOW: WindowOptions = { backDays: 30, aheadDays: 365 };

/** Whole seconds, so the RFC 3339 strings sent as timeMin/timeMax are exact. */
export function computeWindow(nowMs: number, options: WindowOptions = DEFAULT_WINDOW): TimeWindow {
  return {
    startMs: Math.floor((nowMs - options.backDays * DAY_MS) / 1000) * 1000,
    endMs: Math.ceil((nowMs + options.aheadDays * DAY_MS) / 1000) * 1000,
  };
}

/** spec §1: timeMin bounds the event's END (exclusive), timeMax bounds its START (exclusive). */
export function overlapsWindow(startMs: number, endMs: number, window: TimeWindow): boolean {
  return endMs > window.startMs && startMs < window.endMs;
}

export function toRfc3339(ms: number): string {
  return new Date(ms).toISOString();
}
