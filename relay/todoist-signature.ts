// Todoist signs every webhook: `X-Todoist-Hmac-SHA256` = base64(HMAC-SHA256(raw body,
// client_secret)) (todoist spec §7). The MAC covers the raw bytes, so it is checked before the
// body is decoded or parsed — re-serialising parsed JSON would not reproduce them.
import { decodeBase64, hmacVerify } from './bytes';

/** True when `signature` is a valid MAC of `rawBody` under any of `clientSecrets`. */
export async function verifyTodoistSignature(
  clientSecrets: readonly string[],
  rawBody: Uint8Array<ArrayBuffer>,
  signature: string,
): Promise<boolean> {
  const mac = decodeBase64(signature.trim());
  // An HMAC-SHA256 is 32 bytes; anything else cannot match and is not worth a verify call.
  if (mac === null || mac.length !== 32) return false;
  for (const secret of clientSecrets) {
    if (await hmacVerify(secret, mac, rawBody)) return true;
  }
  return false;
}
