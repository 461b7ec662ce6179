// Which "+N" list of a grid is open (grid-overflow.tsx draws the markers and the list). A sync
// (a live update of the store) can regroup the markers under an open list: an entry goes behind
// the marker or gets a column of its own, and a marker whose first entry changed is a new button
// (React keys it by that entry). The list follows its marker: it lists what the marker stands
// for now, and the marker drawn now shows it open.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Overflow } from './overlap-layout';
import type { IsoDate } from './zone-days';

export interface OpenOverflow {
  /** One per opening: what is done once when the list opens (placing it, focusing its first
   * entry) is not done again when `keys` follow a regrouped marker. */
  readonly opening: number;
  readonly date: IsoDate;
  /** The entries of its marker as last drawn. */
  readonly keys: readonly string[];
  /** The button it was opened from, which the popover is placed beside. A sync may have drawn
   * its marker as another button since: the focus returns to the marker drawn at the close. */
  readonly invoker: HTMLElement;
}

export type Opening = Omit<OpenOverflow, 'opening'>;

/** The marker a list showing `keys` belongs to among a day's `markers`: the one sharing most
 * entries with it (the first of them on a tie); none when every entry it showed is gone or has a
 * column of its own. */
export function followMarker<M extends { readonly keys: readonly string[] }>(
  keys: readonly string[],
  markers: readonly M[],
): M | undefined {
  const shown = new Set(keys);
  let best: M | undefined;
  let most = 0;
  for (const marker of markers) {
    const shared = marker.keys.filter((k) => shown.has(k)).length;
    if (shared > most) {
      best = marker;
      most = shared;
    }
  }
  return best;
}

const sameKeys = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((k, i) => k === b[i]);

/** `markersOf`: a day's markers as drawn now. `columnCap`: its change regroups every marker,
 * which closes the list. */
export function useOpenOverflow(
  markersOf: (date: IsoDate) => readonly Overflow[],
  columnCap: number,
) {
  const [open, setOpen] = useState<OpenOverflow>();
  const openings = useRef(0);
  /** Opens a marker's list (replacing any other one), or closes the open one (undefined). */
  const onToggle = useCallback(
    (opening: Opening | undefined) =>
      setOpen(opening && { ...opening, opening: ++openings.current }),
    [],
  );
  /** Hears which opening closed (a late event of an earlier one must not close a later). */
  const onClose = useCallback(
    (closed: OpenOverflow) => setOpen((was) => (was?.opening === closed.opening ? undefined : was)),
    [],
  );
  // A new cap (the window resized) regroups every marker at once: the list closes rather than
  // guess which marker is its own.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on a change of the cap only.
  useLayoutEffect(() => setOpen(undefined), [columnCap]);
  const marker = open && followMarker(open.keys, markersOf(open.date));
  // Set while rendering (React renders again at once), so no frame shows the list as it was.
  if (open && marker && !sameKeys(marker.keys, open.keys)) setOpen({ ...open, keys: marker.keys });
  return { open, marker, onToggle, onClose };
}
