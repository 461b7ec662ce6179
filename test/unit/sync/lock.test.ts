import { describe, expect, it } from 'vitest';
import { createInProcessLock } from '../../../extension/sync/lock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('in-process lock', () => {
  it('runs holders of one name one at a time, in order', async () => {
    const lock = createInProcessLock();
    const events: string[] = [];
    const job = (n: number) =>
      lock.withLock('a', async () => {
        events.push(`start ${n}`);
        await tick();
        events.push(`end ${n}`);
        return n;
      });
    expect(await Promise.all([job(1), job(2)])).toEqual([1, 2]);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('does not serialize different names', async () => {
    const lock = createInProcessLock();
    const events: string[] = [];
    const job = (name: string) =>
      lock.withLock(name, async () => {
        events.push(`start ${name}`);
        await tick();
        events.push(`end ${name}`);
      });
    await Promise.all([job('a'), job('b')]);
    expect(events.slice(0, 2)).toEqual(['start a', 'start b']);
  });

  it('passes a failure to its caller and keeps serving the next one', async () => {
    const lock = createInProcessLock();
    const failing = lock.withLock('a', async () => {
      throw new Error('boom');
    });
    const next = lock.withLock('a', async () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});
