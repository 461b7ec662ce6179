// Sleeps on a ManualClock that wait for the test to move time (unlike test-ports' engine sleep,
// which advances the clock at once): what the push client's backoff and the router's debounce
// need to be observed step by step. `advance` fires due timers in time order, giving each
// continuation a turn of the event loop before looking for the next timer.
import type { ManualClock } from '../emulators/common/clock';

export interface VirtualTimers {
  sleep(ms: number): Promise<void>;
  /** Timers not yet fired. */
  pending(): number;
  /** When the earliest pending timer fires. */
  nextAt(): number | undefined;
  /** The delays asked for, in order (backoff assertions). */
  readonly requested: number[];
  /** Moves the clock `ms` forward, firing every timer due on the way. */
  advance(ms: number): Promise<void>;
  /** Moves the clock to the next timer and fires it (and any due with it). */
  next(): Promise<void>;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
}

/** One turn of the event loop: promise continuations and queued I/O callbacks run. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createVirtualTimers(clock: ManualClock): VirtualTimers {
  let timers: Timer[] = [];
  let seq = 0;
  const requested: number[] = [];

  async function fireDue(): Promise<void> {
    for (;;) {
      timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const first = timers[0];
      if (!first || first.at > clock.now()) return;
      timers = timers.slice(1);
      first.resolve();
      await turn();
    }
  }

  return {
    sleep(ms) {
      requested.push(ms);
      return new Promise((resolve) => {
        timers.push({ at: clock.now() + Math.max(0, ms), seq: seq++, resolve });
      });
    },
    pending: () => timers.length,
    nextAt: () => (timers.length === 0 ? undefined : Math.min(...timers.map((t) => t.at))),
    requested,
    async advance(ms) {
      const until = clock.now() + ms;
      await turn();
      for (;;) {
        await fireDue();
        const next = timers.length === 0 ? undefined : Math.min(...timers.map((t) => t.at));
        if (next === undefined || next > until) break;
        clock.set(next);
      }
      clock.set(until);
      await fireDue();
    },
    async next() {
      await turn();
      const at = timers.length === 0 ? undefined : Math.min(...timers.map((t) => t.at));
      if (at === undefined) return;
      if (at > clock.now()) clock.set(at);
      await fireDue();
    },
  };
}
