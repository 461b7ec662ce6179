// PKCE (RFC 7636) for the launchWebAuthFlow sign-in: a fresh verifier per attempt and its S256
// challenge, so an intercepted authorization code is useless without the verifier.

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** RFC 7636 §4.1: 43–128 unreserved characters; 32 random bytes give 43. */
export function createVerifier(getRandomValues: (a: Uint8Array) => Uint8Array): string {
  return base64url(getRandomValues(new Uint8Array(32)));
}

/** RFC 7636 §4.2: BASE64URL(SHA256(verifier)). */
export async function s256Challenge(verifier: string, subtle: SubtleCrypto): Promise<string> {
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}
