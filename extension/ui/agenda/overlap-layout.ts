// Side-by-side columns for overlapping timed items in one day column of the grid. Items that
// overlap, directly or through a chain, form a cluster; each takes the leftmost column free at its
// start, and every item of a cluster divides the width by the cluster's column count, so unrelated
// items elsewhere in the day keep the full width. An item then widens over the columns to its
// right that nothing it overlaps uses (a short meeting late in a busy morning need not stay a
// sliver).
// A cluster wider than `maxColumns` would leave each item a sliver with no readable title (the
// agenda bench's days hold ~20 at once: 8 px each in a week column). It keeps maxColumns − 1
// columns of items and gives the last to "+N" markers: the items that would have gone further
// right, grouped by when they start (overflow). Nothing is dropped: a marker names every item
// it stands for, and the grid lists them on demand.
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
  /** Its cluster was crowded: the last column holds "+N" markers (and is drawn narrow). */
  readonly crowded?: true;
}

/** A "+N" marker: the items of a crowded cluster that did not get a column of their own, in the
 * cluster's last column, from the first one's top to the last one's drawn bottom (or to where
 * the next marker starts). */
export interface Overflow extends Slot {
  readonly top: number;
  readonly bottom: number;
  /** In the order the items start. */
  readonly keys: readonly string[];
}

export interface DayLayout {
  /** Every item that has a column of its own; the rest are in `overflow`. */
  readonly slots: ReadonlyMap<string, Slot>;
  readonly overflow: readonly Overflow[];
}

/** A marker stands for the items starting within this many minutes of its top (a crowded
 * afternoon gets a "+N" an hour or so, not one for the whole afternoon). */
export const OVERFLOW_GROUP_MINUTES = 60;

/**
 * `minHeight`: the height an item is DRAWN with at least (a 5-minute event still gets a readable
 * box), so two short items whose boxes would cover each other are laid side by side too.
 * `maxColumns` (at least 2): the most columns a cluster is divided into, its last one then
 * holding the overflow markers.
 */
export function layoutColumns(
  spans: readonly Span[],
  minHeight = 0,
  maxColumns = Number.POSITIVE_INFINITY,
): DayLayout {
  const cap = Math.max(2, maxColumns);
  const sorted = spans
    .map((s) => ({ key: s.key, top: s.top, bottom: Math.max(s.bottom, s.top + minHeight) }))
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom || a.key.localeCompare(b.key));
  const slots = new Map<string, Slot>();
  const overflow: Overflow[] = [];
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
    const crowded = columns > cap;
    const lanes = crowded ? cap : columns;
    // In a crowded cluster the last lane is the markers'; the items beyond it wait in them.
    const shown = crowded ? cluster.filter((item) => item.column < lanes - 1) : cluster;
    const markers = crowded
      ? groupOverflow(cluster.filter((item) => item.column >= lanes - 1))
      : [];
    const byColumn = Array.from({ length: lanes }, () => [] as Box[]);
    for (const item of shown) byColumn[item.column]?.push(item);
    byColumn[lanes - 1]?.push(...markers);
    for (const item of shown) {
      const overlaps = (other: Box) => other.top < item.bottom && item.top < other.bottom;
      let span = 1;
      while (item.column + span < lanes && !byColumn[item.column + span]?.some(overlaps)) span++;
      const slot = { column: item.column, columns: lanes, span };
      slots.set(item.key, crowded ? { ...slot, crowded } : slot);
    }
    for (const marker of markers) {
      overflow.push({ ...marker, column: lanes - 1, columns: lanes, crowded: true });
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
  return { slots, overflow };
}

interface Box {
  readonly top: number;
  readonly bottom: number;
}

/** The overflowing items of one cluster (in the order they start) as markers: a marker takes
 * the items starting while it lasts, up to OVERFLOW_GROUP_MINUTES after its top; a later one
 * starts a new marker, which cuts the one before short so no two overlap (so a cut marker is
 * still an hour tall). */
function groupOverflow(
  items: readonly { key: string; top: number; bottom: number }[],
): { top: number; bottom: number; span: 1; keys: string[] }[] {
  const markers: { top: number; bottom: number; span: 1; keys: string[] }[] = [];
  let open: (typeof markers)[number] | undefined;
  for (const item of items) {
    if (open && item.top < open.bottom && item.top < open.top + OVERFLOW_GROUP_MINUTES) {
      open.keys.push(item.key);
      open.bottom = Math.max(open.bottom, item.bottom);
      continue;
    }
    if (open && item.top < open.bottom) open.bottom = item.top;
    open = { top: item.top, bottom: item.bottom, span: 1, keys: [item.key] };
    markers.push(open);
  }
  return markers;
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
