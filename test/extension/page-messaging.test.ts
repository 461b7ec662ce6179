// The pages' send(): the background's answer is checked, and a failure reaches the page in words
// (ui/messaging.ts), with the raw text kept as its detail.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type * as Messaging from '../../extension/ui/messaging';

// The pages reach the background through wxt/browser, which reads the global `chrome` as it
// loads: the fake browser is put there first.
let send: typeof Messaging.send;
let BackgroundError: typeof Messaging.BackgroundError;
beforeAll(async () => {
  vi.stubGlobal('chrome', fakeBrowser);
  ({ send, BackgroundError } = await import('../../extension/ui/messaging'));
});

/** The background, answering every message with `reply`. */
function answer(reply: unknown) {
  fakeBrowser.runtime.onMessage.addListener(async () => reply);
}

async function failure(): Promise<Messaging.BackgroundError> {
  try {
    await send({ type: 'getStatus' });
  } catch (err) {
    if (err instanceof BackgroundError) return err;
    throw err;
  }
  throw new Error('send did not fail');
}

describe('send', () => {
  afterEach(() => fakeBrowser.reset());

  it('hands back the data of a good answer', async () => {
    answer({ ok: true, data: { accounts: [] } });
    expect(await send({ type: 'getStatus' })).toEqual({ accounts: [] });
  });

  it('says a sync failure in words, keeping the raw text as its detail', async () => {
    answer({
      ok: false,
      error: { code: 'unavailable', message: 'network error on calendars.get', kind: 'Transient' },
    });
    const err = await failure();
    expect(err.code).toBe('unavailable');
    expect(err.message).toBe('Could not reach the server (offline?)');
    expect(err.detail).toBe('network error on calendars.get');
  });

  it('passes a refusal’s own words on as they are', async () => {
    answer({ ok: false, error: { code: 'bad-message', message: 'Invalid message at scope' } });
    const err = await failure();
    expect([err.code, err.message, err.detail]).toEqual([
      'bad-message',
      'Invalid message at scope',
      undefined,
    ]);
  });

  it('turns an answer it can’t read into an error the page can show, not a TypeError', async () => {
    answer({ ok: false });
    const err = await failure();
    expect(err.code).toBe('unavailable');
    expect(err.message).toMatch(/can’t read/);
    fakeBrowser.reset();
    answer('hello');
    expect((await failure()).code).toBe('unavailable');
  });
});
