import type { GoogleApp, GoogleDeps } from '../deps';
import { type RenderContext, renderFull } from '../events/event-render';
import { matchesIfNoneMatch, resolveEvent } from '../events/event-resolve';
import { listEvents } from '../events/list-events';
import { listInstances } from '../events/list-instances';
import { parseEventsListParams } from '../events/list-params';
import { json } from '../http/respond';
import { calendarTarget, zoneOf } from './context';

/** events.list, events.get, events.instances (spec §1, §3). */
export function eventsReadRoutes(app: GoogleApp, deps: GoogleDeps): void {
  app.get('/calendar/v3/calendars/:calendarId/events', (c) => {
    c.set('endpoint', 'events.list');
    const target = calendarTarget(deps, c);
    const params = parseEventsListParams(new URL(c.req.url));
    return json(listEvents(deps, target, params));
  });

  app.get('/calendar/v3/calendars/:calendarId/events/:eventId/instances', (c) => {
    c.set('endpoint', 'events.instances');
    const target = calendarTarget(deps, c);
    return json(listInstances(deps, target, c.req.param('eventId'), new URL(c.req.url)));
  });

  app.get('/calendar/v3/calendars/:calendarId/events/:eventId', (c) => {
    c.set('endpoint', 'events.get');
    const target = calendarTarget(deps, c);
    const resolved = resolveEvent(target.calendar, c.req.param('eventId'));
    // spec §3: If-None-Match with the current etag → 304 Not Modified.
    if (matchesIfNoneMatch(c.req.header('if-none-match'), resolved.state.event)) {
      return new Response(null, { status: 304, headers: { etag: resolved.state.event.etag } });
    }
    const ctx: RenderContext = { ...target, zone: zoneOf(c, target.calendar.meta.timeZone) };
    // spec §3: a deleted event still answers 200, with status cancelled.
    return json(renderFull(resolved.state, ctx), 200, resolved.state.event.etag);
  });
}
