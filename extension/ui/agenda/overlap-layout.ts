// Side-by-side columns for overlapping timed items in one day column of the grid. Items that
// overlap, directly or through a chain, form a cluster; each takes the leftmost column free at its
// start, and every item of a cluster divides the width by the cluster's column count, so nothing
// is hidden and unrelated items elsewhere in the day keep the full width. An item then widens
// over the columns to its right that nothing it overlaps uses (a short meeting late in a busy
// morning need not stay a sliver).

export interface Span {
  readonly key: string;
  /** Position on the day's axis (minutes from the top); bottom > top for a real interval. */
  readonly top: number;
  readonly bottom: number;
}

export interface Slot {
  readonly column: number;
  readonly columns: number;
  /** How many columns it covers, from `column` rightwards (at least 1). */
  readonly span: number;
}

/**
 * `minHeight`: the height an item is DRAWN with at least (a 5-minute event still gets a readable
 * box), so two short items whose boxes would cover each other are laid side by side too.
 */
export function layoutColumns(spans: readonly Span[], minHeight = 0): Map<string, Slot> {
  const sorted = spans
    .map((s) => ({ key: s.key, top: s.top, bottom: Math.max(s.bottom, s.top + minHeight) }))
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom || a.key.localeCompare(b.key));
  const slots = new Map<string, Slot>();
  let cluster: { key: string; column: number; top: number; bottom: number }[] = [];
  // Columns are found through two heaps, not a scan of every column: a dense day (the agenda
  // bench has 150 overlapping events in one) made the scan quadratic, ~80 ms of a week's render.
  // `busy` holds the columns in use by their end; `free` the indexes of those that ended.
  let busy = new MinHeap<{ end: number; column: number }>(
    (a, b) => a.end - b.end || a.column - b.column,
  );
  let free = new MinHeap<number>((a, b) => a - b);
  let columns = 0;
  let clusterEnd = Number.NEGATIVE_INFINITY;

  const close = () => {
    const byColumn = Array.from({ length: columns }, () => [] as typeof cluster);
    for (const item of cluster) byColumn[item.column]?.push(item);
    for (const item of cluster) {
      const overlaps = (other: (typeof cluster)[number]) =>
        other.top < item.bottom && item.top < other.bottom;
      let span = 1;
      while (item.column + span < columns && !byColumn[item.column + span]?.some(overlaps)) span++;
      slots.set(item.key, { column: item.column, columns, span });
    }
    cluster = [];
    busy = new MinHeap(busy.compare);
    free = new MinHeap(free.compare);
    columns = 0;
  };

  for (const span of sorted) {
    // Touching is not overlapping: a 10:00–11:00 and an 11:00–12:00 share the full width.
    if (span.top >= clusterEnd) close();
    // The leftmost column whose last item ended by this one's top (tops only grow, so a column
    // that ended stays free until it is taken again).
    for (let top = busy.peek(); top && top.end <= span.top; top = busy.peek()) {
      free.push(top.column);
      busy.pop();
    }
    const column = free.pop() ?? columns++;
    busy.push({ end: span.bottom, column });
    cluster.push({ key: span.key, column, top: span.top, bottom: span.bottom });
    clusterEnd = Math.max(clusterEnd, span.bottom);
  }
  close();
  return slots;
}

/** A binary min-heap. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(readonly compare: (a: T, b: T) => number) {}

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[parent] as T, item) <= 0) break;
      items[i] = items[parent] as T;
      i = parent;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child =
        right < items.length && this.compare(items[right] as T, items[left] as T) < 0
          ? right
          : left;
      if (this.compare(items[child] as T, last) >= 0) break;
      items[i] = items[child] as T;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
