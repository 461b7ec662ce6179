// The pages' side of the runtime messages: typed requests, typed answers, and failures as
// exceptions carrying the background's error code.
import { browser } from 'wxt/browser';
import type { ErrorCode, Message, MessageType, Reply, ReplyData } from '../platform/messages';

export class BackgroundError extends Error {
  override readonly name = 'BackgroundError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export async function send<T extends MessageType>(
  message: Extract<Message, { type: T }>,
): Promise<ReplyData[T]> {
  let reply: Reply<ReplyData[T]> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(message)) as Reply<ReplyData[T]> | undefined;
  } catch (err) {
    throw new BackgroundError(
      'unavailable',
      `Almanac's background is not answering (${String(err)}).`,
    );
  }
  if (!reply) throw new BackgroundError('unavailable', 'No answer from Almanac’s background.');
  if (!reply.ok) throw new BackgroundError(reply.error.code, reply.error.message);
  return reply.data;
}
