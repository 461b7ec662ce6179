// The user's place through a sync. A sync re-renders the page under the focus: React keeps an
// entry's element while the entry stays in its day's list, but an entry moved to another day
// (another list), put behind a "+N" marker, or deleted loses its element, and the focus fell to
// <body> (the next j/k started over from the top). The page remembers the entry focused last
// and, after a commit that took its element away, puts the focus on the same entry (its key is
// its `data-agenda-item`), on the marker it went behind (`data-agenda-behind`), or on the entry
// now in its place.
import { useEffect, useLayoutEffect, useRef } from 'react';

interface Focused {
  readonly element: HTMLElement;
  /** The entry's key ('' for a "+N" marker). */
  readonly key: string;
  /** Its place among the page's entries. */
  readonly index: number;
}

function agendaItems(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-agenda-item]')];
}

function behind(marker: HTMLElement): readonly string[] {
  try {
    const keys: unknown = JSON.parse(marker.dataset.agendaBehind ?? '[]');
    return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** Where the focus goes when the element of the entry `key` (at `index`) is gone. */
export function refocusTarget(
  root: ParentNode,
  key: string,
  index: number,
): HTMLElement | undefined {
  const items = agendaItems(root);
  if (key !== '') {
    const same = items.find((item) => item.dataset.agendaItem === key);
    if (same) return same;
    const marker = items.find((item) => behind(item).includes(key));
    if (marker) return marker;
  }
  return index < 0 ? undefined : items[Math.min(index, items.length - 1)];
}

/** Call in the page's top component: it checks after each of its commits. */
export function useFocusKeeper(): void {
  const last = useRef<Focused | undefined>(undefined);
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const element = event.target instanceof HTMLElement ? event.target : null;
      const key = element?.dataset.agendaItem;
      last.current =
        element && key !== undefined
          ? { element, key, index: agendaItems(document).indexOf(element) }
          : undefined; // the focus went elsewhere on purpose: nothing to keep
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);
  useLayoutEffect(() => {
    const was = last.current;
    // Only a focus the page itself took away: an element still in the page was left by the
    // user (a click elsewhere), and a focus elsewhere is theirs.
    if (!was || was.element.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    refocusTarget(document, was.key, was.index)?.focus();
  });
}
