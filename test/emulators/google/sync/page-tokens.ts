import { z } from 'zod';
import { errors } from '../errors';
import { base64UrlDecode, base64UrlEncode, hashString } from '../ids';

/**
 * Page tokens (spec §1): they carry the query they belong to (as a hash) and the snapshot the
 * first page was cut from, so every later page is computed against the same frozen state even
 * while writes happen. A token used with a different query → 400.
 */
const positionSchema = z.strictObject({
  /** hash of the canonical query */
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
});

export type PagePosition = z.infer<typeof positionSchema>;

export function queryHash(canonical: string): number {
  return hashString(canonical) | 0;
}

export function encodePageToken(pos: PagePosition): string {
  return base64UrlEncode(JSON.stringify(pos));
}

export function decodePageToken(token: string, canonical: string): PagePosition {
  const text = base64UrlDecode(token);
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = positionSchema.safeParse(parsed);
  if (!result.success) throw errors.invalid('Invalid page token value.', 'pageToken');
  if (result.data.q !== queryHash(canonical)) {
    throw errors.invalid(
      'The page token does not belong to this query; repeat the same parameters.',
      'pageToken',
    );
  }
  return result.data;
}
