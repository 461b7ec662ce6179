// What the two Google listings share (spec §1 events, §5 calendar list): how pages are followed
// and how one page becomes upserts and deletes.
import { BadResponse } from '../errors';
import type { Page } from '../provider';

interface Listing {
  readonly nextPageToken?: string | undefined;
  readonly nextSyncToken?: string | undefined;
}

/** spec §1: follow-up pages repeat the same query plus pageToken, up to the page that carries
 * the sync token. A listing longer than `maxPages` is a broken server, not followed forever. */
export async function* followPages<P extends object, L extends Listing, R>(
  list: (params: P & { pageToken?: string }) => Promise<L>,
  base: P,
  toPage: (list: L) => Page<R>,
  maxPages: number,
  what: string,
): AsyncGenerator<Page<R>> {
  let pageToken: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const answer = await list(pageToken === undefined ? base : { ...base, pageToken });
    yield toPage(answer);
    if (answer.nextSyncToken !== undefined) return;
    pageToken = answer.nextPageToken;
  }
  throw new BadResponse(`${what} exceeded ${maxPages} pages`);
}

/** One page of changes: the last action per id wins (a record upserts, null deletes). */
export function pageOf<I extends { readonly id: string }, R>(
  items: readonly I[],
  nextSyncToken: string | undefined,
  action: (item: I) => R | null,
): Page<R> {
  const actions = new Map<string, R | null>();
  for (const item of items) {
    actions.delete(item.id);
    actions.set(item.id, action(item));
  }
  const upserts: R[] = [];
  const deletes: string[] = [];
  for (const [id, record] of actions) {
    if (record) upserts.push(record);
    else deletes.push(id);
  }
  return {
    upserts,
    deletes,
    received: items.length,
    ...(nextSyncToken === undefined ? {} : { nextCursor: nextSyncToken }),
  };
}
