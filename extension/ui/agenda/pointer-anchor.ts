// The entry under the pointer stays under it through a sync. A sync that adds, lengthens or
// removes a row above it moves every row below, and a user about to click "Gym" clicked the row
// that slid into its place. The browser's scroll anchoring holds only the top of the scroller
// still (it keeps what is above the fold from moving what is on screen), not the row the pointer
// rests on. So the page remembers the entry under a mouse or pen, where it was, and its
// neighbours; after a commit that moved it, it scrolls the entry's scroller by as much, so it
// is back under the pointer. An entry that itself moved (a new time: both its neighbours
// changed) is let go: following it would jump the whole list to wherever it went.
import { useEffect, useLayoutEffect, useRef } from 'react';

interface Anchor {
  readonly key: string;
  /** Its top, in the viewport, when the pointer was last seen on it. */
  readonly top: number;
  /** The keys of the entries before and after it, in reading order ('' when none). */
  readonly before: string;
  readonly after: string;
}

function agendaItems(): HTMLElement[] {
  // The list or grid's entries, not a "+N" popover's (its rows are not the page's to scroll).
  return [...document.querySelectorAll<HTMLElement>('main [data-agenda-item]')].filter(
    (item) => !item.closest('[popover]'),
  );
}

function anchorOf(item: HTMLElement, items: readonly HTMLElement[]): Anchor | undefined {
  const key = item.dataset.agendaItem;
  const at = items.indexOf(item);
  if (!key || at < 0) return undefined; // a "+N" marker ('') or an entry outside the page's list
  return {
    key,
    top: item.getBoundingClientRect().top,
    before: items[at - 1]?.dataset.agendaItem ?? '',
    after: items[at + 1]?.dataset.agendaItem ?? '',
  };
}

/** The nearest ancestor that scrolls vertically (the list's <main>, a grid's body). */
function scrollerOf(element: HTMLElement): HTMLElement | undefined {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) {
      return node;
    }
  }
  return undefined;
}

/**
 * Where the anchored entry is among `items` now, and how far it moved (px, down): undefined
 * when it is gone or moved itself (neither neighbour is the one it had).
 */
export function anchorShift(
  anchor: Anchor,
  items: readonly HTMLElement[],
): { readonly at: number; readonly px: number } | undefined {
  const at = items.findIndex((item) => item.dataset.agendaItem === anchor.key);
  if (at < 0) return undefined;
  const before = items[at - 1]?.dataset.agendaItem ?? '';
  const after = items[at + 1]?.dataset.agendaItem ?? '';
  if (before !== anchor.before && after !== anchor.after) return undefined;
  return { at, px: (items[at] as HTMLElement).getBoundingClientRect().top - anchor.top };
}

/** Call in the page's top component: it checks after each of its commits (a sync's data comes
 * in through it). */
export function usePointerAnchor(): void {
  const pointer = useRef<{ x: number; y: number } | undefined>(undefined);
  const anchor = useRef<Anchor | undefined>(undefined);
  const lookAgain = useRef<() => void>(() => {});

  useEffect(() => {
    let frame = 0;
    // What is under the pointer now, measured once a frame at most (a pointermove comes far
    // more often, and a scroll moves the entries under a still pointer).
    const look = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const at = pointer.current;
        const hit = at && document.elementFromPoint(at.x, at.y);
        const item = hit?.closest<HTMLElement>('[data-agenda-item]');
        anchor.current = item ? anchorOf(item, agendaItems()) : undefined;
      });
    };
    const onMove = (event: PointerEvent) => {
      // A finger has no hover: it taps where the row is now.
      if (event.pointerType === 'touch') return;
      pointer.current = { x: event.clientX, y: event.clientY };
      look();
    };
    const onLeave = (event: MouseEvent) => {
      if (event.relatedTarget) return; // still in the page
      pointer.current = undefined;
      anchor.current = undefined;
    };
    lookAgain.current = look;
    document.addEventListener('pointermove', onMove, { passive: true });
    document.addEventListener('scroll', look, { capture: true, passive: true });
    document.addEventListener('mouseout', onLeave);
    globalThis.addEventListener('resize', look);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('pointermove', onMove);
      document.removeEventListener('scroll', look, { capture: true });
      document.removeEventListener('mouseout', onLeave);
      globalThis.removeEventListener('resize', look);
    };
  }, []);

  useLayoutEffect(() => {
    const was = anchor.current;
    if (!was || !pointer.current) return;
    const items = agendaItems();
    const shift = anchorShift(was, items);
    const item = shift === undefined ? undefined : items[shift.at];
    if (!item || !shift) {
      // Gone, or moved itself: whatever is under the pointer now is the next anchor.
      anchor.current = undefined;
      lookAgain.current();
      return;
    }
    if (Math.abs(shift.px) >= 1) {
      const scroller = scrollerOf(item);
      if (scroller) scroller.scrollTop += shift.px;
    }
    // Its place and neighbours now, for the next commit.
    anchor.current = anchorOf(item, items);
  });
}
