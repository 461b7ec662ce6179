// The `token` of a Google watch channel (google spec §4: ≤ 256 chars, echoed back in
// X-Goog-Channel-Token on every message). It names the subscriber the messages are for and is
// bound to ONE channel id, so a token copied from one channel cannot route another channel's
// messages; only the relay holds the key, so nobody else can mint one.
//
// Format: `v1.<subscriberId>.<base64url HMAC-SHA256(key, "v1\n<subscriberId>\n<channelId>")>`
// (≤ 3 + 64 + 43 + 2 = 112 chars). Subscriber ids are [A-Za-z0-9_-], so `.` cannot occur in them.
import { base64Url, decodeBase64, hmacSign, hmacVerify, utf8 } from './bytes';

const VERSION = 'v1';
const TOKEN_PATTERN = /^v1\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/;

function signedText(subscriberId: string, channelId: string): Uint8Array<ArrayBuffer> {
  return utf8(`${VERSION}\n${subscriberId}\n${channelId}`);
}

export async function signChannelToken(
  signingKey: string,
  subscriberId: string,
  channelId: string,
): Promise<string> {
  const mac = await hmacSign(signingKey, signedText(subscriberId, channelId));
  return `${VERSION}.${subscriberId}.${base64Url(mac)}`;
}

/**
 * The subscriber id a token was issued to, when it was signed with one of `signingKeys` (the
 * current key first, then the one being rotated out) for exactly `channelId`; otherwise null.
 */
export async function verifyChannelToken(
  signingKeys: readonly string[],
  token: string,
  channelId: string,
): Promise<string | null> {
  const match = TOKEN_PATTERN.exec(token);
  if (match === null) return null;
  const subscriberId = match[1]!;
  const mac = decodeBase64(match[2]!);
  if (mac === null) return null;
  const data = signedText(subscriberId, channelId);
  for (const key of signingKeys) {
    if (await hmacVerify(key, mac, data)) return subscriberId;
  }
  return null;
}
