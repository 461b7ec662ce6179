// Server-sent events framing (WHATWG HTML §9.2): `id:`, `event:`, `data:` lines, a blank line
// ends an event, a line starting with `:` is a comment clients ignore. Every payload is one line
// of JSON (JSON.stringify never emits a raw newline), so one `data:` line always suffices.
import { utf8 } from './bytes';

/** One event; `json` is the payload already serialised (the log stores it that way). */
export function sseEvent(event: string, json: string, id?: number): Uint8Array {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return utf8(`${idLine}event: ${event}\ndata: ${json}\n\n`);
}

export function sseComment(text: string): Uint8Array {
  return utf8(`: ${text}\n\n`);
}

/** The response headers of an events stream. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  // The stream is per-subscriber and live; no cache or proxy may keep or replay it.
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};
