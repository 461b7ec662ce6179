// The options forms' draft (ui/options/draft-form.ts): settings saved elsewhere — another section,
// another tab — reach the fields the user has not touched, and never the ones they are editing.
import { describe, expect, it } from 'vitest';
import {
  commitDraft,
  type Draft,
  draftValues,
  editDraft,
  storedChanged,
} from '../../extension/ui/options/draft-form';

type Form = { poll: string; backDays: string };
const stored = (poll: string, backDays = '30'): Form => ({ poll, backDays });
const clean: Draft<Form> = { edits: {}, held: {} };

describe('a settings form draft', () => {
  it('shows the stored values until the user edits', () => {
    expect(draftValues(stored('15'), clean)).toEqual({ poll: '15', backDays: '30' });
  });

  it('keeps an edited field through a save elsewhere, and follows the store in the others', () => {
    const typed = editDraft(clean, { poll: '5' });
    // "Show completed tasks" saved: the settings object is new, the poll field is the user's.
    const after = storedChanged(typed);
    expect(draftValues(stored('15', '60'), after)).toEqual({ poll: '5', backDays: '60' });
  });

  it('after its own save, follows the store again', () => {
    const typed = editDraft(clean, { poll: '5' });
    // The reply came before the page re-read the settings: the saved value is held, not reverted.
    const saved = commitDraft(typed, stored('15'), { poll: '5', backDays: '30' });
    expect(draftValues(stored('15'), saved)).toEqual({ poll: '5', backDays: '30' });
    // The store catches up; from then on, another tab's change shows.
    const caughtUp = storedChanged(saved);
    expect(draftValues(stored('5'), caughtUp).poll).toBe('5');
    expect(draftValues(stored('20'), caughtUp).poll).toBe('20');
  });

  it('a save the store already holds holds nothing', () => {
    const typed = editDraft(clean, { poll: '5' });
    expect(commitDraft(typed, stored('5'), { poll: '5', backDays: '30' })).toEqual(clean);
  });

  it('an edit made while the save was on its way stays an edit', () => {
    const typed = editDraft(editDraft(clean, { poll: '5' }), { poll: '7' });
    const saved = commitDraft(typed, stored('5'), { poll: '5', backDays: '30' });
    expect(draftValues(stored('20'), storedChanged(saved)).poll).toBe('7');
  });
});
