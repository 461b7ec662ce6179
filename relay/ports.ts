// What the relay's HTTP core (app.ts) needs from its runtime. The Worker implements these with
// Durable Object stubs (durable-ports.ts); Node code (bench, e2e, unit tests) uses the in-memory
// implementation (memory-ports.ts). Nothing here may import `cloudflare:*`.
import type { RelayNotification } from '../shared/relay-protocol';

/** How one subscriber's hub answered an append. */
export type AppendResult =
  | { status: 'appended'; seq: number }
  /** The delivery key is already in the log (a provider redelivery): nothing was added. */
  | { status: 'duplicate' }
  /** No such subscriber (never created, or deleted). */
  | { status: 'unknown' };

export type AuthResult = 'ok' | 'forbidden' | 'unknown';
export type LinkResult = 'ok' | 'limit' | 'unknown';

/** One subscriber: its secret hash, its notification log, its open streams, its Todoist links. */
export interface HubPort {
  /** Creates the subscriber; 'exists' if the id is taken (128 random bits: never, in practice). */
  create(secretHash: string): Promise<'created' | 'exists'>;
  /** Compares the SHA-256 of a presented secret with the stored one. */
  authorize(secretHash: string): Promise<AuthResult>;
  /** Logs a notification under a dedupe key and fans it out to every open stream. */
  append(deliveryKey: string, notification: RelayNotification): Promise<AppendResult>;
  /**
   * An SSE byte stream: `ready`, then what the client missed after `lastEventId` (or `reset`),
   * then live notifications and pings. null = unknown subscriber.
   */
  open(lastEventId: string | null): Promise<ReadableStream<Uint8Array> | null>;
  /** Records a Todoist user id on the subscriber's side of the link (so delete can undo it). */
  linkTodoist(userId: string): Promise<LinkResult>;
  unlinkTodoist(userId: string): Promise<'ok' | 'unknown'>;
  /** Closes every stream and forgets everything; returns the Todoist user ids it was linked to. */
  destroy(): Promise<string[] | null>;
}

/** Todoist user id → the subscribers that asked for that user's webhooks. */
export interface TodoistDirectoryPort {
  link(userId: string, subscriberId: string): Promise<'ok' | 'limit'>;
  unlink(userId: string, subscriberId: string): Promise<void>;
  subscribers(userId: string): Promise<string[]>;
}

export interface RelaySecrets {
  /** The Todoist app's client_secret: webhook bodies are signed with it (todoist spec §7). */
  readonly todoistClientSecret: string;
  /** Still accepted for webhooks while a rotated-out client secret's retries drain. */
  readonly previousTodoistClientSecret?: string;
  /** Signs Google channel tokens (channel-token.ts). */
  readonly signingKey: string;
  /** Still accepted for tokens of channels created before a key rotation (≤ 7 days). */
  readonly previousSigningKey?: string;
}

export interface RelayPorts {
  hub(subscriberId: string): HubPort;
  readonly todoistDirectory: TodoistDirectoryPort;
  /**
   * The secrets, or a message naming what is missing: a relay deployed without its secrets
   * answers 503 on the routes that need them instead of failing obscurely.
   */
  readonly secrets: RelaySecrets | { readonly missing: string };
  /** ms since the epoch; stamps `receivedAt`. */
  now(): number;
  /** Fills `bytes` with cryptographically strong randomness (ids and secrets). */
  randomBytes(bytes: Uint8Array<ArrayBuffer>): void;
}

/** A subscriber may follow this many Todoist users (one per connected account, with headroom). */
export const MAX_TODOIST_LINKS_PER_SUBSCRIBER = 8;
/** A Todoist user may be followed by this many subscribers (browsers/profiles); bounds fan-out. */
export const MAX_SUBSCRIBERS_PER_TODOIST_USER = 16;
/** Open streams per subscriber; the oldest is closed beyond it (a dead one not yet noticed). */
export const MAX_STREAMS_PER_SUBSCRIBER = 8;
