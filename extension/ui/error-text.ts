// A stored sync error (ErrorInfo) in words a person can act on. The raw message stays available as
// a tooltip for diagnostics.
import type { ErrorInfo } from '../store/records';

export function describeError(error: Pick<ErrorInfo, 'name' | 'message' | 'status'>): string {
  switch (error.name) {
    case 'Transient':
      return error.status === undefined
        ? 'Could not reach the server (offline?)'
        : `The server had a problem (HTTP ${error.status})`;
    case 'RateLimited':
      return 'Too many requests — waiting before trying again';
    case 'AuthExpired':
      return 'Sign-in expired';
    case 'BadResponse':
      return 'The server sent an answer Almanac could not read';
    case 'RequestRejected':
      return `Refused by the server: ${error.message}`;
    default:
      return error.message;
  }
}
