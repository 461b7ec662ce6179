import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '../../../extension/sync/rate-limit';
import { createFakeTime } from './fake-fetch';

describe('token bucket', () => {
  it('lets the burst through, then paces at the rate', async () => {
    const time = createFakeTime();
    const bucket = createTokenBucket({ ratePerSecond: 5, burst: 20, ...time });
    for (let i = 0; i < 20; i++) await bucket.take();
    expect(time.sleeps).toEqual([]);
    await bucket.take();
    await bucket.take();
    expect(time.sleeps).toEqual([200, 200]);
  });

  it('refills with elapsed time, never above the burst', async () => {
    const time = createFakeTime();
    const bucket = createTokenBucket({ ratePerSecond: 5, burst: 3, ...time });
    for (let i = 0; i < 3; i++) await bucket.take();
    time.advance(60_000);
    for (let i = 0; i < 3; i++) await bucket.take();
    expect(time.sleeps).toEqual([]);
    await bucket.take();
    expect(time.sleeps).toEqual([200]);
  });

  it('serves concurrent takers in arrival order', async () => {
    const time = createFakeTime();
    const bucket = createTokenBucket({ ratePerSecond: 1, burst: 1, ...time });
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => bucket.take().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(time.sleeps).toEqual([1_000, 1_000]);
  });
});
