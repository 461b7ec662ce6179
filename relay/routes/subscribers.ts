// The extension-facing routes (shared/relay-protocol.ts RELAY_ROUTES): create and delete a
// subscriber, link Todoist user ids, issue Google channel tokens, and the SSE events stream.
import type { Hono } from 'hono';
import {
  channelTokenRequestSchema,
  LAST_EVENT_ID,
  type SubscriberCreated,
  todoistLinkSchema,
} from '../../shared/relay-protocol';
import { hashSecret, newSubscriberCredentials, requireSecrets, requireSubscriber } from '../auth';
import { signChannelToken } from '../channel-token';
import { ERROR_CODES, RelayHttpError } from '../errors';
import type { RelayPorts } from '../ports';
import { readJsonBody } from '../request-body';
import { SSE_HEADERS } from '../sse';

// Route patterns for RELAY_ROUTES.subscribers / subscriber(id) / todoistLink(id) /
// channelTokens(id) / events(id); test/relay drives them through RELAY_ROUTES itself.
const BASE = '/v1/subscribers';

export function registerSubscriberRoutes(app: Hono, ports: RelayPorts): void {
  app.post(BASE, async (c) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const creds = newSubscriberCredentials(ports);
      const created = await ports.hub(creds.subscriberId).create(await hashSecret(creds.secret));
      if (created === 'created') {
        const body: SubscriberCreated = creds;
        // The secret is shown exactly once; nothing on the way may keep a copy.
        c.header('cache-control', 'no-store');
        return c.json(body, 201);
      }
    }
    throw new Error('three random subscriber ids in a row were taken');
  });

  app.delete(`${BASE}/:id`, async (c) => {
    const { subscriberId, hub } = await requireSubscriber(c, ports);
    const links = (await hub.destroy()) ?? [];
    await Promise.all(links.map((u) => ports.todoistDirectory.unlink(u, subscriberId)));
    return c.body(null, 204);
  });

  app.put(`${BASE}/:id/todoist`, async (c) => {
    const { subscriberId, hub } = await requireSubscriber(c, ports);
    const { userId } = await readJsonBody(c, todoistLinkSchema);
    const own = await hub.linkTodoist(userId);
    if (own === 'unknown') {
      throw new RelayHttpError(404, ERROR_CODES.unknownSubscriber, 'No such subscriber.');
    }
    if (own === 'limit') {
      throw new RelayHttpError(
        409,
        ERROR_CODES.tooManyLinks,
        'This subscriber already follows the most Todoist users it may; unlink one first.',
      );
    }
    if ((await ports.todoistDirectory.link(userId, subscriberId)) === 'limit') {
      await hub.unlinkTodoist(userId);
      throw new RelayHttpError(
        409,
        ERROR_CODES.tooManySubscribers,
        'Too many subscribers already follow this Todoist user.',
      );
    }
    return c.body(null, 204);
  });

  app.delete(`${BASE}/:id/todoist`, async (c) => {
    const { subscriberId, hub } = await requireSubscriber(c, ports);
    const { userId } = await readJsonBody(c, todoistLinkSchema);
    await hub.unlinkTodoist(userId);
    await ports.todoistDirectory.unlink(userId, subscriberId);
    return c.body(null, 204);
  });

  app.post(`${BASE}/:id/channel-tokens`, async (c) => {
    const secrets = requireSecrets(ports);
    const { subscriberId } = await requireSubscriber(c, ports);
    const { channelId } = await readJsonBody(c, channelTokenRequestSchema);
    const token = await signChannelToken(secrets.signingKey, subscriberId, channelId);
    return c.json({ token }, 200);
  });

  app.get(`${BASE}/:id/events`, async (c) => {
    const { hub } = await requireSubscriber(c, ports);
    // The header is what EventSource and our fetch client send; the query parameter serves
    // clients that cannot set headers on a reconnect.
    const lastEventId = c.req.header(LAST_EVENT_ID) ?? c.req.query('lastEventId') ?? null;
    const stream = await hub.open(lastEventId);
    if (stream === null) {
      throw new RelayHttpError(404, ERROR_CODES.unknownSubscriber, 'No such subscriber.');
    }
    return c.body(stream, 200, SSE_HEADERS);
  });
}
