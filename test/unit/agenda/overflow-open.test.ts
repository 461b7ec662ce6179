// Which marker an open "+N" list belongs to after a sync regrouped its day's markers.
import { describe, expect, it } from 'vitest';
import { followMarker } from '../../../extension/ui/agenda/overflow-open';

const marker = (...keys: string[]) => ({ keys });

describe('followMarker', () => {
  it('finds the marker again when an entry joined it, even in front', () => {
    const now = marker('a', 'b', 'c', 'd');
    expect(followMarker(['b', 'c', 'd'], [marker('x'), now])).toBe(now);
  });

  it('follows the entries that stayed when some left for a column', () => {
    const now = marker('c', 'd');
    expect(followMarker(['a', 'b', 'c', 'd'], [now])).toBe(now);
  });

  it('picks the marker sharing most entries when its entries split between two', () => {
    const first = marker('a', 'b');
    const second = marker('c', 'd', 'e');
    expect(followMarker(['a', 'c', 'd', 'e'], [first, second])).toBe(second);
  });

  it('picks the first of two sharing as many', () => {
    const first = marker('a', 'x');
    const second = marker('b', 'y');
    expect(followMarker(['a', 'b'], [first, second])).toBe(first);
  });

  it('finds none when no marker holds any of its entries', () => {
    expect(followMarker(['a', 'b'], [marker('c'), marker('d', 'e')])).toBeUndefined();
    expect(followMarker(['a'], [])).toBeUndefined();
  });
});
