// afterNextPaint's order: nothing before the next animation frame, nothing inside it (its style,
// layout and paint come after the frame's callbacks), and the callback as a task after it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../extension/ui/next-paint';

describe('afterNextPaint', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('calls back in a task after the next frame, never before or inside it', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const calls: string[] = [];
    afterNextPaint(() => calls.push('painted'));
    await new Promise((settled) => setTimeout(settled, 20));
    expect(calls).toEqual([]); // no frame yet: nothing was painted
    expect(frames).toHaveLength(1);

    frames[0]!(0);
    calls.push('frame callbacks done');
    expect(calls).toEqual(['frame callbacks done']);
    await vi.waitFor(() => expect(calls).toEqual(['frame callbacks done', 'painted']));
  });
});
