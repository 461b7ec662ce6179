// What "everyone else" does to the calendars between and during syncs: creates (single, all-day,
// recurring in two zones, some outside the sync window), edits, moves, deletes, cancels and edits
// single instances — all through the emulator's public API with another token of the same user.
import { CALENDAR_IDS } from '../emulators/google/index';
import { createRemote, type Remote } from '../engine/helpers/remote';
import type { Random } from './random';
import { USER, type World } from './world';

const DAY = 86_400_000;
const WRITABLE = [CALENDAR_IDS.work, CALENDAR_IDS.personal, CALENDAR_IDS.family] as const;
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo'] as const;

interface LiveEvent {
  id: string;
  summary: string;
  recurringEventId: string | undefined;
  timed: boolean;
}

export interface Churn {
  /** One random remote change; returns a short label for the run's trace. */
  step(): Promise<string>;
}

export function createChurn(world: World, random: Random): Churn {
  // A fresh token per change: the other device's tokens expire on the same clock as ours.
  let remote: Remote = createRemote(world.google, USER);
  let counter = 0;

  const localIso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  // The emulator's truth, narrowed to the fields the churn reads.
  const live = (calendarId: string): LiveEvent[] =>
    world.google
      .snapshot(USER, calendarId, {
        timeMin: world.clock.now() - 60 * DAY,
        timeMax: world.clock.now() + 420 * DAY,
      })
      .map((e) => ({
        id: e.id,
        summary: typeof e.summary === 'string' ? e.summary : '',
        recurringEventId: typeof e.recurringEventId === 'string' ? e.recurringEventId : undefined,
        timed: typeof (e.start as { dateTime?: unknown } | undefined)?.dateTime === 'string',
      }));
  // Anywhere from before the window's start to past its end: changes outside the window happen.
  const someTime = () =>
    Math.floor((world.clock.now() + random.int(-40, 400) * DAY) / 900_000) * 900_000;

  const actions: Array<[weight: number, run: (calendarId: string) => Promise<string>]> = [
    [
      4,
      async (cal) => {
        const at = random.chance(0.7) ? world.clock.now() + random.int(-2, 10) * DAY : someTime();
        const start = Math.floor(at / 900_000) * 900_000;
        await remote.insert(cal, {
          summary: `chaos ${++counter}`,
          start: { dateTime: new Date(start).toISOString() },
          end: { dateTime: new Date(start + random.int(1, 8) * 900_000).toISOString() },
        });
        return 'insert';
      },
    ],
    [
      1,
      async (cal) => {
        const day = new Date(someTime()).toISOString().slice(0, 10);
        const next = new Date(Date.parse(day) + random.int(1, 3) * DAY).toISOString().slice(0, 10);
        await remote.insert(cal, {
          summary: `all-day ${++counter}`,
          start: { date: day },
          end: { date: next },
        });
        return 'insert all-day';
      },
    ],
    [
      1,
      async (cal) => {
        const zone = random.pick(ZONES);
        const start = world.clock.now() + random.int(-5, 20) * DAY;
        const rule = random.pick([
          'RRULE:FREQ=DAILY;COUNT=12',
          'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=15',
          'RRULE:FREQ=DAILY;INTERVAL=2',
        ]);
        await remote.insert(cal, {
          summary: `series ${++counter}`,
          start: { dateTime: localIso(start), timeZone: zone },
          end: { dateTime: localIso(start + 1_800_000), timeZone: zone },
          recurrence: [rule],
        });
        return 'insert series';
      },
    ],
    [
      3,
      async (cal) => {
        const event = pickEvent(cal);
        if (!event) return 'noop';
        await remote.patch(cal, event.id, { summary: `${event.summary} ✎`.slice(-60) });
        return event.recurringEventId ? 'edit instance' : 'edit';
      },
    ],
    [
      2,
      async (cal) => {
        const event = pickEvent(cal);
        if (!event || event.recurringEventId || !event.timed) return 'noop';
        const start = someTime();
        await remote.patch(cal, event.id, {
          start: { dateTime: new Date(start).toISOString() },
          end: { dateTime: new Date(start + 3_600_000).toISOString() },
        });
        return 'move';
      },
    ],
    [
      2,
      async (cal) => {
        const event = pickEvent(cal);
        if (!event) return 'noop';
        // Deleting an instance's series removes every instance (the master's id).
        await remote.remove(cal, event.recurringEventId ?? event.id);
        return event.recurringEventId ? 'delete series' : 'delete';
      },
    ],
    [
      2,
      async (cal) => {
        const instance = live(cal).find((e) => e.recurringEventId && random.chance(0.3));
        if (!instance) return 'noop';
        await remote.patch(cal, instance.id, { status: 'cancelled' });
        return 'cancel instance';
      },
    ],
  ];

  function pickEvent(cal: string) {
    const events = live(cal);
    return events.length === 0 ? undefined : random.pick(events);
  }

  const total = actions.reduce((sum, [w]) => sum + w, 0);
  return {
    async step() {
      remote = createRemote(world.google, USER);
      let roll = random.next() * total;
      const cal = random.pick(WRITABLE);
      for (const [weight, run] of actions) {
        roll -= weight;
        if (roll < 0) return run(cal);
      }
      return 'noop';
    },
  };
}
