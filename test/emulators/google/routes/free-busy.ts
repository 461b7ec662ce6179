import { z } from 'zod';
import { colorsResource } from '../calendars/colors';
import type { GoogleApp, GoogleDeps } from '../deps';
import { errors, GoogleApiError } from '../errors';
import { computeListing } from '../events/list-compute';
import { intervalOf } from '../events/snapshot-view';
import { readBody } from '../http/body';
import { json } from '../http/respond';
import { formatDateTime, formatTimestamp, isValidTimeZone, parseRfc3339 } from '../time';
import { userOf } from './context';

const freeBusyBody = z.object({
  timeMin: z.string(),
  timeMax: z.string(),
  timeZone: z.string().optional(),
  items: z.array(z.object({ id: z.string().min(1) })).max(50),
});

/** freeBusy.query (spec §5) and colors.get. */
export function freeBusyRoutes(app: GoogleApp, deps: GoogleDeps): void {
  const { state } = deps;

  app.post('/calendar/v3/freeBusy', async (c) => {
    c.set('endpoint', 'freeBusy.query');
    const body = await readBody(c, freeBusyBody);
    const timeMin = parseRfc3339(body.timeMin);
    const timeMax = parseRfc3339(body.timeMax);
    if (timeMin === undefined) throw errors.invalid('Bad Request', 'timeMin');
    if (timeMax === undefined) throw errors.invalid('Bad Request', 'timeMax');
    if (timeMax <= timeMin) throw errors.timeRangeEmpty('timeMax');
    // spec §5 names no fallback for a bad zone: refuse it rather than silently answer in UTC.
    if (body.timeZone !== undefined && !isValidTimeZone(body.timeZone))
      throw errors.invalid(`Invalid time zone: ${body.timeZone}`, 'timeZone');
    const zone = body.timeZone ?? 'UTC';
    const userId = userOf(c);
    // Keyed by client ids: prototype-less, so an id `__proto__` is just a key.
    const calendars: Record<string, unknown> = Object.create(null);
    for (const { id } of body.items) {
      try {
        const { calendar } = state.resolveCalendar(userId, id);
        const listed = computeListing(calendar, {
          seq: state.seq,
          singleEvents: true,
          showDeleted: false,
          timeMin,
          timeMax,
          horizonMs: timeMax,
          zone: calendar.meta.timeZone,
        });
        const self = state.user(userId).email;
        const spans = listed
          .map((l) => l.state.event)
          // Free time: transparent events, and events the user declined.
          .filter((e) => e.transparency !== 'transparent')
          .filter(
            (e) => !e.attendees?.some((a) => a.email === self && a.responseStatus === 'declined'),
          )
          .map((e) => intervalOf(e, calendar.meta.timeZone))
          .map(([s, t]): [number, number] => [Math.max(s, timeMin), Math.min(t, timeMax)])
          .sort((a, b) => a[0] - b[0]);
        const merged: [number, number][] = [];
        for (const span of spans) {
          const last = merged[merged.length - 1];
          if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
          else merged.push([...span]);
        }
        calendars[id] = {
          busy: merged.map(([s, t]) => ({
            start: formatDateTime(s, zone),
            end: formatDateTime(t, zone),
          })),
        };
      } catch (err) {
        if (!(err instanceof GoogleApiError)) throw err;
        calendars[id] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
      }
    }
    return json({
      kind: 'calendar#freeBusy',
      timeMin: formatDateTime(timeMin, zone),
      timeMax: formatDateTime(timeMax, zone),
      calendars,
    });
  });

  app.get('/calendar/v3/colors', (c) => {
    c.set('endpoint', 'colors.get');
    return json(colorsResource(formatTimestamp(0)));
  });
}
