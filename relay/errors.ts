// Every relay error answers `{ error, message }` (relayErrorSchema) with a stable `error` code
// the extension can branch on; the message is for people reading logs.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { relayErrorSchema } from '../shared/relay-protocol';

export type RelayErrorBody = z.infer<typeof relayErrorSchema>;

export const ERROR_CODES = {
  notFound: 'not_found',
  unknownSubscriber: 'unknown_subscriber',
  unauthorized: 'unauthorized',
  invalidBody: 'invalid_body',
  payloadTooLarge: 'payload_too_large',
  badSignature: 'bad_signature',
  invalidWebhook: 'invalid_webhook',
  invalidPushHeaders: 'invalid_push_headers',
  badChannelToken: 'bad_channel_token',
  tooManyLinks: 'too_many_links',
  tooManySubscribers: 'too_many_subscribers',
  misconfigured: 'relay_misconfigured',
  internal: 'internal',
} as const;
export type RelayErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Thrown by route helpers; app.ts's onError turns it into the JSON body. */
export class RelayHttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: RelayErrorCode;

  constructor(status: ContentfulStatusCode, code: RelayErrorCode, message: string) {
    super(message);
    this.name = 'RelayHttpError';
    this.status = status;
    this.code = code;
  }
}

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: RelayErrorCode,
  message: string,
): Response {
  const body: RelayErrorBody = { error: code, message };
  return c.json(body, status);
}
