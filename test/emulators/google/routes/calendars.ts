import type { Context } from 'hono';
import { z } from 'zod';
import type { EmulatorEnv } from '../../common/env';
import { createCalendar, grantAccess, revokeAccess } from '../calendars/calendar-store';
import type { GoogleApp, GoogleDeps } from '../deps';
import { errors } from '../errors';
import { readBody } from '../http/body';
import { json, noContent } from '../http/respond';
import type { CalendarRecord } from '../state';
import { isValidTimeZone } from '../time';
import { calendarTarget, userOf } from './context';

const calendarBody = z.object({
  summary: z.string().min(1),
  description: z.string().nullish(),
  location: z.string().nullish(),
  timeZone: z.string().refine(isValidTimeZone, 'invalid time zone').nullish(),
});

export function renderCalendar(calendar: CalendarRecord): Record<string, unknown> {
  return {
    kind: 'calendar#calendar',
    etag: calendar.lastEtag,
    id: calendar.id,
    summary: calendar.meta.summary,
    ...(calendar.meta.description ? { description: calendar.meta.description } : {}),
    ...(calendar.meta.location ? { location: calendar.meta.location } : {}),
    timeZone: calendar.meta.timeZone,
    conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
  };
}

/** calendars.get / insert / update / patch / delete. */
export function calendarsRoutes(app: GoogleApp, deps: GoogleDeps): void {
  const { state } = deps;
  const base = '/calendar/v3/calendars';

  app.post(base, async (c) => {
    c.set('endpoint', 'calendars.insert');
    const body = await readBody(c, calendarBody);
    const userId = userOf(c);
    const user = state.user(userId);
    const calendar = state.commit((seq, touch) => {
      const id = `${state.prng.base32hex(26)}@group.calendar.google.com`;
      const cal = createCalendar(
        state,
        { seq, touch },
        {
          id,
          meta: {
            summary: body.summary,
            timeZone: body.timeZone ?? user.timeZone,
            ...(body.description ? { description: body.description } : {}),
            ...(body.location ? { location: body.location } : {}),
          },
        },
      );
      grantAccess(state, { seq, touch }, cal, userId, 'owner');
      return cal;
    });
    return json(renderCalendar(calendar), 200, calendar.lastEtag);
  });

  app.get(`${base}/:calendarId`, (c) => {
    c.set('endpoint', 'calendars.get');
    const { calendar } = calendarTarget(deps, c);
    return json(renderCalendar(calendar), 200, calendar.lastEtag);
  });

  const write = (replace: boolean) => async (c: Context<EmulatorEnv>) => {
    c.set('endpoint', replace ? 'calendars.update' : 'calendars.patch');
    const { calendar, role } = calendarTarget(deps, c);
    if (role !== 'owner') throw errors.forbidden();
    const body = await readBody(c, replace ? calendarBody : calendarBody.partial());
    state.commit((seq, touch) => {
      const meta = { ...calendar.meta };
      if (body.summary !== undefined) meta.summary = body.summary;
      for (const key of ['description', 'location', 'timeZone'] as const) {
        const v = body[key];
        if (v === null || (replace && v === undefined && key !== 'timeZone')) delete meta[key];
        else if (v !== undefined) meta[key] = v;
      }
      calendar.meta = meta;
      state.touchCalendar(calendar, touch);
      // Every subscriber's entry shows the new summary/zone: bump them for calendarList sync.
      for (const userId of calendar.acl.keys()) {
        const record = state.calendarList(userId).get(calendar.id);
        if (record !== undefined && !record.latest.deleted) {
          record.push(seq, { ...record.latest, etag: state.etags.next(state.now()) });
          touch({ kind: 'calendarList', userId });
        }
      }
    });
    return json(renderCalendar(calendar), 200, calendar.lastEtag);
  };
  app.put(`${base}/:calendarId`, write(true));
  app.patch(`${base}/:calendarId`, write(false));

  app.delete(`${base}/:calendarId`, (c) => {
    c.set('endpoint', 'calendars.delete');
    const { calendar, role } = calendarTarget(deps, c);
    if (calendar.primaryOf !== undefined) throw errors.cannotDeletePrimaryCalendar();
    if (role !== 'owner') throw errors.forbidden();
    state.commit((seq, touch) => {
      for (const userId of [...calendar.acl.keys()])
        revokeAccess(state, { seq, touch }, calendar, userId);
      calendar.deleted = true;
      state.touchCalendar(calendar, touch);
    });
    deps.tokens.expire({ calendarId: calendar.id });
    return noContent();
  });
}
