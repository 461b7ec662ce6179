// The entry under the pointer through a sync (ui/agenda/pointer-anchor.ts followAnchor): followed
// when rows came or went around it, let go when it moved itself. The page's DOM in linkedom, each
// entry's top set by hand (no layout here). Cases from a review of the first version, which
// judged "moved itself" by its neighbours alone: a day's first entry moved to another day's first
// place was followed (700 px), and an entry with a row added on each side was let go.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { followAnchor } from '../../../extension/ui/agenda/pointer-anchor';

describe('the entry under the pointer', () => {
  const { window } = parseHTML('<html><body></body></html>');
  const doc = window.document;
  const tops = new Map<Element, number>();
  beforeAll(() => {
    vi.stubGlobal('document', doc);
    vi.stubGlobal('CSS', { escape: (s: string) => s });
  });
  afterAll(() => vi.unstubAllGlobals());

  function row(key: string, top: number) {
    const li = doc.createElement('li');
    const link = doc.createElement('a');
    link.dataset.agendaItem = key;
    tops.set(link, top);
    Object.assign(link, { getBoundingClientRect: () => ({ top: tops.get(link) ?? 0 }) });
    li.append(link);
    return li;
  }
  /** main > .agenda-list > section.day > ul > li > a[data-agenda-item], per day. */
  function page(days: Record<string, Array<[string, number]>>) {
    doc.body.innerHTML = '';
    const list = doc.createElement('div');
    list.className = 'agenda-list';
    for (const [date, entries] of Object.entries(days)) {
      const section = doc.createElement('section');
      section.dataset.date = date;
      const ul = doc.createElement('ul');
      for (const [key, top] of entries) ul.append(row(key, top));
      section.append(ul);
      list.append(section);
    }
    const main = doc.createElement('main');
    main.append(list);
    doc.body.append(main);
  }
  const item = (key: string) =>
    doc.querySelector(`[data-agenda-item="${key}"]`) as unknown as HTMLElement;
  const anchorOn = (key: string, before: string, after: string) => ({
    element: item(key),
    key,
    top: tops.get(item(key) as unknown as Element) ?? 0,
    before,
    after,
  });

  /** Monday: "a", "gym", "b", 46 px apart; the pointer on "gym". */
  const gymBetweenAAndB = () => {
    page({
      mon: [
        ['a', 154],
        ['gym', 200],
        ['b', 246],
      ],
    });
    return anchorOn('gym', 'a', 'b');
  };

  it('follows it when rows were added on each side of it', () => {
    const anchor = gymBetweenAAndB();
    const gym = item('gym').closest('li') as unknown as Element;
    gym.before(row('x', 200) as unknown as Node);
    gym.after(row('y', 292) as unknown as Node);
    tops.set(item('gym') as unknown as Element, 246);
    expect(followAnchor(anchor)).toEqual(expect.objectContaining({ px: 46 }));
  });

  it('lets it go when it moved to another day (drawn anew there), first in both', () => {
    page({
      mon: [
        ['dentist', 200],
        ['standup', 246],
      ],
      thu: [['review', 800]],
    });
    const anchor = anchorOn('dentist', '', 'standup');
    page({
      mon: [['standup', 200]],
      thu: [
        ['dentist', 900],
        ['review', 946],
      ],
    });
    expect(followAnchor(anchor)).toBeUndefined();
  });

  it('lets it go when it moved past a neighbour within its day', () => {
    page({
      mon: [
        ['a', 154],
        ['gym', 200],
        ['b', 246],
        ['c', 292],
      ],
    });
    const anchor = anchorOn('gym', 'a', 'b');
    // Later the same day: React moves its element after "c".
    const gym = item('gym').closest('li') as unknown as Element;
    (item('c').closest('li') as unknown as Element).after(gym as unknown as Node);
    tops.set(item('gym') as unknown as Element, 292);
    expect(followAnchor(anchor)).toBeUndefined();
  });

  it('follows it when its neighbour above was deleted, and stays when nothing moved', () => {
    const anchor = gymBetweenAAndB();
    (item('a').closest('li') as unknown as Element).remove();
    tops.set(item('gym') as unknown as Element, 154);
    expect(followAnchor(anchor)).toEqual(expect.objectContaining({ px: -46 }));
    tops.set(item('gym') as unknown as Element, 200);
    expect(followAnchor(anchor)).toEqual(expect.objectContaining({ px: 0 }));
  });
});
