import { z } from 'zod';
import { resourceIdFor } from '../calendars/calendar-store';
import type { GoogleApp, GoogleDeps } from '../deps';
import { readBody } from '../http/body';
import { json, noContent, originOf } from '../http/respond';
import { type Channel, watchBodySchema } from '../push/channels';
import { calendarTarget, userOf } from './context';

function channelJson(ch: Channel): Record<string, unknown> {
  return {
    kind: 'api#channel',
    id: ch.id,
    resourceId: ch.resourceId,
    resourceUri: ch.resourceUri,
    ...(ch.token === undefined ? {} : { token: ch.token }),
    // spec §4: expiration comes back as a string of epoch milliseconds.
    expiration: String(ch.expiration),
  };
}

/** events.watch, calendarList.watch, channels.stop (spec §4). */
export function channelRoutes(app: GoogleApp, deps: GoogleDeps): void {
  app.post('/calendar/v3/calendars/:calendarId/events/watch', async (c) => {
    c.set('endpoint', 'events.watch');
    const { calendar } = calendarTarget(deps, c);
    const body = await readBody(c, watchBodySchema);
    const requested = c.req.param('calendarId');
    const channel = deps.channels.watch(
      userOf(c),
      { kind: 'events', calendarId: calendar.id },
      body,
      {
        id: calendar.resourceId,
        uri: `${originOf(c)}/calendar/v3/calendars/${encodeURIComponent(requested)}/events?alt=json`,
      },
    );
    return json(channelJson(channel));
  });

  app.post('/calendar/v3/users/me/calendarList/watch', async (c) => {
    c.set('endpoint', 'calendarList.watch');
    const userId = userOf(c);
    const body = await readBody(c, watchBodySchema);
    const channel = deps.channels.watch(userId, { kind: 'calendarList', userId }, body, {
      id: resourceIdFor(`calendarList:${userId}`),
      uri: `${originOf(c)}/calendar/v3/users/me/calendarList?alt=json`,
    });
    return json(channelJson(channel));
  });

  app.post('/calendar/v3/channels/stop', async (c) => {
    c.set('endpoint', 'channels.stop');
    // spec §4: the body is `{id, resourceId}` — both, so a client cannot stop a channel
    // without the resourceId it was given.
    const body = await readBody(
      c,
      z.object({ id: z.string().min(1), resourceId: z.string().min(1) }),
    );
    deps.channels.stop(userOf(c), body.id, body.resourceId);
    return noContent();
  });
}
