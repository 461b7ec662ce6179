// A settings form as the user edits it. Settings change under the form (another section's Save,
// another tab, the background), and the form must follow those changes without wiping what the
// user is typing: a field the user edited keeps their value until it is saved or reset; every
// other field shows the stored value, read afresh on each render, so it never goes stale.
import { useCallback, useEffect, useRef, useState } from 'react';

export type FormValues = Record<string, string>;

export interface Draft<F extends FormValues> {
  /** The user's values for the fields they changed since the last save. */
  readonly edits: Partial<F>;
  /** Just-saved values, shown until the stored settings next change: the Save reply can arrive
   * before the page has re-read the settings, and the old value must not flash back meanwhile. */
  readonly held: Partial<F>;
}

/** What the form shows: the user's edits over the just-saved values over the stored ones. */
export function draftValues<F extends FormValues>(stored: F, draft: Draft<F>): F {
  return { ...stored, ...draft.held, ...draft.edits };
}

export function editDraft<F extends FormValues>(draft: Draft<F>, patch: Partial<F>): Draft<F> {
  return { ...draft, edits: { ...draft.edits, ...patch } };
}

/**
 * After a successful save of `submitted`: those values are no longer edits (one typed while the
 * save was on its way stays an edit). A saved value the store already holds needs no holding; any
 * other is held until the store's next change brings it.
 */
export function commitDraft<F extends FormValues>(
  draft: Draft<F>,
  stored: F,
  submitted: F,
): Draft<F> {
  const edits: Partial<F> = {};
  const held: Partial<F> = {};
  for (const key of Object.keys(submitted) as (keyof F)[]) {
    const edit = draft.edits[key];
    if (edit !== undefined && edit !== submitted[key]) edits[key] = edit;
    if (submitted[key] !== stored[key]) held[key] = submitted[key];
  }
  return { edits, held };
}

/** The stored settings changed: they now carry any save that was held. */
export function storedChanged<F extends FormValues>(draft: Draft<F>): Draft<F> {
  return Object.keys(draft.held).length === 0 ? draft : { ...draft, held: {} };
}

/** The hook over the functions above. `stored` is recomputed from the settings on each render. */
export function useDraftForm<F extends FormValues>(stored: F) {
  const [draft, setDraft] = useState<Draft<F>>(() => ({ edits: {}, held: {} }));
  const latest = useRef(stored);
  latest.current = stored;
  // Compared by content: the settings object is a new one on every read.
  const storedKey = JSON.stringify(stored);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the stored values change.
  useEffect(() => setDraft(storedChanged), [storedKey]);
  return {
    values: draftValues(stored, draft),
    set: useCallback((patch: Partial<F>) => setDraft((d) => editDraft(d, patch)), []),
    /** Call after `submitted` was saved (for a reset, the values it saved). */
    commit: useCallback(
      (submitted: F) => setDraft((d) => commitDraft(d, latest.current, submitted)),
      [],
    ),
  };
}
