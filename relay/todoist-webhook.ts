// A Todoist webhook body (todoist spec §7: `{event_name, user_id, event_data, initiator,
// triggered_at, version}`) and its reduction to a TodoistNotification: ids, the event name and
// versions only. Task content, names, notes and the initiator never leave this function.
import { z } from 'zod';
import { type TodoistNotification, todoistNotificationSchema } from '../shared/relay-protocol';

/** Todoist v1 ids are strings; older payloads used numbers. Either becomes a string. */
const idLike = z.union([z.string().min(1).max(64), z.int().nonnegative()]).transform(String);

export const todoistWebhookSchema = z.object({
  event_name: z.string().regex(/^[a-z_]+:[a-z_]+$/, 'an event name like "item:updated"'),
  user_id: idLike,
  // Only the fields the notification carries; each one we cannot read is left out rather than
  // rejecting the delivery — the client then simply syncs.
  event_data: z.object({
    id: idLike.optional().catch(undefined),
    updated_at: z.string().max(64).nullish().catch(undefined),
  }),
  triggered_at: z.string().max(64).optional().catch(undefined),
});
export type TodoistWebhook = z.infer<typeof todoistWebhookSchema>;

export function reduceTodoistWebhook(
  body: TodoistWebhook,
  deliveryId: string,
  receivedAt: number,
): TodoistNotification {
  const data = body.event_data;
  return todoistNotificationSchema.parse({
    provider: 'todoist',
    userId: body.user_id,
    event: body.event_name,
    ...(data.id === undefined ? {} : { objectId: data.id }),
    ...(typeof data.updated_at === 'string' ? { updatedAt: data.updated_at } : {}),
    deliveryId,
    ...(body.triggered_at === undefined ? {} : { triggeredAt: body.triggered_at }),
    receivedAt,
  });
}
