// Subscriber credentials: a random 128-bit id (public: it appears in URLs and channel tokens)
// and a random 256-bit secret the client presents as `Authorization: Bearer <secret>`. The
// relay stores only the secret's SHA-256 — a plain hash suffices because the secret is random
// and long, not a password a dictionary could guess.
import type { Context } from 'hono';
import { subscriberCreatedSchema } from '../shared/relay-protocol';
import { base64Url, sha256Hex } from './bytes';
import { ERROR_CODES, RelayHttpError } from './errors';
import type { HubPort, RelayPorts, RelaySecrets } from './ports';

const ID_BYTES = 16;
const SECRET_BYTES = 32;

export function newSubscriberCredentials(ports: Pick<RelayPorts, 'randomBytes'>): {
  subscriberId: string;
  secret: string;
} {
  const id = new Uint8Array(ID_BYTES);
  const secret = new Uint8Array(SECRET_BYTES);
  ports.randomBytes(id);
  ports.randomBytes(secret);
  return { subscriberId: base64Url(id), secret: base64Url(secret) };
}

export function hashSecret(secret: string): Promise<string> {
  return sha256Hex(secret);
}

/** The secret in `Authorization: Bearer <secret>`, or null when absent or malformed. */
export function bearerSecret(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+([A-Za-z0-9_\-.~+/=]{1,256})[ \t]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export function isSubscriberId(id: string): boolean {
  return subscriberCreatedSchema.shape.subscriberId.safeParse(id).success;
}

/** The route's subscriber, after checking the bearer secret: 404 unknown, 401 wrong secret. */
export async function requireSubscriber(
  c: Context,
  ports: RelayPorts,
): Promise<{ subscriberId: string; hub: HubPort }> {
  const subscriberId = c.req.param('id') ?? '';
  if (!isSubscriberId(subscriberId)) {
    throw new RelayHttpError(404, ERROR_CODES.unknownSubscriber, 'No such subscriber.');
  }
  const secret = bearerSecret(c.req.header('authorization'));
  if (secret === null) {
    throw new RelayHttpError(
      401,
      ERROR_CODES.unauthorized,
      'Send the subscriber secret as "Authorization: Bearer <secret>".',
    );
  }
  const hub = ports.hub(subscriberId);
  const result = await hub.authorize(await hashSecret(secret));
  if (result === 'unknown') {
    throw new RelayHttpError(404, ERROR_CODES.unknownSubscriber, 'No such subscriber.');
  }
  if (result === 'forbidden') {
    throw new RelayHttpError(401, ERROR_CODES.unauthorized, 'Wrong subscriber secret.');
  }
  return { subscriberId, hub };
}

/** The secrets, or a 503 naming the missing variables (a relay deployed without them). */
export function requireSecrets(ports: RelayPorts): RelaySecrets {
  const secrets = ports.secrets;
  if ('missing' in secrets) {
    throw new RelayHttpError(
      503,
      ERROR_CODES.misconfigured,
      `The relay is missing its secrets (${secrets.missing}); see docs/security.md.`,
    );
  }
  return secrets;
}
