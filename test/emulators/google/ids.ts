/**
 * Deterministic randomness: event ids, channel resource ids and push message-number gaps all come
 * from one seeded PRNG, so a seeded emulator produces the same ids on every run (no Math.random).
 */
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/** spec §2: client-supplied ids are base32hex (`a-v`, `0-9`), 5–1024 characters. */
export const EVENT_ID_PATTERN = /^[a-v0-9]{5,1024}$/;

/** mulberry32: small, fast, good enough for test data. */
export class Prng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** `length` base32hex characters: the shape of Google-generated event ids. */
  base32hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += BASE32HEX[this.int(32)];
    return out;
  }

  /** Url-safe opaque text (resource ids). */
  token(length: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}

export function hashString(text: string): number {
  // FNV-1a, 32 bit.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * spec §2: etags look like `"2989542859180000"` (a quoted run of digits) and change on every
 * modification. Microseconds of the clock, bumped so that two writes in the same millisecond (a
 * frozen ManualClock) still differ — never equal, always rising.
 */
export class EtagSource {
  #last = 0;

  next(nowMs: number): string {
    this.#last = Math.max(this.#last + 1, nowMs * 1000);
    return `"${this.#last}"`;
  }
}

export function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlDecode(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
