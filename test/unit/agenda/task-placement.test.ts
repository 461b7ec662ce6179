import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../../extension/store/records';
import { projectTask } from '../../../extension/store/task-projection';
import { isOverdue, placeDueFor, toAgendaTask } from '../../../extension/ui/agenda/task-placement';
import { task } from './fixtures';

/** A stored task as the new tab gets it: its agenda row (none: not shown), then placed. */
const show = (stored: TaskRecord, zone: string) => {
  const row = projectTask(stored);
  return row && toAgendaTask(row, zone);
};

const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';

describe('a Todoist task as the agenda places it', () => {
  it('keeps an all-day due date on its date in every zone', () => {
    const row = task('Pay rent', '2026-11-23', {}, 'Pacific/Kiritimati');
    for (const zone of [LA, BERLIN, 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const placed = show(row, zone);
      expect(placed).toMatchObject({ date: '2026-11-23' });
      expect(placed?.startMs).toBeUndefined();
    }
  });

  it('shows a floating time at that wall time wherever the viewer is', () => {
    const row = task('Groceries', '2026-11-23T18:00:00', {}, 'America/New_York');
    const inLa = show(row, LA);
    expect(inLa?.date).toBe('2026-11-23');
    expect(inLa?.startMs).toBe(Date.parse('2026-11-23T18:00:00-08:00'));
    expect(show(row, BERLIN)?.startMs).toBe(Date.parse('2026-11-23T18:00:00+01:00'));
  });

  it('moves a fixed-instant due into the viewer’s day', () => {
    expect(placeDueFor('2026-11-23T23:30:00Z', BERLIN)).toEqual({
      allDay: false,
      date: '2026-11-24',
      startMs: Date.parse('2026-11-23T23:30:00Z'),
    });
    expect(placeDueFor('2026-11-23T23:30:00Z', LA)?.date).toBe('2026-11-23');
  });

  it('places a floating time inside a DST gap at the time that exists', () => {
    const placed = placeDueFor('2027-03-14T02:30:00', LA);
    expect(placed).toMatchObject({ date: '2027-03-14' });
    expect(placed && 'startMs' in placed ? placed.startMs : 0).toBe(
      Date.parse('2027-03-14T03:30:00-07:00'),
    );
  });

  it('leaves out tasks without a usable due date', () => {
    expect(show(task('Someday', undefined), LA)).toBeUndefined();
    const words = task('Draft', undefined, { due: { string: 'tomorrow 5pm', isRecurring: false } });
    expect(show(words, LA)).toBeUndefined();
    expect(placeDueFor('next tuesday', LA)).toBeUndefined();
  });

  it('reads the duration and links only tasks Todoist knows', () => {
    const timed = task('Write doc', '2026-11-24T10:00:00', {
      raw: { id: 'x', duration: { amount: 90, unit: 'minute' } },
      id: '6X7rM8997g3RQmvh',
    });
    expect(show(timed, LA)).toMatchObject({
      durationMs: 90 * 60_000,
      link: 'https://app.todoist.com/app/task/6X7rM8997g3RQmvh',
    });
    const local = task('New one', '2026-11-24', { raw: undefined, pending: ['op1'] });
    const placed = show(local, LA);
    expect(placed?.link).toBeUndefined();
    expect(placed?.pending).toBe(true);
  });

  it('shows each label once', () => {
    const row = task('Errands', '2026-11-24', { labels: ['errand', 'home', 'errand'] });
    expect(show(row, LA)?.labels).toEqual(['errand', 'home']);
  });

  it('calls a task overdue the way Todoist does', () => {
    const now = Date.parse('2026-11-23T12:00:00-08:00');
    const place = (due: string, extra = {}) => show(task('x', due, extra), LA)!;
    expect(isOverdue(place('2026-11-22'), '2026-11-23', now)).toBe(true);
    expect(isOverdue(place('2026-11-23'), '2026-11-23', now)).toBe(false);
    expect(isOverdue(place('2026-11-23T09:00:00'), '2026-11-23', now)).toBe(true);
    expect(isOverdue(place('2026-11-23T13:00:00'), '2026-11-23', now)).toBe(false);
    expect(isOverdue(place('2026-11-20', { checked: true }), '2026-11-23', now)).toBe(false);
  });
});
