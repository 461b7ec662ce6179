import type { AnyResourceJson, ResourceKind } from './model';

/**
 * A per-user, append-only log of resource snapshots. Every change appends the resource's full
 * JSON as it is after the change; a sync token names a position (`seq`) in this log (spec §2).
 *
 * - incremental sync since S = the latest snapshot of every resource changed after S
 *   (deleted ones included, as `is_deleted: true` tombstones);
 * - full sync at P = the latest snapshot of every resource as of P, deleted ones left out.
 *
 * Keeping snapshots rather than ids lets a "delayed" full sync answer the data exactly as it
 * stood at an earlier position, which is what Todoist's delayed full syncs are.
 */
export interface ChangeEntry {
  seq: number;
  /** Clock time of the change (ms). */
  at: number;
  kind: ResourceKind;
  id: string;
  snapshot: AnyResourceJson;
}

export type ResourceSets = { [K in ResourceKind]: Map<string, AnyResourceJson> };

function emptySets(): ResourceSets {
  return {
    items: new Map(),
    projects: new Map(),
    sections: new Map(),
    labels: new Map(),
    notes: new Map(),
  };
}

export class ChangeLog {
  #entries: ChangeEntry[] = [];
  #seq = 0;

  /** The position after the last change (0 for an empty log). */
  get position(): number {
    return this.#seq;
  }

  append(kind: ResourceKind, id: string, snapshot: AnyResourceJson, at: number): number {
    this.#seq++;
    this.#entries.push({ seq: this.#seq, at, kind, id, snapshot: structuredClone(snapshot) });
    return this.#seq;
  }

  /** Latest snapshot per resource changed in (since, upTo]. Tombstones included. */
  changedSince(since: number, upTo = this.#seq): ResourceSets {
    const out = emptySets();
    for (const e of this.#entries) {
      if (e.seq <= since) continue;
      if (e.seq > upTo) break;
      out[e.kind].set(e.id, e.snapshot);
    }
    return out;
  }

  /** The last position whose change happened at or before `at` (for delayed full syncs). */
  positionAt(at: number): number {
    let pos = 0;
    for (const e of this.#entries) {
      if (e.at > at) break;
      pos = e.seq;
    }
    return pos;
  }

  /** Clock time of the change at `seq` (0 when the log is empty). */
  timeOf(seq: number): number {
    return this.#entries.find((e) => e.seq === seq)?.at ?? 0;
  }
}
