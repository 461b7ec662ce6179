// The page's keys. Single letters act only outside text fields (a "t" typed into quick add is a
// "t"); Escape always works: it leaves the field, clears the search, or drops the focus.
export type KeyAction =
  | { readonly type: 'move'; readonly delta: 1 | -1 }
  | { readonly type: 'step'; readonly direction: 1 | -1 }
  | { readonly type: 'today' }
  | { readonly type: 'new' }
  | { readonly type: 'search' }
  | { readonly type: 'escape' }
  /** The browser's own End (it scrolls to the end): the page first puts in every entry. */
  | { readonly type: 'end' }
  | { readonly type: 'view'; readonly view: 'agenda' | 'day' | 'week' };

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  /** The focus is in an input, textarea, select or contenteditable. */
  readonly inField: boolean;
  /** The focus is on a control whose arrow keys are its own (a radio group: the view switch,
   * quick add's target), so arrows move its choice, not the page. */
  readonly arrowsTaken?: boolean;
}

const KEYS: Readonly<Record<string, KeyAction>> = {
  j: { type: 'move', delta: 1 },
  ArrowDown: { type: 'move', delta: 1 },
  k: { type: 'move', delta: -1 },
  ArrowUp: { type: 'move', delta: -1 },
  ArrowRight: { type: 'step', direction: 1 },
  ArrowLeft: { type: 'step', direction: -1 },
  t: { type: 'today' },
  n: { type: 'new' },
  '/': { type: 'search' },
  a: { type: 'view', view: 'agenda' },
  d: { type: 'view', view: 'day' },
  w: { type: 'view', view: 'week' },
  End: { type: 'end' },
};

export function keyAction(input: KeyInput): KeyAction | undefined {
  if (input.key === 'Escape') return { type: 'escape' };
  // Browser and OS shortcuts (Ctrl+T, Cmd+N, Alt+←) stay theirs.
  if (input.inField || input.ctrlKey || input.metaKey || input.altKey) return undefined;
  if (input.arrowsTaken && input.key.startsWith('Arrow')) return undefined;
  return KEYS[input.key];
}

/** The next item index for a move, staying inside the list; -1 when there is nothing. */
export function moveIndex(current: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + delta));
}
