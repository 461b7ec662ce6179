// A linkedom document standing in for an extension page, for React's own client to render into:
// the globals React and the page's modules read, stubbed until the file's tests end.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, vi } from 'vitest';

/** The page's window (with <div id="root">), its globals stubbed before the file's tests. */
export function linkedomPage(url: string, setUp?: (window: Window) => void | Promise<void>) {
  const { window } = parseHTML('<html><body><div id="root"></div></body></html>');
  beforeAll(async () => {
    vi.stubGlobal('window', window);
    vi.stubGlobal('document', window.document);
    vi.stubGlobal('navigator', window.navigator ?? { userAgent: 'linkedom' });
    vi.stubGlobal('location', new URL(url));
    Object.assign(window, { location: globalThis.location });
    vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
    await setUp?.(window as unknown as Window);
  });
  afterAll(() => vi.unstubAllGlobals());
  return window;
}
