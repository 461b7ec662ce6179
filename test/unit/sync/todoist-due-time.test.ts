// Todoist's due dates on the epoch axis (sync/todoist/due-time.ts), read exactly as the new tab
// reads them (ui/agenda/task-placement.ts): a task the sync gives an agenda row, the page places.
import { describe, expect, it } from 'vitest';
import { placeDue } from '../../../extension/sync/todoist/due-time';
import { placeDueFor } from '../../../extension/ui/agenda/task-placement';

const NY = 'America/New_York';

describe('a Todoist due date on the axis', () => {
  it('reads the three forms: a date, a floating time, an instant', () => {
    expect(placeDue('2026-11-23', NY)).toEqual({
      dueMs: Date.parse('2026-11-23T05:00:00Z'),
      allDay: true,
    });
    expect(placeDue('2026-11-23T10:00:00', NY)).toEqual({
      dueMs: Date.parse('2026-11-23T15:00:00Z'),
      allDay: false,
    });
    expect(placeDue('2026-11-23T15:00:00.000000Z', NY)).toEqual({
      dueMs: Date.parse('2026-11-23T15:00:00Z'),
      allDay: false,
    });
  });

  it('places an unknown account zone’s dates in UTC rather than dropping them', () => {
    expect(placeDue('2026-11-23', 'Etc/Unknown')).toEqual({
      dueMs: Date.parse('2026-11-23T00:00:00Z'),
      allDay: true,
    });
    expect(placeDue('2026-11-23T10:00:00', 'Mars/Olympus_Mons')?.dueMs).toBe(
      Date.parse('2026-11-23T10:00:00Z'),
    );
  });

  it('places exactly what the new tab can place, and nothing else', () => {
    const forms = [
      '2026-11-23',
      '2026-11-23T10:00',
      '2026-11-23T10:00:00',
      '2026-11-23T10:00:00Z',
      '2026-11-23T10:00:00+01:00',
      '2026-11-23 10:00',
      'Nov 23 2026',
      '2026-13-45',
      'tomorrow',
      '',
    ];
    const placed = forms.filter((f) => placeDue(f, NY) !== undefined);
    expect(placed).toEqual(forms.filter((f) => placeDueFor(f, NY) !== undefined));
    // Date.parse took these in the worker's own zone (or in words): no row the page can't place.
    expect(placed).not.toContain('2026-11-23 10:00');
    expect(placed).not.toContain('Nov 23 2026');
  });
});
