/**
 * A value with its full history, keyed by the emulator's global change sequence. Keeping every
 * version is what lets a paginated listing answer later pages "as of" the snapshot of its first
 * page (spec §1: follow-up pages repeat the same query) while writes keep happening.
 */
export interface Version<T> {
  seq: number;
  value: T;
}

export class Versioned<T> {
  readonly #versions: Version<T>[] = [];

  constructor(seq: number, value: T) {
    this.#versions.push({ seq, value });
  }

  get latest(): T {
    return this.#versions[this.#versions.length - 1]!.value;
  }

  get latestSeq(): number {
    return this.#versions[this.#versions.length - 1]!.seq;
  }

  get firstSeq(): number {
    return this.#versions[0]!.seq;
  }

  /** The value as of snapshot `seq`, or undefined when it did not exist yet. */
  at(seq: number): T | undefined {
    for (let i = this.#versions.length - 1; i >= 0; i--) {
      const v = this.#versions[i]!;
      if (v.seq <= seq) return v.value;
    }
    return undefined;
  }

  /** Appends a version; a second write in the same commit replaces the first. */
  push(seq: number, value: T): void {
    const last = this.#versions[this.#versions.length - 1]!;
    if (seq < last.seq) throw new Error(`Versioned.push: seq ${seq} < ${last.seq}`);
    if (seq === last.seq) last.value = value;
    else this.#versions.push({ seq, value });
  }

  /** True when some version was written in (from, to]. */
  changedIn(from: number, to: number): boolean {
    return this.#versions.some((v) => v.seq > from && v.seq <= to);
  }
}
