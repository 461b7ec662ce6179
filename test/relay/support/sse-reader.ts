// Reads an SSE response body event by event, with a bounded wait per read, for relay tests on
// workerd and in Node. Always `cancel()` at the end so the relay sees the client leave.

export type SseFrame =
  | { kind: 'event'; event: string; id?: string; data: string }
  | { kind: 'comment'; text: string };

export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';
  #frames: SseFrame[] = [];
  #pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  #done = false;

  constructor(body: ReadableStream<Uint8Array> | null) {
    if (body === null) throw new Error('the response has no body');
    this.#reader = body.getReader();
  }

  /** The next frame of any kind; throws after `timeoutMs` without one, or at the end. */
  async next(timeoutMs = 5_000): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    while (this.#frames.length === 0) {
      if (this.#done) throw new Error('the stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no SSE frame within ${timeoutMs} ms`);
      this.#pending ??= this.#reader.read();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), left);
      });
      const result = await Promise.race([this.#pending, timeout]);
      clearTimeout(timer);
      if (result === 'timeout') continue;
      this.#pending = null;
      if (result.done) {
        this.#done = true;
        continue;
      }
      this.#buffer += this.#decoder.decode(result.value, { stream: true });
      this.#parse();
    }
    return this.#frames.shift()!;
  }

  /** The next event, skipping comments (pings). */
  async nextEvent(timeoutMs = 5_000): Promise<Extract<SseFrame, { kind: 'event' }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = await this.next(Math.max(1, deadline - Date.now()));
      if (frame.kind === 'event') return frame;
    }
  }

  /** Resolves true when the server ends the stream within `timeoutMs`, skipping frames. */
  async ended(timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        await this.next(Math.max(1, deadline - Date.now()));
      } catch (error) {
        if (this.#done) return true;
        if ((error as Error).message.startsWith('no SSE frame')) return false;
        return true; // errored by the server: also an end
      }
    }
    return false;
  }

  async cancel(): Promise<void> {
    await this.#reader.cancel().catch(() => undefined);
  }

  #parse(): void {
    for (;;) {
      const end = this.#buffer.indexOf('\n\n');
      if (end < 0) return;
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      const data: string[] = [];
      let event = 'message';
      let id: string | undefined;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.#frames.push({ kind: 'comment', text: line.slice(1).trim() });
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'id') id = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) {
        this.#frames.push({
          kind: 'event',
          event,
          ...(id === undefined ? {} : { id }),
          data: data.join('\n'),
        });
      }
    }
  }
}
