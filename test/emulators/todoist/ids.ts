/**
 * Deterministic opaque ids. Todoist v1 ids are opaque strings (spec §1) such as
 * `6X7rM8997g3RQmvh`; clients must not parse them. A seeded generator keeps demo data and test
 * runs reproducible while still looking like the real thing (never numeric, never sortable).
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export class IdGenerator {
  #state: number;

  constructor(seed = 0x7d0157) {
    this.#state = seed >>> 0;
  }

  /** mulberry32: tiny, fast and good enough for ids that only need to be distinct. */
  #next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A 16-character id starting with `6`, like current Todoist ids. */
  id(): string {
    return `6${this.chars(15)}`;
  }

  /** An opaque string of `length` characters from [0-9A-Za-z]. */
  chars(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(this.#next() * ALPHABET.length)];
    return out;
  }

  /** An RFC 4122-shaped v4 uuid (for webhook delivery ids). */
  uuid(): string {
    const hex = () => Math.floor(this.#next() * 16).toString(16);
    const block = (n: number) => Array.from({ length: n }, hex).join('');
    const variant = ((Math.floor(this.#next() * 4) + 8) as number).toString(16);
    return `${block(8)}-${block(4)}-4${block(3)}-${variant}${block(3)}-${block(12)}`;
  }
}
