// The provider-facing routes: Todoist's webhook callback and Google's watch-channel address.
import type { Hono } from 'hono';
import { z } from 'zod';
import type { GoogleNotification, TodoistNotification } from '../../shared/relay-protocol';
import { requireSecrets } from '../auth';
import { sha256Hex } from '../bytes';
import { verifyChannelToken } from '../channel-token';
import { ERROR_CODES, RelayHttpError } from '../errors';
import { parseGooglePush } from '../google-push';
import type { RelayPorts } from '../ports';
import { verifyTodoistSignature } from '../todoist-signature';
import { reduceTodoistWebhook, todoistWebhookSchema } from '../todoist-webhook';

const deliveryIdSchema = z.string().min(1).max(128);

export function registerHookRoutes(app: Hono, ports: RelayPorts): void {
  app.post('/hooks/todoist', async (c) => {
    const secrets = requireSecrets(ports);
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const signature = c.req.header('x-todoist-hmac-sha256');
    const secretsToTry = [secrets.todoistClientSecret, secrets.previousTodoistClientSecret];
    if (
      signature === undefined ||
      !(await verifyTodoistSignature(
        secretsToTry.filter((s) => s !== undefined),
        raw,
        signature,
      ))
    ) {
      throw new RelayHttpError(
        401,
        ERROR_CODES.badSignature,
        'X-Todoist-Hmac-SHA256 is missing or does not match the body.',
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      throw new RelayHttpError(400, ERROR_CODES.invalidWebhook, 'The webhook body is not JSON.');
    }
    const parsed = todoistWebhookSchema.safeParse(json);
    if (!parsed.success) {
      throw new RelayHttpError(400, ERROR_CODES.invalidWebhook, z.prettifyError(parsed.error));
    }
    // spec §7: a redelivery carries the same X-Todoist-Delivery-ID. Todoist always sends one;
    // should it not, the body's hash still makes identical redeliveries collapse.
    const header = deliveryIdSchema.safeParse(c.req.header('x-todoist-delivery-id'));
    const deliveryId = header.success ? header.data : `sha256:${await sha256Hex(raw)}`;
    const notification: TodoistNotification = reduceTodoistWebhook(
      parsed.data,
      deliveryId,
      ports.now(),
    );
    const subscribers = await ports.todoistDirectory.subscribers(notification.userId);
    await Promise.all(
      subscribers.map(async (id) => {
        const result = await ports.hub(id).append(`todoist:${deliveryId}`, notification);
        // A link left behind by a subscriber that is gone: heal the directory.
        if (result.status === 'unknown') {
          await ports.todoistDirectory.unlink(notification.userId, id);
        }
      }),
    );
    // 200 even when nobody follows this user: anything else makes Todoist retry (spec §7). A
    // failing hub throws above → 500 → Todoist redelivers, and the hubs that did log it dedupe.
    return c.json({ ok: true }, 200);
  });

  app.post('/hooks/google', async (c) => {
    const secrets = requireSecrets(ports);
    const push = parseGooglePushOrThrow(c.req.raw.headers);
    // A channel the relay did not issue a token for, or a token issued for another channel id:
    // 401, logged nowhere. Google retries only 500/502/503/504 (spec §4), so a 4xx costs one
    // request and says truthfully that the message was refused; a 2xx would hide a
    // misconfigured channel and a 5xx would invite retries of something that can never succeed.
    const token = c.req.header('x-goog-channel-token');
    const keys = [secrets.signingKey, secrets.previousSigningKey].filter((k) => k !== undefined);
    const subscriberId =
      token === undefined ? null : await verifyChannelToken(keys, token, push.channelId);
    if (subscriberId === null) {
      throw new RelayHttpError(
        401,
        ERROR_CODES.badChannelToken,
        'X-Goog-Channel-Token is missing or was not issued for this channel.',
      );
    }
    const notification: GoogleNotification = { ...push.message, receivedAt: ports.now() };
    const key = `google:${push.channelId}:${push.message.messageNumber}`;
    const result = await ports.hub(subscriberId).append(key, notification);
    if (result.status === 'unknown') {
      // The subscriber was deleted; its channels run until they expire (≤ 7 days) or the
      // extension stops them — only the channel's creator can (spec §4).
      throw new RelayHttpError(404, ERROR_CODES.unknownSubscriber, 'No such subscriber.');
    }
    return c.json({ ok: true }, 200);
  });
}

function parseGooglePushOrThrow(headers: Headers) {
  const push = parseGooglePush(headers);
  if (!push.ok) {
    throw new RelayHttpError(
      400,
      ERROR_CODES.invalidPushHeaders,
      `Not a Google watch-channel message: ${push.message}`,
    );
  }
  return push;
}
