import { errors } from './errors';
import { parseRfc3339 } from './time';

/**
 * Strict query-string readers shared by the list endpoints. Google rejects malformed values with
 * 400 invalidParameter rather than ignoring them, so do we.
 */
export class QueryReader {
  readonly #params: URLSearchParams;

  constructor(params: URLSearchParams) {
    this.#params = params;
  }

  has(name: string): boolean {
    return this.#params.has(name);
  }

  string(name: string): string | undefined {
    return this.#params.get(name) ?? undefined;
  }

  all(name: string): string[] {
    return this.#params.getAll(name);
  }

  bool(name: string): boolean | undefined {
    const v = this.#params.get(name);
    if (v === null) return undefined;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw errors.invalidParameter(name, v);
  }

  /** An integer >= min; values above `max` are clamped to it (spec §1: maxResults). */
  int(name: string, min: number, max: number): number | undefined {
    const v = this.#params.get(name);
    if (v === null) return undefined;
    if (!/^-?\d+$/.test(v)) throw errors.invalidParameter(name, v);
    const n = Number(v);
    if (n < min) throw errors.invalidParameter(name, v);
    return Math.min(n, max);
  }

  /** An RFC 3339 timestamp with an offset (spec §1). */
  time(name: string): number | undefined {
    const v = this.#params.get(name);
    if (v === null) return undefined;
    const ms = parseRfc3339(v);
    if (ms === undefined) throw errors.invalidParameter(name, v);
    return ms;
  }

  /** Every parameter except `pageToken`, sorted: what a page token must repeat. */
  canonical(): string {
    const pairs = [...this.#params.entries()].filter(([k]) => k !== 'pageToken');
    pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
    return pairs.map(([k, v]) => `${k}=${v}`).join('&');
  }
}
