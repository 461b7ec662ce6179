// Side-by-side columns for overlapping timed items in one day column of the grid. Items that
// overlap, directly or through a chain, form a cluster; each takes the leftmost column free at its
// start, and every item of a cluster divides the width by the cluster's column count, so nothing
// is hidden and unrelated items elsewhere in the day keep the full width.

export interface Span {
  readonly key: string;
  /** Position on the day's axis (minutes from the top); bottom > top for a real interval. */
  readonly top: number;
  readonly bottom: number;
}

export interface Slot {
  readonly column: number;
  readonly columns: number;
}

/**
 * `minHeight`: the height an item is DRAWN with at least (a 5-minute event still gets a readable
 * box), so two short items whose boxes would cover each other are laid side by side too.
 */
export function layoutColumns(spans: readonly Span[], minHeight = 0): Map<string, Slot> {
  const sorted = [...spans]
    .map((s) => ({ ...s, bottom: Math.max(s.bottom, s.top + minHeight) }))
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom || a.key.localeCompare(b.key));
  const slots = new Map<string, Slot>();
  let cluster: { key: string; column: number }[] = [];
  let columnEnds: number[] = [];
  let clusterEnd = Number.NEGATIVE_INFINITY;

  const close = () => {
    for (const item of cluster) {
      slots.set(item.key, { column: item.column, columns: columnEnds.length });
    }
    cluster = [];
    columnEnds = [];
  };

  for (const span of sorted) {
    // Touching is not overlapping: a 10:00–11:00 and an 11:00–12:00 share the full width.
    if (span.top >= clusterEnd) close();
    let column = columnEnds.findIndex((end) => end <= span.top);
    if (column === -1) {
      column = columnEnds.length;
      columnEnds.push(span.bottom);
    } else {
      columnEnds[column] = span.bottom;
    }
    cluster.push({ key: span.key, column });
    clusterEnd = Math.max(clusterEnd, span.bottom);
  }
  close();
  return slots;
}
