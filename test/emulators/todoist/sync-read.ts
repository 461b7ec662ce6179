import { userJson } from './account';
import type { AnyResourceJson, ResourceKind, TaskJson } from './model';
import { RESOURCE_KINDS } from './model';
import type { UserData } from './store';

export type ReadMode = { full: true; at: number } | { full: false; since: number };

/**
 * The resource part of a sync answer (spec §2).
 * - Full: every resource as of position `at`, never a deleted one. [open] Checked (completed)
 *   tasks are left out of full syncs, as Todoist's `items` holds active tasks only; they reach a
 *   client through incremental syncs as `checked: true` with `completed_at` (spec §2 [open]).
 *   A client must therefore treat "absent from a full sync" as gone-or-done, never merge.
 * - Incremental: every resource changed after `since`, deletions as `is_deleted: true`.
 * The `user` resource comes with every full sync, and with an incremental one only when it
 * changed.
 */
export function readResources(
  user: UserData,
  kinds: Set<ResourceKind | 'user'>,
  mode: ReadMode,
): Record<string, unknown> {
  const sets = mode.full ? user.log.changedSince(0, mode.at) : user.log.changedSince(mode.since);
  const out: Record<string, unknown> = {};
  for (const kind of RESOURCE_KINDS) {
    if (!kinds.has(kind)) continue;
    const list = [...sets[kind].values()].filter((r) => !mode.full || isActive(kind, r));
    out[kind] = structuredClone(list);
  }
  if (kinds.has('user') && (mode.full || user.userSeq > mode.since)) {
    out.user = userJson(user.account, user.clock.now());
  }
  return out;
}

function isActive(kind: ResourceKind, r: AnyResourceJson): boolean {
  if (r.is_deleted) return false;
  return kind !== 'items' || !(r as TaskJson).checked;
}
