import { describe, expect, it } from 'vitest';
import { reduceTodoistWebhook, todoistWebhookSchema } from '../../../relay/todoist-webhook';

describe('reducing a Todoist webhook', () => {
  it('keeps ids, event, versions and the delivery id; drops everything else', () => {
    const body = todoistWebhookSchema.parse({
      event_name: 'note:added',
      user_id: 2671355,
      event_data: { id: 2992679862, item_id: 'x', content: 'private', updated_at: null },
      initiator: { email: 'a@b.c' },
      triggered_at: '2026-05-01T10:00:00Z',
      version: '10',
    });
    expect(reduceTodoistWebhook(body, 'd-1', 5)).toEqual({
      provider: 'todoist',
      userId: '2671355',
      event: 'note:added',
      objectId: '2992679862',
      deliveryId: 'd-1',
      triggeredAt: '2026-05-01T10:00:00Z',
      receivedAt: 5,
    });
  });

  it('leaves out fields it cannot read instead of refusing the delivery', () => {
    const body = todoistWebhookSchema.parse({
      event_name: 'project:deleted',
      user_id: '9',
      event_data: { id: { nested: true }, updated_at: 12 },
    });
    expect(reduceTodoistWebhook(body, 'd-2', 1)).toEqual({
      provider: 'todoist',
      userId: '9',
      event: 'project:deleted',
      deliveryId: 'd-2',
      receivedAt: 1,
    });
  });

  it('refuses bodies without an event name, a user id or event data', () => {
    for (const bad of [
      {},
      { event_name: 'item:added', event_data: {} },
      { user_id: '1', event_data: {} },
      { event_name: 'Item Added', user_id: '1', event_data: {} },
      { event_name: 'item:added', user_id: '1' },
    ]) {
      expect(todoistWebhookSchema.safeParse(bad).success).toBe(false);
    }
  });
});
