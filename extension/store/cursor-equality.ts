import type { CursorState } from './records';

/** Equal cursors are not rewritten: a quiet run must leave synced data untouched. */
export function sameCursor(a: CursorState | undefined, b: CursorState | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.token === b.token &&
    a.fullSyncedAt === b.fullSyncedAt &&
    a.savedAt === b.savedAt &&
    a.window?.startMs === b.window?.startMs &&
    a.window?.endMs === b.window?.endMs
  );
}
