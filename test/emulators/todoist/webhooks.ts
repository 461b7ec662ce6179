import type { Clock } from '../common/clock';
import { PushDeliverer, type PushDelivererOptions } from '../common/push-delivery';
import { initiatorJson } from './account';
import type { ChangeEvent } from './store';
import { isoMicros } from './time';

/** spec §7: failures are retried up to 3 times, 15 minutes apart. */
export const TODOIST_RETRY_DELAYS_MS = [15 * 60_000, 15 * 60_000, 15 * 60_000];
/** spec §7: anything but a 2xx is a failure. */
const RETRY_STATUSES = Array.from({ length: 400 }, (_, i) => 200 + i).filter((s) => s >= 300);

export interface WebhookConfig {
  url: string;
  clientSecret: string;
}

/**
 * The PushDeliverer, plus the signing step in front of it. Signing with WebCrypto is async, so
 * `idle()` first waits for every signature in flight — `await emulator.push.idle()` then
 * really means "every webhook of every change so far has been delivered or given up".
 */
export class TodoistPush extends PushDeliverer {
  #signing: Promise<void> = Promise.resolve();
  #generation = 0;

  /** Queues work that ends in `enqueue`, strictly in call order; a reset cancels it. */
  later(work: () => Promise<void>): void {
    const generation = this.#generation;
    const guarded = () => (generation === this.#generation ? work() : Promise.resolve());
    this.#signing = this.#signing.then(guarded).catch((err: unknown) => {
      console.error('todoist webhook signing failed', err);
    });
  }

  override async idle(): Promise<void> {
    await this.#signing;
    await super.idle();
  }

  override reset(): void {
    this.#generation++;
    this.#signing = Promise.resolve();
    super.reset();
  }
}

export function createTodoistPush(opts: PushDelivererOptions): TodoistPush {
  return new TodoistPush({
    retryDelaysMs: TODOIST_RETRY_DELAYS_MS,
    retryStatuses: RETRY_STATUSES,
    ...opts,
  });
}

/** base64(HMAC-SHA256(raw body, client secret)) — the `X-Todoist-Hmac-SHA256` header (spec §7). */
export async function todoistSignature(body: string, clientSecret: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(clientSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(body)));
  let bin = '';
  for (const b of mac) bin += String.fromCharCode(b);
  return btoa(bin);
}

export interface WebhookSenderDeps {
  push: TodoistPush;
  clock: Clock;
  /** spec §7: only users who authorised the app (through OAuth) get webhooks. */
  isAuthorized(userKey: string): boolean;
  deliveryId(): string;
}

/** Turns store changes into signed webhook deliveries while a webhook is registered. */
export class WebhookSender {
  #config: WebhookConfig | null = null;
  readonly #deps: WebhookSenderDeps;

  constructor(deps: WebhookSenderDeps) {
    this.#deps = deps;
  }

  get config(): WebhookConfig | null {
    return this.#config;
  }

  set(config: WebhookConfig | null): void {
    this.#config = config === null ? null : { ...config };
  }

  onChange(event: ChangeEvent): void {
    const config = this.#config;
    if (config === null || !this.#deps.isAuthorized(event.user.account.key)) return;
    const account = event.user.account;
    const body = JSON.stringify({
      event_name: event.eventName,
      user_id: account.id,
      event_data: event.data,
      ...(event.extra !== undefined && event.eventName === 'item:updated'
        ? { event_data_extra: event.extra }
        : {}),
      initiator: initiatorJson(account),
      triggered_at: isoMicros(this.#deps.clock.now()),
      version: '1',
    });
    // The delivery id is fixed now, so retries and duplicates carry the same one (spec §7).
    const deliveryId = this.#deps.deliveryId();
    this.#deps.push.later(async () => {
      const signature = await todoistSignature(body, config.clientSecret);
      this.#deps.push.enqueue({
        url: config.url,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Todoist-Webhooks',
          'x-todoist-hmac-sha256': signature,
          'x-todoist-delivery-id': deliveryId,
        },
        body,
      });
    });
  }
}
