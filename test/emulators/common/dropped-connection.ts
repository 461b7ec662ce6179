/**
 * The signal a fault uses to cut the connection instead of answering.
 *
 * It is deliberately NOT an `Error` subclass: Hono's compose and `app.onError` only intercept
 * `instanceof Error`, so a thrown DroppedConnection travels straight out of `app.fetch` without
 * being turned into a 500 — whatever error handler an emulator installs. The transports then act
 * on it: `inProcessFetch` rejects with `TypeError('fetch failed')` (what undici does when the
 * socket dies), and `startServer` destroys the real socket.
 *
 * If your own code catches errors around `next()` (or you add an `app.onError` that might see a
 * wrapped one), call `rethrowDropped(err)` first so the signal is never swallowed.
 */
export class DroppedConnection {
  readonly name = 'DroppedConnection';
  readonly message: string;

  constructor(message = 'connection dropped by fault injection') {
    this.message = message;
  }
}

export function isDroppedConnection(err: unknown): err is DroppedConnection {
  return err instanceof DroppedConnection;
}

/** Re-throws `err` when it is (or wraps, via `cause`) a DroppedConnection; otherwise returns. */
export function rethrowDropped(err: unknown): void {
  if (err instanceof DroppedConnection) throw err;
  if (err instanceof Error && err.cause instanceof DroppedConnection) throw err.cause;
}
