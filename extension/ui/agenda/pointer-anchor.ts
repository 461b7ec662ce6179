// The entry under the pointer stays under it through a sync. A sync that adds, lengthens or
// removes a row above it moves every row below, and a user about to click "Gym" clicked the row
// that slid into its place. The browser's scroll anchoring holds only the top of the scroller
// still (it keeps what is above the fold from moving what is on screen), not the row the pointer
// rests on. So the page remembers the agenda list's entry under a mouse or pen, where it was, and
// its neighbours; after a commit that moved it, it scrolls the list by as much, so it is back
// under the pointer. An entry that itself moved is let go: following it would jump the whole
// list to wherever it went. It moved itself when React drew it anew (another day's list) or
// when a neighbour it had is now on its other side; rows added around it are no such sign.
// (The time grids place blocks by their time: another block never moves one.)
import { useEffect, useLayoutEffect, useRef } from 'react';

interface Anchor {
  /** The entry's element when last seen (a sync that moves it to another day draws a new one). */
  readonly element: HTMLElement;
  readonly key: string;
  /** Its top, in the viewport, when last seen. */
  readonly top: number;
  /** The keys of the entries beside it in its day's list ('' when none). */
  readonly before: string;
  readonly after: string;
}

/** The key of the nearest entry beside `row` (its list item) in `direction`, or ''. */
function besideKey(row: Element, direction: 'previousElementSibling' | 'nextElementSibling') {
  for (let node = row[direction]; node; node = node[direction]) {
    const item = node.querySelector<HTMLElement>('[data-agenda-item]');
    if (item) return item.dataset.agendaItem ?? '';
  }
  return '';
}

/** An entry of the agenda list (not a "+N" list's row, nor a time grid's block). */
function anchorOf(item: HTMLElement): Anchor | undefined {
  const key = item.dataset.agendaItem;
  const row = item.closest('li');
  if (!key || !row || !item.closest('.agenda-list')) return undefined;
  return {
    element: item,
    key,
    top: item.getBoundingClientRect().top,
    before: besideKey(row, 'previousElementSibling'),
    after: besideKey(row, 'nextElementSibling'),
  };
}

/** Whether the entry `key` of `row`'s list is on the `side` of `row` (true when it is no longer
 * in the list: a deleted neighbour says nothing). */
function stillOn(row: Element, key: string, side: -1 | 1): boolean {
  if (key === '') return true;
  const rows = [...(row.parentElement?.children ?? [])];
  const other = rows.findIndex((r) => r.querySelector(`[data-agenda-item="${CSS.escape(key)}"]`));
  if (other < 0) return true;
  return Math.sign(other - rows.indexOf(row)) === side;
}

/** The anchored entry as the page has it now, and how far it moved (px, down): undefined when
 * it is gone or moved itself. */
export function followAnchor(
  anchor: Anchor,
): { readonly now: Anchor; readonly px: number } | undefined {
  const { element } = anchor;
  const row = element.closest('li');
  // Drawn anew (moved to another day) or gone: React keeps an entry's element in its day's list.
  if (!element.isConnected || !row) return undefined;
  // Its neighbours are read only when it moved: most commits (a key typed in quick add) move
  // nothing.
  const moved = Math.abs(element.getBoundingClientRect().top - anchor.top) >= 1;
  if (moved && (!stillOn(row, anchor.before, -1) || !stillOn(row, anchor.after, 1))) {
    return undefined;
  }
  const now = anchorOf(element);
  return now && { now, px: now.top - anchor.top };
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
        anchor.current = item ? anchorOf(item) : undefined;
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

  // After every commit of the page (typing in quick add commits too): a connected element at its
  // old top costs one measurement, which the coming paint needs anyway.
  useLayoutEffect(() => {
    const was = anchor.current;
    if (!was || !pointer.current) return;
    const followed = followAnchor(was);
    if (!followed) {
      // Gone, or moved itself: whatever is under the pointer now is the next anchor.
      anchor.current = undefined;
      lookAgain.current();
      return;
    }
    const { now, px } = followed;
    // The list scrolls in <main> (agenda.css).
    const scroller = now.element.closest('main');
    if (scroller && Math.abs(px) >= 1) scroller.scrollTop += px;
    // Where it is after that scroll (a scroller already at its end may not have moved it all).
    anchor.current = { ...now, top: now.element.getBoundingClientRect().top };
  });
}
