import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFS,
  loadPrefs,
  PREFS_KEY,
  parsePrefs,
  savePrefs,
} from '../../../extension/ui/agenda/prefs';

/** A Map-backed Storage: a fake, not a mock. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    map,
  };
}

describe('agenda preferences', () => {
  it('defaults to dimming declined events, hiding completed tasks, the agenda view', () => {
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(DEFAULT_PREFS).toMatchObject({ declined: 'dim', view: 'agenda' });
  });

  it('keeps the fields that parse and defaults the rest', () => {
    expect(parsePrefs(JSON.stringify({ declined: 'hide', view: 'month', extra: 1 }))).toEqual({
      ...DEFAULT_PREFS,
      declined: 'hide',
    });
    expect(parsePrefs('{not json')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('"a string"')).toEqual(DEFAULT_PREFS);
  });

  it('saves and loads through storage', () => {
    const storage = memoryStorage();
    savePrefs(storage, { ...DEFAULT_PREFS, view: 'week', quickAddTarget: 'todoist' });
    expect(JSON.parse(storage.map.get(PREFS_KEY) ?? '{}')).toMatchObject({ view: 'week' });
    expect(loadPrefs(storage)).toMatchObject({ view: 'week', quickAddTarget: 'todoist' });
    expect(loadPrefs(undefined)).toEqual(DEFAULT_PREFS);
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadPrefs(broken)).toEqual(DEFAULT_PREFS);
    expect(() => savePrefs(broken, DEFAULT_PREFS)).not.toThrow();
  });
});
