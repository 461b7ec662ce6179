// The pages' side of the runtime messages: typed requests, typed answers, and failures as
// exceptions carrying the background's error code and a message a person can act on.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import {
  type ErrorCode,
  type Message,
  type MessageType,
  type ReplyData,
  replyDataSchemas,
} from '../platform/messages';
import { describeError } from './error-text';

export class BackgroundError extends Error {
  override readonly name = 'BackgroundError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The raw text behind `message` (for diagnostics), when the two differ. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

const ERROR_CODES = [
  'bad-message',
  'not-implemented',
  'cancelled',
  'needs-sign-in',
  'rejected',
  'unavailable',
  'internal',
] as const satisfies readonly ErrorCode[];
// Compile-time: a code added to ErrorCode but not here fails (the page would read it as internal).
const everyCode: [Exclude<ErrorCode, (typeof ERROR_CODES)[number]>] extends [never] ? true : never =
  true;
void everyCode;

// The envelope is checked, not trusted: an answer from a background of another version (an
// update mid-session) or a port that closed half-way must become an error the page can show,
// not a TypeError in its render.
const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(ERROR_CODES).catch('internal'),
      message: z.string().catch('Unknown error'),
      kind: z.string().optional().catch(undefined),
      status: z.number().optional().catch(undefined),
    }),
  }),
]);

const NOT_ANSWERING = 'Almanac’s background isn’t answering. Try again in a moment.';
const UNREADABLE = 'Almanac’s background sent an answer this page can’t read. Reload the page.';

export async function send<T extends MessageType>(
  message: Extract<Message, { type: T }>,
): Promise<ReplyData[T]> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(message);
  } catch (err) {
    throw new BackgroundError('unavailable', NOT_ANSWERING, String(err));
  }
  if (raw === undefined || raw === null) throw new BackgroundError('unavailable', NOT_ANSWERING);
  const reply = replySchema.safeParse(raw);
  if (!reply.success) {
    throw new BackgroundError('unavailable', UNREADABLE, JSON.stringify(raw).slice(0, 500));
  }
  if (reply.data.ok) return readData(message.type, reply.data.data);
  const { code, message: text, kind, status } = reply.data.error;
  // A sync failure's class says what happened in words ("Could not reach the server
  // (offline?)") better than its raw text ("network error on calendars.get").
  const words = kind === undefined ? text : describeError({ name: kind, message: text, status });
  throw new BackgroundError(code, words, words === text ? undefined : text);
}

/** An ok reply's data, checked field by field where its message has a schema
 * (platform/messages.ts replyDataSchemas); the detail names the message and the first odd field. */
function readData<T extends MessageType>(type: T, data: unknown): ReplyData[T] {
  const schema = replyDataSchemas[type] as z.ZodType<ReplyData[T]> | undefined;
  if (schema === undefined) return data as ReplyData[T];
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new BackgroundError(
    'unavailable',
    UNREADABLE,
    `${type}: ${issue?.message ?? 'unreadable'}${where}; ${JSON.stringify(data ?? null).slice(0, 400)}`,
  );
}
