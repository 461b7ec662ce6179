import { describe, expect, it } from 'vitest';
import {
  commandOutcome,
  commandTarget,
  MAX_COMMAND_ATTEMPTS,
  remapCommand,
  type TodoistCommand,
} from '../../../extension/sync/todoist/commands';

const half = () => 0.5;

describe('todoist commands (spec §3)', () => {
  it('targets: an add acts on its temp id, the rest on args.id', () => {
    expect(commandTarget({ type: 'item_add', uuid: 'u', temp_id: 't', args: {} })).toBe('t');
    expect(commandTarget({ type: 'item_close', uuid: 'u', args: { id: '6X' } })).toBe('6X');
  });

  it('remaps mapped temp ids in id and placement args, and leaves others alone', () => {
    const cmd: TodoistCommand = {
      type: 'item_move',
      uuid: 'u',
      args: { id: 'tmp-1', parent_id: 'tmp-2', project_id: 'real' },
    };
    expect(remapCommand(cmd, { 'tmp-1': 'A', 'tmp-2': 'B' }).args).toEqual({
      id: 'A',
      parent_id: 'B',
      project_id: 'real',
    });
    expect(remapCommand(cmd, { other: 'X' })).toBe(cmd);
  });

  it('ok is done; a 4xx-like error is final; 429/5xx/no status back off and retry', () => {
    expect(commandOutcome('ok', 1, 0, half)).toEqual({ kind: 'ok' });
    const notFound = { error: 'Item not found', error_tag: 'ITEM_NOT_FOUND', http_code: 404 };
    expect(commandOutcome(notFound, 1, 0, half)).toMatchObject({
      kind: 'failed',
      error: { name: 'CommandError', status: 404, reason: 'ITEM_NOT_FOUND' },
    });
    const busy = { error: 'busy', error_tag: 'INTERNAL_ERROR', http_code: 503 };
    const retry = commandOutcome(busy, 1, 1_000, half);
    expect(retry).toMatchObject({ kind: 'retry', error: { status: 503 } });
    expect(retry.kind === 'retry' && retry.nextAttemptAt).toBeGreaterThanOrEqual(31_000);
    const limited = {
      error_tag: 'LIMITS_REACHED',
      http_code: 429,
      error_extra: { retry_after: 90 },
    };
    const later = commandOutcome(limited, 1, 0, half);
    expect(later.kind === 'retry' && later.nextAttemptAt).toBe(90_000);
    expect(commandOutcome(undefined, 2, 0, half).kind).toBe('retry');
    // Passing errors are given up after a while, and then shown like a refusal.
    expect(commandOutcome(busy, MAX_COMMAND_ATTEMPTS, 0, half).kind).toBe('failed');
  });
});
