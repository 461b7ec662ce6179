// Acting in the middle of a run: a fetch wrapper that calls `before` ahead of each request the
// engine sends, so a test can make the emulator itself fail page 2, expire a token mid-listing,
// or change the calendar while a run is in flight. The emulator answers; nothing is faked here.
export function beforeEachRequest(
  before: (url: URL, n: number) => void | Promise<void>,
): (inner: typeof fetch) => typeof fetch {
  return (inner) => {
    let n = 0;
    return (async (input: string | URL | Request, init?: RequestInit) => {
      n += 1;
      const url = new URL(input instanceof Request ? input.url : String(input));
      await before(url, n);
      return inner(input, init);
    }) as typeof fetch;
  };
}

/** True for a follow-up page of an events listing. */
export function isEventsPage2(url: URL): boolean {
  return url.pathname.endsWith('/events') && url.searchParams.has('pageToken');
}
