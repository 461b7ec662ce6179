// End, in the agenda list. The browser's own End scrolls to the end the list has when the key is
// pressed, but the list's rows skip their layout while off screen (agenda.css:
// content-visibility) and stand in at a guessed height: the rows coming on screen then take
// their real height, a fraction of a pixel more or less each, and End stopped 10–20 px short of
// the end (in a test week of 300 rows), or could go past it. So the page scrolls to the end itself, and again each time the
// list's height settles, until the user scrolls elsewhere or the rows have settled.

/** How long the list may keep settling after End (ms): a frame or two, with room for a slow one. */
const SETTLE_MS = 1_000;

export function scrollToEnd(scroller: HTMLElement, content: Element): void {
  const toEnd = () => {
    scroller.scrollTop = scroller.scrollHeight - scroller.clientHeight;
    return scroller.scrollTop;
  };
  let placed = toEnd();
  // Called after layout, before paint: the rows now on screen have their real height.
  const observer = new ResizeObserver(() => {
    if (Math.abs(scroller.scrollTop - placed) > 1) return stop(); // the user scrolled away
    placed = toEnd();
  });
  const timer = setTimeout(() => stop(), SETTLE_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(content);
}
