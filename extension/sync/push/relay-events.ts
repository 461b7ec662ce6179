// One event of the relay's stream (shared/relay-protocol.ts SSE_EVENTS), validated and handed on:
// `ready` makes the connection live, a `notification` goes to its handler (its id recorded once
// handled), `reset` asks for a resync. Anything malformed or unknown is logged and skipped — one
// bad event never ends the stream or loses the ones after it.
import {
  type RelayNotification,
  readyEventSchema,
  relayNotificationSchema,
  resetEventSchema,
  SSE_EVENTS,
} from '../../../shared/relay-protocol';
import type { LogPort } from '../ports';
import type { HandledIds } from './handled-ids';
import type { SseEvent } from './sse-parser';

export interface RelayHandlers {
  /** Resolves once the notification is handled (the sync it caused has finished, or it was
   * ignored); only then is its id recorded. */
  notification(notification: RelayNotification): Promise<void>;
  /** Notifications may have been lost — the relay's log no longer reaches our Last-Event-ID
   * (`reset`), or we had to start over with a new subscriber: sync every scope once. */
  resync(reason: 'reset' | 'new-subscriber'): Promise<void>;
}

export interface EventContext {
  readonly subscriberId: string;
  readonly handled: HandledIds;
  readonly handlers: RelayHandlers;
  readonly log: LogPort;
  /** A valid `ready` arrived: the connection is live. */
  live(): void;
  /** The id of the event just dispatched (where an in-process reconnect resumes). */
  dispatched(id: string): void;
}

/** Handles one event; true when it was a valid `ready` (the connection is healthy). */
export function dispatchRelayEvent(event: SseEvent, ctx: EventContext): boolean {
  const json = parseJson(event.data);
  const { subscriberId, handled, handlers } = ctx;
  switch (event.type) {
    case SSE_EVENTS.ready: {
      if (!readyEventSchema.safeParse(json).success) return skip(event, ctx, 'a malformed ready');
      ctx.live();
      return true;
    }
    case SSE_EVENTS.notification: {
      const id = event.lastEventId;
      const parsed = relayNotificationSchema.safeParse(json);
      if (id !== '') ctx.dispatched(id);
      if (!parsed.success) {
        skip(event, ctx, 'a notification we do not understand');
        // Its id still counts as handled (in order): replaying it would only fail again.
        handled.track(subscriberId, id, async () => {});
        return false;
      }
      handled.track(subscriberId, id, () => handlers.notification(parsed.data));
      return false;
    }
    case SSE_EVENTS.reset: {
      const parsed = resetEventSchema.safeParse(json);
      if (!parsed.success) return skip(event, ctx, 'a malformed reset');
      ctx.log.info('relay: reset, syncing every scope once', { reason: parsed.data.reason });
      const id = parsed.data.latestId;
      if (id !== '') ctx.dispatched(id);
      handled.track(subscriberId, id, () => handlers.resync('reset'));
      return false;
    }
    default:
      return skip(event, ctx, 'an unknown event type');
  }
}

function skip(event: SseEvent, ctx: EventContext, what: string): false {
  ctx.log.warn(`relay: skipped ${what}`, {
    type: event.type,
    id: event.lastEventId,
    data: event.data.slice(0, 200),
  });
  return false;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
