// Dispatches validated runtime messages to their handlers and turns every failure into a typed
// error reply. The listener answers through sendResponse and returns true (the portable way to
// answer asynchronously), so one bad message never leaves a page waiting.
import { AuthExpired, RateLimited, RequestRejected, SyncError, Transient } from '../sync/errors';
import type { SendResponse } from './browser-api';
import { SignInCancelled, SignInFailed } from './google-sign-in';
import type { ErrorCode, Message, MessageType, Reply, ReplyData } from './messages';
import { parseMessage } from './messages';
import { GrantRejected } from './oauth-token-client';

export type Handlers = {
  [K in MessageType]: (message: Extract<Message, { type: K }>) => Promise<ReplyData[K]>;
};

/** A handler's refusal with a chosen code (e.g. not-implemented). */
export class MessageFailure extends Error {
  override readonly name = 'MessageFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorCodeOf(err: unknown): ErrorCode {
  if (err instanceof MessageFailure) return err.code;
  if (err instanceof SignInCancelled) return 'cancelled';
  if (err instanceof AuthExpired) return 'needs-sign-in';
  if (err instanceof Transient || err instanceof RateLimited) return 'unavailable';
  if (err instanceof RequestRejected || err instanceof GrantRejected || err instanceof SignInFailed)
    return 'rejected';
  return 'internal';
}

export function createMessageRouter(handlers: Handlers): (raw: unknown) => Promise<Reply> {
  return async (raw) => {
    const parsed = parseMessage(raw);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const message = parsed.message;
    try {
      const handler = handlers[message.type] as (m: Message) => Promise<unknown>;
      return { ok: true, data: await handler(message) };
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      // A refusal's text is already meant for people ("Todoist did not accept that token."); the
      // other sync failures carry the engine's ("network error on sync"), for the page to word.
      const sync =
        err instanceof SyncError && !(err instanceof RequestRejected)
          ? { kind: err.name, ...(err.status === undefined ? {} : { status: err.status }) }
          : {};
      return { ok: false, error: { code: errorCodeOf(err), message: text, ...sync } };
    }
  };
}

/** The chrome.runtime.onMessage listener: only messages from this extension's own pages. */
export function createMessageListener(
  route: (raw: unknown) => Promise<Reply>,
  extensionId: () => string,
) {
  return (message: unknown, sender: unknown, sendResponse: SendResponse): true => {
    const from = (sender as { id?: unknown } | undefined)?.id;
    if (from !== undefined && from !== extensionId()) {
      sendResponse({ ok: false, error: { code: 'bad-message', message: 'Unknown sender.' } });
      return true;
    }
    void route(message).then(sendResponse);
    return true;
  };
}
