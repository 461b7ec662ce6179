import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/common/clock';
import { createGoogleEmulator } from '../../../emulators/google';
import { enc, listAll, setup } from './helpers';

type Item = {
  id: string;
  summary?: string;
  status: string;
  recurringEventId?: string;
  start: { dateTime?: string; date?: string; timeZone?: string };
  end: { date?: string };
  attendees?: { email: string; responseStatus: string; self?: boolean }[];
};

// Window: the current week (Mon 2025-03-03) ± 3 days, in New York.
const WINDOW = 'timeMin=2025-02-28T05:00:00Z&timeMax=2025-03-13T04:00:00Z';

async function weekOf(h: ReturnType<typeof setup>, calendarId: string): Promise<Item[]> {
  return (await listAll(h, `/calendars/${enc(calendarId)}/events?singleEvents=true&${WINDOW}`))
    .items as Item[];
}

describe('demo seed', () => {
  it('demo has Work (primary owner), Personal (owner), Family (writer), Holidays (reader)', async () => {
    const h = setup({ seed: 'demo' });
    const items = (await h.api('GET', '/users/me/calendarList')).body.items as {
      summary: string;
      accessRole: string;
      primary?: boolean;
      timeZone: string;
    }[];
    const bySummary = Object.fromEntries(items.map((e) => [e.summary, e]));
    expect(bySummary.Work).toMatchObject({
      accessRole: 'owner',
      primary: true,
      timeZone: 'America/New_York',
    });
    expect(bySummary.Personal?.accessRole).toBe('owner');
    expect(bySummary.Family?.accessRole).toBe('writer');
    expect(bySummary.Holidays?.accessRole).toBe('reader');
    const alex = (await h.as('alex')('GET', '/users/me/calendarList')).body.items.map(
      (e: { summary: string }) => e.summary,
    );
    expect(alex.sort()).toEqual(['Alex Rivera', 'Family', 'Holidays']);
  });

  it('about 30–40 events over the current week ± a few days', async () => {
    const h = setup({ seed: 'demo' });
    let total = 0;
    for (const id of Object.values(h.g.calendarIds).filter((id) => id !== 'alex@example.com')) {
      total += (await weekOf(h, id)).length;
    }
    expect(total).toBeGreaterThanOrEqual(30);
    expect(total).toBeLessThanOrEqual(40);
  });

  it('a weekday 09:30 Europe/Berlin standup with one cancelled and one modified instance', async () => {
    const h = setup({ seed: 'demo' });
    const work = await weekOf(h, 'demo@example.com');
    const standups = work.filter((i) => i.summary?.startsWith('Team standup'));
    expect(standups.every((i) => i.start.timeZone === 'Europe/Berlin')).toBe(true);
    const days = standups.map((i) => i.start.dateTime?.slice(0, 10));
    // Wednesday this week is cancelled; no weekend instances.
    expect(days).not.toContain('2025-03-05');
    expect(days).not.toContain('2025-03-08');
    const moved = standups.find((i) => i.summary === 'Team standup (moved)');
    expect(moved?.start.dateTime).toBe('2025-03-06T04:00:00-05:00'); // 10:00 Berlin
    const regular = standups.find((i) => i.start.dateTime?.startsWith('2025-03-04'));
    expect(regular?.start.dateTime).toBe('2025-03-04T03:30:00-05:00'); // 09:30 Berlin
    const all = (
      await listAll(h, `/calendars/primary/events?singleEvents=true&showDeleted=true&${WINDOW}`)
    ).items as Item[];
    expect(all.filter((i) => i.status === 'cancelled')).toEqual([
      expect.objectContaining({ recurringEventId: moved?.recurringEventId }),
    ]);
  });

  it('one declined meeting, a three-day all-day trip, a family dinner', async () => {
    const h = setup({ seed: 'demo' });
    const work = await weekOf(h, 'demo@example.com');
    const declined = work.filter((i) =>
      i.attendees?.some((a) => a.self && a.responseStatus === 'declined'),
    );
    expect(declined.map((i) => i.summary)).toEqual(['Quarterly planning']);
    const personal = await weekOf(h, h.g.calendarIds.personal);
    const trip = personal.find((i) => i.summary === 'Trip to Lisbon');
    expect(trip?.start).toEqual({ date: '2025-03-07' });
    expect(trip?.end).toEqual({ date: '2025-03-10' });
    const family = await weekOf(h, h.g.calendarIds.family);
    expect(family.map((i) => i.summary)).toContain('Family dinner');
  });

  it('deterministic given the clock: same ids and content on every build and reset', async () => {
    const clock = new ManualClock(Date.parse('2025-06-10T12:00:00Z'));
    const a = createGoogleEmulator({ clock, seed: 'demo' });
    const b = createGoogleEmulator({ clock, seed: 'demo' });
    const window = { timeMin: '2025-06-01T00:00:00Z', timeMax: '2025-06-30T00:00:00Z' };
    const snapA = a.snapshot('demo', 'primary', window);
    expect(snapA.length).toBeGreaterThan(10);
    expect(b.snapshot('demo', 'primary', window)).toEqual(snapA);
    a.reset('demo');
    expect(a.snapshot('demo', 'primary', window)).toEqual(snapA);
  });

  it('the empty seed has the calendars but no events', async () => {
    const h = setup({ seed: 'empty' });
    for (const id of Object.values(h.g.calendarIds).filter((id) => id !== 'alex@example.com')) {
      expect(await weekOf(h, id)).toEqual([]);
    }
  });
});

describe('snapshot (truth for convergence checks)', () => {
  it('equals the API listing with singleEvents=true inside the window', async () => {
    const h = setup({ seed: 'demo' });
    const listed = (await weekOf(h, 'demo@example.com')).sort((x, y) => (x.id < y.id ? -1 : 1));
    const snap = h.g
      .snapshot('demo', 'primary', {
        timeMin: '2025-02-28T05:00:00Z',
        timeMax: '2025-03-13T04:00:00Z',
      })
      .sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(snap).toEqual(listed);
  });

  it('is sorted by start and excludes cancelled items', async () => {
    const h = setup({ seed: 'demo' });
    const snap = h.g.snapshot('demo', h.g.calendarIds.personal, {
      timeMin: Date.parse('2025-03-01T00:00:00Z'),
    });
    const starts = snap.map((e) => {
      const s = e.start as { date?: string; dateTime?: string };
      return Date.parse(s.dateTime ?? `${s.date}T05:00:00Z`);
    });
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(snap.every((e) => e.status !== 'cancelled')).toBe(true);
  });
});
