// A page whose render throws shows what happened and a Reload button, not a blank page
// (ui/components/error-boundary.tsx), rendered by React's own client into a linkedom document.
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, PageError } from '../../extension/ui/components/error-boundary';
import { linkedomPage } from './support/linkedom-page';

const window = linkedomPage('chrome-extension://almanac/popup.html', () => {
  // React reports a caught render error on the console: expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

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
