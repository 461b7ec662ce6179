import { z } from 'zod';
import { type Clock, systemClock } from './clock';

/** `POST /__emulator/push` body: a control for the NEXT `count` deliveries. */
export const pushControlSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.enum(['drop', 'duplicate', 'reorder']), count: z.int().min(1) }),
  z.strictObject({
    action: z.literal('delay'),
    count: z.int().min(1),
    delayMs: z.int().min(0).max(600_000),
  }),
]);
export type PushControl = z.infer<typeof pushControlSchema>;

export interface PushRequest {
  url: string;
  headers: Record<string, string>;
  /** Google sends an empty body; Todoist a JSON string. */
  body?: string;
}

export interface DeliveryAttempt {
  at: number;
  status?: number;
  error?: string;
}

export interface DeliveryRecord {
  id: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  enqueuedAt: number;
  attempts: DeliveryAttempt[];
  outcome: 'pending' | 'delivered' | 'failed' | 'dropped';
  /** The control that applied to this delivery, if any. */
  control?: PushControl['action'];
  /** Set on the extra copy a `duplicate` control sends. */
  duplicateOf?: string;
}

export interface PushDelivererOptions {
  fetch?: typeof fetch;
  /** Wait before each retry; its length is the retry count. Google-like backoff by default. */
  retryDelaysMs?: readonly number[];
  /** Statuses that are retried (spec §4: 500/502/503/504). Network errors are retried too. */
  retryStatuses?: readonly number[];
  /** Timestamps in the history. Waits use real timers. */
  clock?: Clock;
  /** Per attempt; a timeout counts as a network error. */
  timeoutMs?: number;
}

interface ActiveControl {
  control: PushControl;
  remaining: number;
}

/**
 * Sends webhook deliveries over real HTTP, like Google's and Todoist's senders.
 * - 2xx and 102 = delivered; a retry status or a network error = retried after each of
 *   `retryDelaysMs`, then failed; any other status = failed at once.
 * - First attempts to one URL go out in enqueue order, one at a time. Retries are out of band
 *   (a retried message can land after later ones), as with a real retrying sender.
 * - Controls queue up FIFO; each delivery consumes one unit of the oldest control:
 *   drop = never sent ('dropped'); delay = sent after delayMs, out of order with later ones;
 *   duplicate = sent twice back to back (same headers, the copy has `duplicateOf`);
 *   reorder N = the next N are held and sent in reverse order once N are held.
 *   `idle()` flushes a partial reorder hold (reversed) and ends that control.
 */
export class PushDeliverer {
  readonly #fetch: typeof fetch;
  readonly #delays: readonly number[];
  readonly #retryStatuses: ReadonlySet<number>;
  readonly #clock: Clock;
  readonly #timeoutMs: number;
  #history: DeliveryRecord[] = [];
  #controls: ActiveControl[] = [];
  #held: DeliveryRecord[] = [];
  #chains = new Map<string, Promise<void>>();
  #pending = new Set<Promise<void>>();
  #timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  #abort = new AbortController();
  #nextId = 1;

  constructor(opts: PushDelivererOptions = {}) {
    this.#fetch = opts.fetch ?? ((input, init) => fetch(input, init));
    this.#delays = opts.retryDelaysMs ?? [1000, 2000, 4000, 8000, 16000];
    this.#retryStatuses = new Set(opts.retryStatuses ?? [500, 502, 503, 504]);
    this.#clock = opts.clock ?? systemClock;
    this.#timeoutMs = opts.timeoutMs ?? 10_000;
  }

  /** Queues one delivery; returns its id. */
  enqueue(req: PushRequest): string {
    const rec = this.#record(req);
    const signal = this.#abort.signal;
    const active = this.#controls[0];
    if (active === undefined) {
      this.#schedule(rec);
      return rec.id;
    }
    active.remaining--;
    if (active.remaining === 0) this.#controls.shift();
    const { control } = active;
    rec.control = control.action;
    switch (control.action) {
      case 'drop':
        rec.outcome = 'dropped';
        break;
      case 'delay':
        this.#track(this.#sleep(control.delayMs).then(() => this.#run(rec, signal)));
        break;
      case 'duplicate': {
        this.#schedule(rec);
        const copy = this.#record({ ...req, headers: { ...req.headers } });
        copy.control = 'duplicate';
        copy.duplicateOf = rec.id;
        this.#schedule(copy);
        break;
      }
      case 'reorder':
        this.#held.push(rec);
        if (active.remaining === 0) this.#releaseHeld();
        break;
    }
    return rec.id;
  }

  control(control: PushControl): void {
    const parsed = pushControlSchema.parse(control);
    this.#controls.push({ control: parsed, remaining: parsed.count });
  }

  /** Resolves once nothing is queued, held, delayed or waiting to retry. */
  async idle(): Promise<void> {
    for (;;) {
      if (this.#held.length > 0) {
        this.#controls = this.#controls.filter(
          (c) => c.control.action !== 'reorder' || c.remaining === c.control.count,
        );
        this.#releaseHeld();
      }
      if (this.#pending.size === 0) return;
      await Promise.allSettled([...this.#pending]);
    }
  }

  history(): DeliveryRecord[] {
    return structuredClone(this.#history);
  }

  /** Forgets history and controls; in-flight deliveries are aborted and never retried. */
  reset(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    for (const [timer, wake] of this.#timers) {
      clearTimeout(timer);
      wake();
    }
    this.#timers.clear();
    this.#history = [];
    this.#controls = [];
    this.#held = [];
    this.#chains.clear();
  }

  #record(req: PushRequest): DeliveryRecord {
    const rec: DeliveryRecord = {
      id: `delivery-${this.#nextId++}`,
      url: req.url,
      headers: { ...req.headers },
      ...(req.body !== undefined ? { body: req.body } : {}),
      enqueuedAt: this.#clock.now(),
      attempts: [],
      outcome: 'pending',
    };
    this.#history.push(rec);
    return rec;
  }

  #releaseHeld(): void {
    const held = this.#held.reverse();
    this.#held = [];
    for (const rec of held) this.#schedule(rec);
  }

  /** In line behind earlier first attempts to the same URL. */
  #schedule(rec: DeliveryRecord): void {
    const before = this.#chains.get(rec.url) ?? Promise.resolve();
    let done!: () => void;
    const turn = new Promise<void>((resolve) => {
      done = resolve;
    });
    this.#chains.set(rec.url, turn);
    const signal = this.#abort.signal; // a reset() after this point cancels the delivery
    this.#track(before.then(() => this.#run(rec, signal, done)));
  }

  async #run(rec: DeliveryRecord, signal: AbortSignal, releaseLine = () => {}): Promise<void> {
    let retry: boolean;
    try {
      retry = await this.#attempt(rec, signal);
    } finally {
      releaseLine();
    }
    for (const delay of this.#delays) {
      if (!retry) return;
      await this.#sleep(delay);
      retry = await this.#attempt(rec, signal);
    }
    if (retry) rec.outcome = 'failed';
  }

  /** One POST; returns whether it should be retried. */
  async #attempt(rec: DeliveryRecord, signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return false;
    const attempt: DeliveryAttempt = { at: this.#clock.now() };
    rec.attempts.push(attempt);
    try {
      const res = await this.#fetch(rec.url, {
        method: 'POST',
        headers: rec.headers,
        body: rec.body ?? null,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.#timeoutMs)]),
      });
      await res.body?.cancel().catch(() => {});
      attempt.status = res.status;
      if ((res.status >= 200 && res.status < 300) || res.status === 102) {
        rec.outcome = 'delivered';
        return false;
      }
      if (this.#retryStatuses.has(res.status)) return true;
      rec.outcome = 'failed';
      return false;
    } catch (err) {
      attempt.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      if (signal.aborted) return false;
      return true;
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.set(timer, resolve);
    });
  }

  #track(task: Promise<void>): void {
    const p = task.catch((err: unknown) => console.error('push delivery task failed', err));
    this.#pending.add(p);
    void p.finally(() => this.#pending.delete(p));
  }
}
