// The "Show completed tasks" echo the new tab's first frame and boot script read
// (ui/settings-echo.ts): written by every settings read, read back with a fallback.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  echoedShowCompleted,
  echoedShowCompletedOr,
  echoShowCompleted,
} from '../../extension/ui/settings-echo';
import { MemoryStorage } from './support/memory-storage';

afterEach(() => vi.unstubAllGlobals());

describe('the echo of "Show completed tasks"', () => {
  it('reads back what was echoed, and the fallback before any echo', () => {
    const local = new MemoryStorage();
    vi.stubGlobal('localStorage', local);
    expect(echoedShowCompletedOr(false)).toBe(false);
    expect(echoedShowCompletedOr(true)).toBe(true);
    echoShowCompleted(true);
    expect(echoedShowCompleted(local)).toBe('1');
    expect(echoedShowCompletedOr(false)).toBe(true);
    echoShowCompleted(false);
    expect(echoedShowCompletedOr(true)).toBe(false);
  });

  it('takes the fallback where storage refuses, and echoes nothing there', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(() => echoShowCompleted(true)).not.toThrow();
    expect(echoedShowCompletedOr(true)).toBe(true);
    expect(echoedShowCompletedOr(false)).toBe(false);
  });
});
