// A Google watch-channel message (google spec §4): an empty-body POST whose headers are the
// whole message. We keep the ids, the state and the message number; X-Goog-Resource-URI is
// deliberately dropped — it names the calendar (often the owner's e-mail address) and the
// client already knows which calendar a channel id watches.
import { z } from 'zod';
import { channelTokenRequestSchema, type GoogleNotification } from '../shared/relay-protocol';

const pushHeadersSchema = z.object({
  'x-goog-channel-id': channelTokenRequestSchema.shape.channelId,
  'x-goog-message-number': z
    .string()
    .regex(/^\d{1,15}$/, 'a message number')
    .transform(Number),
  'x-goog-resource-id': z.string().min(1).max(256),
  'x-goog-resource-state': z.enum(['sync', 'exists', 'not_exists']),
  'x-goog-channel-expiration': z.string().min(1).max(64).optional(),
});

export type GooglePush =
  | { ok: true; channelId: string; message: Omit<GoogleNotification, 'receivedAt'> }
  | { ok: false; message: string };

export function parseGooglePush(headers: Headers): GooglePush {
  const parsed = pushHeadersSchema.safeParse({
    'x-goog-channel-id': headers.get('x-goog-channel-id') ?? undefined,
    'x-goog-message-number': headers.get('x-goog-message-number') ?? undefined,
    'x-goog-resource-id': headers.get('x-goog-resource-id') ?? undefined,
    'x-goog-resource-state': headers.get('x-goog-resource-state') ?? undefined,
    'x-goog-channel-expiration': headers.get('x-goog-channel-expiration') ?? undefined,
  });
  if (!parsed.success) return { ok: false, message: z.prettifyError(parsed.error) };
  const h = parsed.data;
  return {
    ok: true,
    channelId: h['x-goog-channel-id'],
    message: {
      provider: 'google',
      channelId: h['x-goog-channel-id'],
      resourceId: h['x-goog-resource-id'],
      resourceState: h['x-goog-resource-state'],
      messageNumber: h['x-goog-message-number'],
      ...(h['x-goog-channel-expiration'] === undefined
        ? {}
        : { channelExpiration: h['x-goog-channel-expiration'] }),
    },
  };
}
