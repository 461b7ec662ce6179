// The handled-events watermark: handlers run at once and concurrently, ids are recorded in stream
// order, only when an event and everything before it has settled.
import { describe, expect, it } from 'vitest';
import { silentLog } from '../../../extension/sync/ports';
import { createHandledIds, type RelayCursorPort } from '../../../extension/sync/push/handled-ids';

function gate() {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

function memoryCursor(): RelayCursorPort & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    read: async () => writes.at(-1),
    async write(_subscriber, id) {
      writes.push(id);
    },
  };
}

describe('handled ids', () => {
  it('starts every handler at once, records ids in order as a watermark', async () => {
    const cursor = memoryCursor();
    const ids = createHandledIds(cursor, silentLog);
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    gates.forEach((g, i) => {
      ids.track('sub', String(i + 1), async () => {
        started.push(i + 1);
        await g.promise;
      });
    });
    expect(started).toEqual([1, 2, 3]); // concurrent: nobody waits for the one before

    gates[2]?.open(); // 3 is done, but 1 and 2 are not: nothing may be recorded
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(cursor.writes).toEqual([]);
    gates[0]?.open();
    await new Promise((r) => setImmediate(r));
    expect(cursor.writes).toEqual(['1']);
    gates[1]?.open();
    await ids.idle();
    expect(cursor.writes).toEqual(['1', '3']); // 2 and 3 settled together: one write
  });

  it('a failing handler counts as settled; entries without an id record nothing', async () => {
    const cursor = memoryCursor();
    const ids = createHandledIds(cursor, silentLog);
    ids.track('sub', '5', async () => {
      throw new Error('boom');
    });
    ids.track('sub', undefined, async () => {});
    await ids.idle();
    expect(cursor.writes).toEqual(['5']);
  });
});
