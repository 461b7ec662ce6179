// An incremental parser of the text/event-stream format, as WHATWG HTML §9.2.6 ("Parsing an
// event stream") defines it, so the relay client reads exactly what a browser EventSource would —
// but over fetch(), which (unlike EventSource) can send `Authorization` and a chosen
// `Last-Event-ID`. Chunks may split anywhere: inside a CRLF, inside a multi-byte UTF-8 character
// (the TextDecoder runs with `stream: true`), or inside a line.
//
// What the spec says and this follows:
// - the stream is UTF-8; one leading BOM is dropped (TextDecoder's default) and invalid bytes
//   become U+FFFD (its non-fatal mode: the spec's "UTF-8 decode");
// - a line ends at CRLF, LF or CR;
// - a blank line dispatches; a line starting with ':' is a comment; `field: value` loses ONE
//   leading space of the value; a line without ':' is a field with an empty value;
// - `data` lines are joined with '\n'; `id` is ignored if it contains U+0000 and otherwise sets
//   the last event id, which persists across events (it is NOT reset on dispatch); `retry` is
//   honoured only when it is all ASCII digits; unknown fields are ignored;
// - an event whose data buffer is empty is not dispatched (but its `id` still took effect);
// - at end of stream, an unfinished event (no blank line after it) is discarded.

export interface SseEvent {
  /** The `event` field, or `message` when none was given. */
  readonly type: string;
  readonly data: string;
  /** The last event id as of this event (spec: it carries over from earlier events). */
  readonly lastEventId: string;
}

export interface SseParser {
  /** Feeds one chunk; returns the events it completed, in order. */
  push(chunk: Uint8Array | string): SseEvent[];
  /** End of stream: flushes the decoder and discards any unfinished event (spec). */
  end(): SseEvent[];
  /** The last event id the stream has set (what to send as Last-Event-ID after a reconnect). */
  readonly lastEventId: string;
  /** The reconnection time the server asked for with `retry:`, in ms; undefined until then. */
  readonly retryMs: number | undefined;
}

const LF = 10;
const CR = 13;

export function createSseParser(options: { lastEventId?: string } = {}): SseParser {
  const decoder = new TextDecoder('utf-8');
  let line = '';
  /** The previous chunk ended with CR: an LF at the start of the next one belongs to it. */
  let skipLf = false;
  let data = '';
  let eventType = '';
  let lastEventId = options.lastEventId ?? '';
  let retryMs: number | undefined;
  /** Nothing decoded yet: a string chunk may still open with the BOM the decoder strips. */
  let atStart = true;

  function processLine(text: string, out: SseEvent[]) {
    if (text === '') {
      dispatch(out);
      return;
    }
    if (text.charCodeAt(0) === 58 /* ':' */) return; // a comment (the relay's `: ping`)
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* ' ' */) value = value.slice(1);
    switch (field) {
      case 'event':
        eventType = value;
        break;
      case 'data':
        data += `${value}\n`;
        break;
      case 'id':
        if (!value.includes('\u0000')) lastEventId = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) retryMs = Number.parseInt(value, 10);
        break;
      default:
        break; // spec: ignore the field
    }
  }

  function dispatch(out: SseEvent[]) {
    if (data === '') {
      eventType = '';
      return;
    }
    out.push({
      type: eventType === '' ? 'message' : eventType,
      data: data.endsWith('\n') ? data.slice(0, -1) : data,
      lastEventId,
    });
    data = '';
    eventType = '';
  }

  function feedText(text: string, out: SseEvent[]) {
    let start = 0;
    if (skipLf && text.length > 0) {
      if (text.charCodeAt(0) === LF) start = 1;
      skipLf = false;
    }
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      processLine(line + text.slice(start, i), out);
      line = '';
      if (c === CR) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === LF) i++;
        } else {
          skipLf = true; // the LF of this CRLF may open the next chunk
        }
      }
      start = i + 1;
    }
    line += text.slice(start);
  }

  return {
    push(chunk) {
      const out: SseEvent[] = [];
      let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (atStart && text.length > 0) {
        // The decoder already dropped a BOM from bytes; text handed over as a string keeps it.
        if (typeof chunk === 'string' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        atStart = false;
      }
      feedText(text, out);
      return out;
    },
    end() {
      const out: SseEvent[] = [];
      feedText(decoder.decode(), out);
      // Whatever is left is an unterminated line or an event without its blank line: discarded.
      line = '';
      data = '';
      eventType = '';
      return out;
    },
    get lastEventId() {
      return lastEventId;
    },
    get retryMs() {
      return retryMs;
    },
  };
}
