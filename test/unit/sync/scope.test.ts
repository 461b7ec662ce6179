import { describe, expect, it } from 'vitest';
import {
  calendarKey,
  calendarListScope,
  calendarScope,
  parseScope,
  providerKey,
} from '../../../extension/sync/scope';

describe('scope ids', () => {
  it('round-trips a calendar list scope', () => {
    const scope = calendarListScope('me');
    expect(scope.id).toBe('google:calendar-list:me');
    expect(parseScope(scope.id)).toEqual(scope);
    expect(providerKey(scope)).toBe('google:calendar-list');
  });

  it('round-trips a calendar scope whose id contains colons and @', () => {
    const scope = calendarScope('me', 'team:x@group.calendar.google.com');
    expect(scope.id).toBe('google:calendar:me:team:x@group.calendar.google.com');
    expect(scope.calendarKey).toBe(calendarKey('me', 'team:x@group.calendar.google.com'));
    expect(parseScope(scope.id)).toEqual(scope);
    expect(providerKey(scope)).toBe('google:calendar');
  });

  it('rejects source ids that would make keys ambiguous, and unknown scopes', () => {
    expect(() => calendarScope('a:b', 'primary')).toThrow(/invalid source id/);
    expect(() => calendarListScope('')).toThrow(/invalid source id/);
    expect(() => parseScope('notion:database:me')).toThrow(/unknown scope/);
  });
});
