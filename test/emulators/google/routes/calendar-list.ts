import type { Context } from 'hono';
import { z } from 'zod';
import type { EmulatorEnv } from '../../common/env';
import { grantAccess, renderEntry, updateEntry } from '../calendars/calendar-store';
import { calendarColor } from '../calendars/colors';
import { listCalendarList } from '../calendars/list-calendar-list';
import type { GoogleApp, GoogleDeps } from '../deps';
import { errors } from '../errors';
import { readBody } from '../http/body';
import { json, noContent } from '../http/respond';
import type { CalendarListState } from '../state';
import { userOf } from './context';

const reminder = z.object({
  method: z.enum(['email', 'popup']),
  minutes: z.int().min(0).max(40320),
});
const entryBody = z.object({
  summaryOverride: z.string().nullish(),
  colorId: z
    .string()
    .regex(/^(?:[1-9]|1\d|2[0-4])$/)
    .nullish(),
  backgroundColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullish(),
  foregroundColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullish(),
  hidden: z.boolean().nullish(),
  selected: z.boolean().nullish(),
  defaultReminders: z.array(reminder).max(5).nullish(),
});
type EntryBody = z.infer<typeof entryBody>;

function changesOf(body: EntryBody, replace: boolean): Partial<CalendarListState> {
  const out: Partial<CalendarListState> = {};
  if (body.summaryOverride !== undefined || replace) {
    if (body.summaryOverride) out.summaryOverride = body.summaryOverride;
    else out.summaryOverride = undefined;
  }
  if (body.colorId) {
    const color = calendarColor(body.colorId);
    out.colorId = body.colorId;
    out.backgroundColor = color.background;
    out.foregroundColor = color.foreground;
  }
  if (body.backgroundColor) out.backgroundColor = body.backgroundColor;
  if (body.foregroundColor) out.foregroundColor = body.foregroundColor;
  if (body.hidden !== undefined || replace) out.hidden = body.hidden ?? false;
  if (body.selected !== undefined || replace) out.selected = body.selected ?? false;
  if (body.defaultReminders !== undefined || replace)
    out.defaultReminders = body.defaultReminders ?? [];
  return out;
}

/** calendarList.* (spec §5). */
export function calendarListRoutes(app: GoogleApp, deps: GoogleDeps): void {
  const { state } = deps;
  const base = '/calendar/v3/users/me/calendarList';

  const liveEntry = (userId: string, calendarIdParam: string) => {
    const id = calendarIdParam === 'primary' ? state.user(userId).email : calendarIdParam;
    const entry = state.calendarList(userId).get(id)?.latest;
    if (entry === undefined || entry.deleted) throw errors.notFound();
    return entry;
  };

  app.get(base, (c) => {
    c.set('endpoint', 'calendarList.list');
    return json(listCalendarList(state, deps.tokens, userOf(c), new URL(c.req.url)));
  });

  app.get(`${base}/:calendarId`, (c) => {
    c.set('endpoint', 'calendarList.get');
    const entry = liveEntry(userOf(c), c.req.param('calendarId'));
    return json(renderEntry(state, entry), 200, entry.etag);
  });

  // Re-subscribes to a calendar the user has a role on.
  app.post(base, async (c) => {
    c.set('endpoint', 'calendarList.insert');
    const body = await readBody(c, entryBody.extend({ id: z.string().min(1) }));
    const userId = userOf(c);
    const { calendar, role } = state.resolveCalendar(userId, body.id);
    const entry = state.commit((seq, touch) => {
      grantAccess(state, { seq, touch }, calendar, userId, role, {
        ...(body.colorId ? { colorId: body.colorId } : {}),
        ...(body.summaryOverride ? { summaryOverride: body.summaryOverride } : {}),
        ...(body.hidden ? { hidden: true } : {}),
      });
      return state.calendarList(userId).get(calendar.id)!.latest;
    });
    return json(renderEntry(state, entry), 200, entry.etag);
  });

  const write = (replace: boolean) => async (c: Context<EmulatorEnv>) => {
    c.set('endpoint', replace ? 'calendarList.update' : 'calendarList.patch');
    const userId = userOf(c);
    const current = liveEntry(userId, c.req.param('calendarId') ?? '');
    const body = await readBody(c, entryBody);
    const next = state.commit((seq, touch) =>
      updateEntry(state, { seq, touch }, userId, current.calendarId, changesOf(body, replace)),
    );
    return json(renderEntry(state, next), 200, next.etag);
  };
  app.patch(`${base}/:calendarId`, write(false));
  app.put(`${base}/:calendarId`, write(true));

  // Unsubscribes: the entry comes back as deleted in calendarList sync (spec §5).
  app.delete(`${base}/:calendarId`, (c) => {
    c.set('endpoint', 'calendarList.delete');
    const userId = userOf(c);
    const entry = liveEntry(userId, c.req.param('calendarId'));
    if (entry.primary)
      throw errors.invalid('The primary calendar cannot be removed from the list.');
    state.commit((seq, touch) =>
      updateEntry(state, { seq, touch }, userId, entry.calendarId, { deleted: true }),
    );
    return noContent();
  });
}
