import type { GoogleApp, GoogleDeps } from '../deps';
import { errors } from '../errors';
import { eventInputSchema } from '../events/event-input';
import { type RenderContext, renderFull } from '../events/event-render';
import {
  deleteEvent,
  insertEvent,
  patchEvent,
  updateEvent,
  type WriteTarget,
} from '../events/event-writes';
import type { ListTarget } from '../events/list-events';
import { parseQuickAdd } from '../events/quick-add';
import { readBody } from '../http/body';
import { json, noContent } from '../http/respond';
import { writableTarget, zoneOf } from './context';

/** events.insert / update / patch / delete / quickAdd (spec §3). */
export function eventsWriteRoutes(app: GoogleApp, deps: GoogleDeps): void {
  const writeTarget = (t: ListTarget): WriteTarget => ({
    state: deps.state,
    calendar: t.calendar,
    user: t.viewer,
  });
  const render = (t: ListTarget, zone: string) => (state: Parameters<typeof renderFull>[0]) =>
    renderFull(state, { ...t, zone } satisfies RenderContext);

  app.post('/calendar/v3/calendars/:calendarId/events/quickAdd', (c) => {
    c.set('endpoint', 'events.quickAdd');
    const t = writableTarget(deps, c);
    const text = c.req.query('text');
    if (text === undefined || text.trim() === '')
      throw errors.required('Required parameter: text', 'text');
    const input = parseQuickAdd(text, deps.state.now(), t.calendar.meta.timeZone);
    const event = insertEvent(writeTarget(t), input);
    return json(render(t, t.calendar.meta.timeZone)({ event, deleted: false }), 200, event.etag);
  });

  app.post('/calendar/v3/calendars/:calendarId/events', async (c) => {
    c.set('endpoint', 'events.insert');
    const t = writableTarget(deps, c);
    const input = await readBody(c, eventInputSchema);
    const event = insertEvent(writeTarget(t), input);
    return json(render(t, t.calendar.meta.timeZone)({ event, deleted: false }), 200, event.etag);
  });

  // spec §3: PUT (events.update) replaces the event, PATCH (events.patch) merges into it.
  app.on(['PUT', 'PATCH'], '/calendar/v3/calendars/:calendarId/events/:eventId', async (c) => {
    const put = c.req.method === 'PUT';
    c.set('endpoint', put ? 'events.update' : 'events.patch');
    const t = writableTarget(deps, c);
    const input = await readBody(c, eventInputSchema);
    const write = put ? updateEvent : patchEvent;
    const state = write(writeTarget(t), c.req.param('eventId'), input, c.req.header('if-match'));
    return json(render(t, zoneOf(c, t.calendar.meta.timeZone))(state), 200, state.event.etag);
  });

  app.delete('/calendar/v3/calendars/:calendarId/events/:eventId', (c) => {
    c.set('endpoint', 'events.delete');
    const t = writableTarget(deps, c);
    deleteEvent(writeTarget(t), c.req.param('eventId'), c.req.header('if-match'));
    return noContent();
  });
}
