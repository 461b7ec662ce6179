// The push stream's state as the popup and options page show it ("Live", "Relay unreachable ·
// retrying in 40 s", "Polling"). A zod schema because it crosses the runtime-message boundary
// (platform/messages.ts getStatus).
import { z } from 'zod';

export const relayStatusSchema = z.strictObject({
  /** off: no relay configured (or stopped) · connecting: a request is open but no `ready` yet ·
   * live: the stream is open and the relay said `ready` · retrying: waiting to reconnect. */
  state: z.enum(['off', 'connecting', 'live', 'retrying']),
  /** When this state began (epoch ms). */
  since: z.number(),
  /** Why the last attempt failed (kept while connecting again, cleared once live). */
  lastError: z.string().optional(),
  /** retrying: when the next attempt starts (epoch ms). */
  nextRetryAt: z.number().optional(),
  /** live: which synced scopes (calendars, Todoist accounts) the stream covers. `polled` names
   * the ones it does not — a calendar Google would not watch, one whose channel is still being
   * made, a Todoist account connected with a pasted token — which keep their regular poll. */
  coverage: z
    .strictObject({ pushed: z.number().int().nonnegative(), polled: z.array(z.string()) })
    .optional(),
});
export type RelayStatus = z.infer<typeof relayStatusSchema>;

export const RELAY_OFF: RelayStatus = { state: 'off', since: 0 };
