// The new tab's quick-add box, rendered by React's own client into a linkedom document, against a
// fake background answering the `quickAdd` message as platform/quick-add-outbox.ts does: what the
// user reads when the background could not add the entry, and what stays in the box.
import { act, createElement, createRef } from 'react';
import type { Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { QuickAdd as QuickAddView } from '../../../extension/ui/agenda/quick-add';
import { linkedomPage } from '../support/linkedom-page';
import { calendar } from './fixtures';

let QuickAdd: typeof QuickAddView;
let root: Root;

const window = linkedomPage('chrome-extension://almanac/newtab.html', async (page) => {
  // React reads typing from `input` events only where the document says it has them (it has no
  // `oninput` in linkedom); else it falls back on an old IE path.
  Object.assign(page.document, { oninput: null });
  // The page reaches the background through wxt/browser, which reads `chrome` as it loads.
  vi.stubGlobal('chrome', fakeBrowser);
  ({ QuickAdd } = await import('../../../extension/ui/agenda/quick-add'));
});
afterEach(async () => {
  await act(async () => root?.unmount());
  fakeBrowser.reset();
});

const doc = () => window.document;
const button = () => doc().querySelector<HTMLButtonElement>('button[type="submit"]')!;

/** The background, answering quickAdd with `outcome` (syncNow with nothing). */
function background(outcome: unknown) {
  const asked: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    asked.push(message);
    return { ok: true, data: (message as { type: string }).type === 'quickAdd' ? outcome : [] };
  });
  return asked;
}

async function render() {
  const { createRoot } = await import('react-dom/client');
  root = createRoot(doc().getElementById('root')!);
  await act(async () =>
    root.render(
      createElement(QuickAdd, {
        calendars: [calendar({ accessRole: 'owner' })],
        sources: [{ id: 'g1', provider: 'google', label: 'ada@example.com' }],
        target: 'google',
        onTarget: () => undefined,
        inputRef: createRef<HTMLInputElement>(),
      }),
    ),
  );
}

/** Types `text` into the box (as React sees typing: the value, then an input event) and adds it. */
async function add(text: string) {
  const box = doc().querySelector<HTMLInputElement>('.quick-add-text')!;
  await act(async () => {
    // Through the element's own setter, as typing does: React's value tracker then sees a change.
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), 'value')?.set?.call(box, text);
    box.dispatchEvent(new window.Event('input', { bubbles: true }));
  });
  await act(async () => {
    doc()
      .querySelector('form')!
      .dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  });
  // The background's answer comes back over the message port, a few turns later.
  await act(() => vi.waitFor(() => expect(button().textContent).toBe('Add')));
  return {
    said: doc().querySelector('.quick-add-result')?.textContent,
    kept: doc().querySelector<HTMLInputElement>('.quick-add-text')?.value,
  };
}

const at = 1_736_182_800_000;

describe('quick add in the new tab', () => {
  it('sends the text, and says what was added', async () => {
    const asked = background({ status: 'created', title: 'Lunch', link: 'https://x' });
    await render();
    expect(await add('Lunch tomorrow 1pm')).toEqual({ said: 'Added “Lunch”.', kept: '' });
    expect(asked[0]).toMatchObject({ type: 'quickAdd', request: { text: 'Lunch tomorrow 1pm' } });
  });

  it('says an expired sign-in in words, and keeps the text', async () => {
    background({
      status: 'failed',
      error: { name: 'AuthExpired', message: 'HTTP 401', at, status: 401 },
    });
    await render();
    const { said, kept } = await add('Lunch tomorrow 1pm');
    expect(kept).toBe('Lunch tomorrow 1pm');
    expect(said).not.toMatch(/HTTP 401/);
    expect(said).toMatch(/sign in again/i);
  });

  it('says a refusal in words, and keeps the text', async () => {
    background({
      status: 'failed',
      error: { name: 'RequestRejected', message: 'HTTP 400', at, status: 400 },
    });
    await render();
    const { said, kept } = await add('Lunch tomorrow 1pm');
    expect(kept).toBe('Lunch tomorrow 1pm');
    expect(said).toMatch(/^Couldn’t add it: Refused by the server/);
  });

  it('gives Todoist’s own words for a refused command, as a sentence', async () => {
    background({
      status: 'failed',
      error: { name: 'RequestRejected', message: 'Invalid argument value', at },
    });
    await render();
    const { said } = await add('Call the bank');
    expect(said).toBe('Couldn’t add it: Invalid argument value.');
  });

  it.each([
    [{ name: 'Transient', message: 'network error on events.quickAdd', at }, /offline/],
    [{ name: 'RateLimited', message: 'HTTP 429', at, status: 429 }, /Too many requests/],
  ])('says why an entry saved for later waits (%j)', async (error, words) => {
    background({ status: 'queued', outboxId: 'o1', error });
    await render();
    const { said, kept } = await add('Lunch tomorrow 1pm');
    expect(kept).toBe('');
    expect(said).toMatch(words);
    expect(said).not.toContain(error.message);
  });
});
