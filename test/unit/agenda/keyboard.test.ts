import { describe, expect, it } from 'vitest';
import { keyAction, moveIndex } from '../../../extension/ui/agenda/keyboard';

const key = (k: string, extra: Partial<Parameters<typeof keyAction>[0]> = {}) =>
  keyAction({ key: k, inField: false, ...extra });

describe('keyboard', () => {
  it('maps the page keys', () => {
    expect(key('j')).toEqual({ type: 'move', delta: 1 });
    expect(key('ArrowDown')).toEqual({ type: 'move', delta: 1 });
    expect(key('k')).toEqual({ type: 'move', delta: -1 });
    expect(key('ArrowUp')).toEqual({ type: 'move', delta: -1 });
    expect(key('ArrowRight')).toEqual({ type: 'step', direction: 1 });
    expect(key('t')).toEqual({ type: 'today' });
    expect(key('n')).toEqual({ type: 'new' });
    expect(key('/')).toEqual({ type: 'search' });
    expect(key('w')).toEqual({ type: 'view', view: 'week' });
    expect(key('Escape')).toEqual({ type: 'escape' });
    expect(key('End')).toEqual({ type: 'end' });
    expect(key('x')).toBeUndefined();
  });

  it('leaves typing in a field alone, except Escape', () => {
    expect(key('t', { inField: true })).toBeUndefined();
    expect(key('/', { inField: true })).toBeUndefined();
    expect(key('End', { inField: true })).toBeUndefined(); // the caret's own End
    expect(key('Escape', { inField: true })).toEqual({ type: 'escape' });
  });

  it('leaves browser shortcuts alone', () => {
    expect(key('t', { ctrlKey: true })).toBeUndefined();
    expect(key('n', { metaKey: true })).toBeUndefined();
    expect(key('ArrowLeft', { altKey: true })).toBeUndefined();
  });

  it('leaves the arrows to a radio group (the view switch), and the letters to the page', () => {
    for (const arrow of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']) {
      expect(key(arrow, { arrowsTaken: true })).toBeUndefined();
    }
    expect(key('j', { arrowsTaken: true })).toEqual({ type: 'move', delta: 1 });
  });

  it('moves within the list and stops at its ends', () => {
    expect(moveIndex(-1, 1, 3)).toBe(0);
    expect(moveIndex(-1, -1, 3)).toBe(2);
    expect(moveIndex(0, -1, 3)).toBe(0);
    expect(moveIndex(1, 1, 3)).toBe(2);
    expect(moveIndex(2, 1, 3)).toBe(2);
    expect(moveIndex(0, 1, 0)).toBe(-1);
  });
});
