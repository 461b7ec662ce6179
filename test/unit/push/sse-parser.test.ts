// The text/event-stream parser against WHATWG HTML §9.2.6, chunked every way a network can split.
import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from '../../../extension/sync/push/sse-parser';

const enc = new TextEncoder();

/** Parses `text` fed as the given byte chunks (split points are byte offsets). */
function parseBytes(bytes: Uint8Array, splits: readonly number[] = []): SseEvent[] {
  const parser = createSseParser();
  const out: SseEvent[] = [];
  let from = 0;
  for (const at of [...splits, bytes.length]) {
    out.push(...parser.push(bytes.subarray(from, at)));
    from = at;
  }
  out.push(...parser.end());
  return out;
}

const parse = (text: string, splits: readonly number[] = []) =>
  parseBytes(enc.encode(text), splits);

/** Every way of cutting the stream in two, plus one byte at a time. */
function everySplit(bytes: Uint8Array): number[][] {
  const cuts = Array.from({ length: bytes.length + 1 }, (_, i) => [i]);
  cuts.push(Array.from({ length: bytes.length }, (_, i) => i));
  return cuts;
}

describe('sse parser: events', () => {
  it('dispatches on a blank line, with type, data and id', () => {
    expect(parse('id: 7\nevent: notification\ndata: {"a":1}\n\n')).toEqual([
      { type: 'notification', data: '{"a":1}', lastEventId: '7' },
    ]);
  });

  it('defaults the type to "message" and joins data lines with \\n', () => {
    expect(parse('data: one\ndata: two\ndata\n\n')).toEqual([
      { type: 'message', data: 'one\ntwo\n', lastEventId: '' },
    ]);
  });

  it('removes exactly one leading space of a value, and a field without colon has an empty value', () => {
    expect(parse('data:  two spaces\n\ndata:none\n\n').map((e) => e.data)).toEqual([
      ' two spaces',
      'none',
    ]);
    // `data` alone makes the buffer "\n": not empty, so the event is dispatched, with data "".
    expect(parse('data\n\n')).toEqual([{ type: 'message', data: '', lastEventId: '' }]);
  });

  it('does not dispatch an event whose data buffer is empty, and resets its type', () => {
    expect(parse('event: ready\n\ndata: x\n\n')).toEqual([
      { type: 'message', data: 'x', lastEventId: '' },
    ]);
  });

  it('keeps the last event id across events, and an id without data still sets it', () => {
    const events = parse('id: 1\ndata: a\n\ndata: b\n\nid: 5\n\ndata: c\n\nid\ndata: d\n\n');
    expect(events.map((e) => [e.data, e.lastEventId])).toEqual([
      ['a', '1'],
      ['b', '1'],
      ['c', '5'],
      ['d', ''],
    ]);
  });

  it('ignores an id containing NUL', () => {
    const events = parse('id: 3\ndata: a\n\nid: 4\u0000x\ndata: b\n\n');
    expect(events.map((e) => e.lastEventId)).toEqual(['3', '3']);
  });

  it('ignores comments (the relay pings) and unknown fields', () => {
    const events = parse(': ping\n\n:\nfoo: bar\ndata: x\n: inside\n\n: ping\n\n');
    expect(events).toEqual([{ type: 'message', data: 'x', lastEventId: '' }]);
  });

  it('takes retry only when it is all ASCII digits', () => {
    const parser = createSseParser();
    parser.push('retry: 2500\n\n');
    expect(parser.retryMs).toBe(2500);
    parser.push('retry: 1e3\nretry: -5\nretry: 10 \nretry:\n\n');
    expect(parser.retryMs).toBe(2500);
    parser.push('retry:0\n');
    expect(parser.retryMs).toBe(0);
  });

  it('a field name is case-sensitive and a colon in the value is kept', () => {
    expect(parse('Data: no\nDATA: no\ndata: a:b: c\n\n')).toEqual([
      { type: 'message', data: 'a:b: c', lastEventId: '' },
    ]);
  });

  it('reports the last event id seen, to resume from', () => {
    const parser = createSseParser({ lastEventId: '41' });
    expect(parser.lastEventId).toBe('41');
    parser.push('id: 42\ndata: x\n\n');
    expect(parser.lastEventId).toBe('42');
  });

  it('continues from a given last event id', () => {
    const parser = createSseParser({ lastEventId: '9' });
    expect(parser.push('data: x\n\n')).toEqual([{ type: 'message', data: 'x', lastEventId: '9' }]);
  });
});

describe('sse parser: line endings, BOM, end of stream', () => {
  it('accepts LF, CR and CRLF, mixed', () => {
    const text = 'id: 1\r\ndata: a\r\rdata: b\n\r\ndata: c\r\n\r\n';
    expect(parse(text).map((e) => [e.data, e.lastEventId])).toEqual([
      ['a', '1'],
      ['b', '1'],
      ['c', '1'],
    ]);
  });

  it('a CRLF is one line end, even when a chunk boundary splits it', () => {
    // "data: a\r" | "\n" | "\r\n": one event, not an extra blank line in between.
    const parser = createSseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\ndata: b\r')).toEqual([]);
    expect(parser.push('\n\r')).toEqual([{ type: 'message', data: 'a\nb', lastEventId: '' }]);
    expect(parser.push('\n')).toEqual([]);
  });

  it('a lone CR at the end of a chunk ends its line at once', () => {
    const parser = createSseParser();
    expect(parser.push('data: a\r\r')).toEqual([{ type: 'message', data: 'a', lastEventId: '' }]);
    expect(parser.push('data: b\n\n')).toEqual([{ type: 'message', data: 'b', lastEventId: '' }]);
  });

  it('drops one leading BOM (bytes or text), but not a second one', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const body = enc.encode('data: x\n\n');
    const bytes = new Uint8Array([...bom, ...body]);
    expect(parseBytes(bytes, [1, 2])).toEqual([{ type: 'message', data: 'x', lastEventId: '' }]);
    const text = createSseParser();
    expect(text.push('\ufeffdata: y\n\n')).toEqual([
      { type: 'message', data: 'y', lastEventId: '' },
    ]);
    // A second BOM is part of the first line, whose field is then "\ufeffdata": unknown.
    expect(parseBytes(new Uint8Array([...bom, ...bom, ...body]))).toEqual([]);
  });

  it('discards an unfinished event at end of stream', () => {
    expect(parse('data: done\n\ndata: half\n')).toEqual([
      { type: 'message', data: 'done', lastEventId: '' },
    ]);
    expect(parse('data: done\n\ndata: no newline')).toHaveLength(1);
  });

  it('turns invalid UTF-8 into U+FFFD instead of failing', () => {
    const bytes = new Uint8Array([...enc.encode('data: a'), 0xff, ...enc.encode('b\n\n')]);
    expect(parseBytes(bytes)).toEqual([{ type: 'message', data: 'a\ufffdb', lastEventId: '' }]);
  });
});

describe('sse parser: any chunking gives the same events', () => {
  const stream =
    '\ufeff: ping\r\nid: 1\r\nevent: notification\r\ndata: {"emoji":"📅","é":"ü"}\r\n\r\n' +
    'event: ready\ndata: {"latestId":"1"}\n\n: ping\rid: 2\revent: notification\rdata: ∑\r\r' +
    'retry: 3000\ndata: tail\ndata: second\n\n';
  const bytes = enc.encode(stream);
  const expected = parseBytes(bytes);

  it('has the events the stream holds', () => {
    expect(expected).toEqual([
      { type: 'notification', data: '{"emoji":"📅","é":"ü"}', lastEventId: '1' },
      { type: 'ready', data: '{"latestId":"1"}', lastEventId: '1' },
      { type: 'notification', data: '∑', lastEventId: '2' },
      { type: 'message', data: 'tail\nsecond', lastEventId: '2' },
    ]);
  });

  it('split at every byte offset (inside CRLFs and multi-byte characters), and byte by byte', () => {
    for (const splits of everySplit(bytes)) {
      expect(parseBytes(bytes, splits), `splits ${splits.join(',')}`).toEqual(expected);
    }
  });
});
