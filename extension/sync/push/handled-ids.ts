// Records which relay events have been handled, in stream order, so a restarted client resumes
// (Last-Event-ID) after the last event whose handling FINISHED — never after one still in flight.
//
// Handlers run concurrently (a burst of notifications for one account must reach the router
// together, so its debounce can fold them into one sync), but ids are recorded as a watermark:
// an id is written only when it and every event before it have settled. A service worker stopped
// mid-handling therefore resumes at or before the first unfinished event, and the relay replays
// from there; handling an event twice costs at most one extra (idempotent) sync.
import type { LogPort } from '../ports';

/** Where the last handled event id is kept (the platform: a `meta` row), per subscriber. */
export interface RelayCursorPort {
  read(subscriberId: string): Promise<string | undefined>;
  /** Ignored when `subscriberId` is no longer the current subscriber. */
  write(subscriberId: string, lastEventId: string): Promise<void>;
}

interface Entry {
  readonly subscriberId: string;
  /** The id to record once this entry and all before it are settled (none: nothing to record). */
  readonly id: string | undefined;
  settled: boolean;
}

export interface HandledIds {
  /** Starts `work` now and records `id` once it and everything queued before it settled. A
   * failing handler is logged and counts as settled: one bad event must not stall the stream. */
  track(subscriberId: string, id: string | undefined, work: () => Promise<void>): void;
  /** Every tracked handler settled and every id written. */
  idle(): Promise<void>;
}

export function createHandledIds(cursor: RelayCursorPort, log: LogPort): HandledIds {
  const queue: Entry[] = [];
  const running = new Set<Promise<void>>();
  let writes: Promise<void> = Promise.resolve();

  function drain() {
    let last: Entry | undefined;
    while (queue[0]?.settled) {
      const entry = queue.shift() as Entry;
      if (entry.id !== undefined && entry.id !== '') last = entry;
    }
    if (!last) return;
    const { subscriberId, id } = last as Entry & { id: string };
    writes = writes
      .then(() => cursor.write(subscriberId, id))
      .catch((err: unknown) => log.warn('relay: could not record the last event id', { err }));
  }

  return {
    track(subscriberId, id, work) {
      const entry: Entry = { subscriberId, id, settled: false };
      queue.push(entry);
      const run = (async () => {
        try {
          await work();
        } catch (err) {
          log.error('relay: an event handler failed', { id, err });
        }
      })().then(() => {
        entry.settled = true;
        running.delete(run);
        drain();
      });
      running.add(run);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
      await writes;
    },
  };
}
