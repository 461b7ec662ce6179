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

const STATUS = {
  mode: 'live',
  pollMinutes: 30,
  relayConfigured: true,
  relay: { state: 'live', since: 1_000 },
  accounts: [
    {
      sourceId: 'g1',
      provider: 'google',
      label: 'ada@example.com',
      signedIn: true,
      method: 'oauth',
    },
  ],
  syncing: [],
  nextAlarmAt: 5_000,
  queuedQuickAdds: 0,
} as const;

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
    answer({ ok: true, data: STATUS });
    expect(await send({ type: 'getStatus' })).toEqual(STATUS);
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

// getStatus's answer is read field by field (platform/messages.ts statusSchema): a background of
// another version, or a bug, must not hand the page a status its render would trip over.
describe('send getStatus', () => {
  afterEach(() => fakeBrowser.reset());

  it.each([
    ['a wrong-typed field', { ...STATUS, pollMinutes: '5' }],
    ['a wrong-typed list', { ...STATUS, accounts: 'none' }],
    ['an account of another shape', { ...STATUS, accounts: [{ sourceId: 'g1' }] }],
    ['a relay state it doesn’t know', { ...STATUS, relay: { state: 'paused', since: 1 } }],
    ['a missing field', (({ syncing: _, ...rest }) => rest)(STATUS)],
    ['no status at all', null],
  ])('turns %s into an error the page can show', async (_, data) => {
    answer({ ok: true, data });
    const err = await failure();
    expect(err.code).toBe('unavailable');
    expect(err.message).toBe(
      'Almanac’s background sent an answer this page can’t read. Reload the page.',
    );
    expect(err.detail).toMatch(/^getStatus: /);
  });

  it('reads a newer background’s status, ignoring fields it doesn’t know', async () => {
    answer({
      ok: true,
      data: {
        ...STATUS,
        shiny: true,
        relay: { ...STATUS.relay, region: 'eu', coverage: { pushed: 1, polled: [], extra: 2 } },
        accounts: [{ ...STATUS.accounts[0], avatar: 'x.png' }],
      },
    });
    expect(await send({ type: 'getStatus' })).toEqual({
      ...STATUS,
      relay: { ...STATUS.relay, coverage: { pushed: 1, polled: [] } },
    });
  });

  it('reads a status without its next alarm (undefined does not survive the message)', async () => {
    const { nextAlarmAt: _, ...rest } = STATUS;
    answer({ ok: true, data: rest });
    expect((await send({ type: 'getStatus' })).nextAlarmAt).toBeUndefined();
  });
});
