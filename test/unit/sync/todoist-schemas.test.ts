import { describe, expect, it } from 'vitest';
import { syncAnswerSchema, taskSchema } from '../../../extension/sync/todoist/schemas';

describe('todoist answer schemas (spec §2, §5)', () => {
  it('accepts a tombstone with only its id, refuses a live task without content', () => {
    expect(taskSchema.safeParse({ id: '6X', is_deleted: true }).success).toBe(true);
    expect(taskSchema.safeParse({ id: '6X', project_id: 'P' }).success).toBe(false);
  });

  it('keeps unknown fields (the raw resource) and defaults the command parts', () => {
    const answer = syncAnswerSchema.parse({
      sync_token: 'tok',
      full_sync: false,
      items: [{ id: '6X', project_id: 'P', content: 'c', future_field: 1 }],
    });
    expect(answer.items?.[0]).toMatchObject({ future_field: 1 });
    expect(answer.temp_id_mapping).toEqual({});
    expect(answer.sync_status).toEqual({});
  });

  it('reads a command error in sync_status', () => {
    const answer = syncAnswerSchema.parse({
      sync_token: 'tok',
      full_sync: false,
      sync_status: {
        u1: 'ok',
        u2: { error: 'Item not found', error_tag: 'ITEM_NOT_FOUND', http_code: 404 },
      },
    });
    expect(answer.sync_status.u2).toMatchObject({ http_code: 404 });
    expect(syncAnswerSchema.safeParse({ full_sync: true }).success).toBe(false);
  });
});
