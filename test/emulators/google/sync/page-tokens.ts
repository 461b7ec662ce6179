import { z } from 'zod';
import { errors } from '../errors';
import { base64UrlDecode, base64UrlEncode, hashString } from '../ids';

/**
 * Page tokens (spec §1): they carry the query they belong to (as a hash) and the snapshot the
 * first page was cut from, so every later page is computed against the same frozen state even
 * while writes happen. A token used with a different query → 400.
 *
 * The query hash also binds the token to the collection and the user it was issued for (a page
 * token of another calendar, series or user → 400), and a checksum over the whole position
 * makes a hand-made or edited token (a future snapshot, another sync position) a 400 too:
 * Google's page tokens are opaque, and a client must never be able to steer one.
 */
const positionSchema = z.strictObject({
  /** hash of the binding + canonical query */
  q: z.int(),
  /** snapshot sequence */
  s: z.int().min(0),
  /** offset into the snapshot's result list */
  o: z.int().min(0),
  /** expansion horizon (ms) fixed at the first page */
  h: z.number(),
  /** for incremental listings: the sequence of the sync token */
  t: z.int().min(0).optional(),
  /** set when the previous page was deliberately empty (shortPages), so this one is not */
  z: z.literal(1).optional(),
  /** checksum of the fields above */
  m: z.int(),
});

export type PagePosition = Omit<z.infer<typeof positionSchema>, 'm'>;

const MAC_KEY = 'almanac google emulator page token';

function mac(p: PagePosition): number {
  return hashString(`${MAC_KEY}|${p.q}|${p.s}|${p.o}|${p.h}|${p.t ?? ''}|${p.z ?? ''}`) | 0;
}

/**
 * The `q` of a page token: `binding` names the collection and viewer (e.g.
 * `events.list|<calendarId>|<userId>`), `canonical` the query parameters except pageToken.
 */
export function pageQuery(binding: string, canonical: string): number {
  return hashString(`${binding}\n${canonical}`) | 0;
}

export function encodePageToken(pos: PagePosition): string {
  const { q, s, o, h, t, z: empty } = pos;
  const clean: PagePosition = {
    q,
    s,
    o,
    h,
    ...(t === undefined ? {} : { t }),
    ...(empty === undefined ? {} : { z: empty }),
  };
  return base64UrlEncode(JSON.stringify({ ...clean, m: mac(clean) }));
}

/**
 * Decodes a page token for the query `q`. `latestSeq` is the emulator's current sequence: no
 * genuine token names a snapshot after it.
 */
export function decodePageToken(token: string, q: number, latestSeq: number): PagePosition {
  const text = base64UrlDecode(token);
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = positionSchema.safeParse(parsed);
  const invalid = () => errors.invalid('Invalid page token value.', 'pageToken');
  if (!result.success) throw invalid();
  const { m, ...pos } = result.data;
  if (m !== mac(pos) || pos.s > latestSeq || (pos.t !== undefined && pos.t > pos.s)) {
    throw invalid();
  }
  if (pos.q !== q) {
    throw errors.invalid(
      'The page token does not belong to this query; repeat the same parameters.',
      'pageToken',
    );
  }
  return pos;
}
