// The engine's TokenPort against the emulator's OAuth: like chrome.identity, it caches one token
// and hands out a fresh one after invalidate(). `signedOut` models a user who must sign in again.
import type { TokenPort } from '../../../extension/sync/ports';
import type { GoogleEmulator } from '../../emulators/google/index';

export interface EmulatorTokens extends TokenPort {
  readonly issued: string[];
  readonly invalidated: string[];
  signedOut: boolean;
}

export function createEmulatorTokens(google: GoogleEmulator, user: string): EmulatorTokens {
  let current: string | undefined;
  const port: EmulatorTokens = {
    issued: [],
    invalidated: [],
    signedOut: false,
    async getAccessToken() {
      if (port.signedOut) return undefined;
      if (current === undefined) {
        current = google.issueToken(user);
        port.issued.push(current);
      }
      return current;
    },
    async invalidate(_sourceId, token) {
      port.invalidated.push(token);
      if (current === token) current = undefined;
    },
  };
  return port;
}
