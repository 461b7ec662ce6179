// A page whose render throws shows what happened and a Reload button, not a blank page
// (ui/components/error-boundary.tsx), rendered by React's own client into a linkedom document.
import { parseHTML } from 'linkedom';
import { act, createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, PageError } from '../../extension/ui/components/error-boundary';

const { window } = parseHTML('<html><body><div id="root"></div></body></html>');

beforeAll(() => {
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', window.document);
  vi.stubGlobal('navigator', window.navigator ?? { userAgent: 'linkedom' });
  vi.stubGlobal('location', new URL('chrome-extension://almanac/popup.html'));
  Object.assign(window, { location: globalThis.location });
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
  // React reports a caught render error on the console: expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => vi.unstubAllGlobals());

function Status(props: { reply: { syncing?: string[] } }) {
  return createElement('p', null, `${props.reply.syncing!.length} syncing`);
}

describe('the error boundary', () => {
  it('replaces a page whose render threw with the error and Reload', async () => {
    const { createRoot } = await import('react-dom/client');
    const root = createRoot(window.document.getElementById('root')!);
    await act(async () =>
      root.render(
        createElement(
          ErrorBoundary,
          {
            fallback: (error: Error) =>
              createElement(PageError, { title: 'Almanac couldn’t show its status', error }),
          },
          // A reply without `syncing`: the render throws a TypeError.
          createElement(Status, { reply: {} }),
        ),
      ),
    );
    const alert = window.document.querySelector('[role="alert"]');
    // The page's only heading when it stands in for the page: its h1.
    expect(alert?.querySelector('h1')?.textContent).toBe('Almanac couldn’t show its status');
    expect(alert?.querySelector('p')?.textContent).toMatch(/length/);
    expect(alert?.querySelector('button')?.textContent).toBe('Reload');
    await act(async () => root.unmount());
  });
});
