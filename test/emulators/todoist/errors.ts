import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Todoist's error body (spec §3, §6): `{error, error_code, error_extra, error_tag, http_code}`.
 * The same object is a whole-response body (401, 429, 400) or one `sync_status[uuid]` value.
 *
 * Tags and codes: LIMITS_REACHED/35 is quoted in spec §6; ITEM_NOT_FOUND/22,
 * ARGUMENT_MISSING/19, INVALID_ARGUMENT_VALUE/20, INVALID_TEMPID/16 and BAD_REQUEST/42 were
 * observed from the real service. The remaining codes (PROJECT_NOT_FOUND, SECTION_NOT_FOUND,
 * NOTE_NOT_FOUND, LABEL_NOT_FOUND, INBOX_PROJECT_IMMUTABLE, UNKNOWN_COMMAND, NOT_FOUND, GONE,
 * REQUEST_TOO_LARGE, INTERNAL_ERROR) are our best guess;
 * clients must key on `error_tag` and `http_code`, never on the number.
 */
export interface TodoistErrorBody {
  error: string;
  error_code: number;
  error_extra: Record<string, unknown>;
  error_tag: string;
  http_code: number;
}

const CATALOGUE = {
  AUTH_INVALID_TOKEN: { code: 401, http: 401, message: 'Invalid token' },
  LIMITS_REACHED: {
    code: 35,
    http: 429,
    message: 'Too many requests. Limits reached. Try again later',
  },
  ARGUMENT_MISSING: { code: 19, http: 400, message: 'Required argument is missing' },
  INVALID_ARGUMENT_VALUE: { code: 20, http: 400, message: 'Invalid argument value' },
  INVALID_TEMPID: { code: 16, http: 400, message: 'Invalid temporary id' },
  BAD_REQUEST: { code: 42, http: 400, message: 'Bad request' },
  ITEM_NOT_FOUND: { code: 22, http: 404, message: 'Item not found' },
  PROJECT_NOT_FOUND: { code: 21, http: 404, message: 'Project not found' },
  SECTION_NOT_FOUND: { code: 26, http: 404, message: 'Section not found' },
  NOTE_NOT_FOUND: { code: 23, http: 404, message: 'Note not found' },
  LABEL_NOT_FOUND: { code: 24, http: 404, message: 'Label not found' },
  INBOX_PROJECT_IMMUTABLE: { code: 39, http: 400, message: 'Inbox project cannot be changed' },
  UNKNOWN_COMMAND: { code: 5, http: 400, message: 'Unknown command' },
  NOT_FOUND: { code: 404, http: 404, message: 'Not found' },
  GONE: { code: 410, http: 410, message: 'This API version is no longer available' },
  REQUEST_TOO_LARGE: { code: 413, http: 413, message: 'Request body too large' },
  INTERNAL_ERROR: { code: 500, http: 500, message: 'Internal server error' },
} as const;

export type ErrorTag = keyof typeof CATALOGUE;

/** Thrown by validators and command executors; routes turn it into a body or a sync_status. */
export class TodoistError extends Error {
  readonly tag: ErrorTag;
  readonly extra: Record<string, unknown>;

  constructor(tag: ErrorTag, extra: Record<string, unknown> = {}, message?: string) {
    super(message ?? CATALOGUE[tag].message);
    this.name = 'TodoistError';
    this.tag = tag;
    this.extra = extra;
  }

  get httpCode(): number {
    return CATALOGUE[this.tag].http;
  }

  toBody(): TodoistErrorBody {
    return errorBody(this.tag, this.extra, this.message);
  }
}

export function errorBody(
  tag: ErrorTag,
  extra: Record<string, unknown> = {},
  message?: string,
): TodoistErrorBody {
  const entry = CATALOGUE[tag];
  // Key order as in the body spec §6 quotes.
  return {
    error: message ?? entry.message,
    error_code: entry.code,
    error_extra: extra,
    error_tag: tag,
    http_code: entry.http,
  };
}

export function errorResponse(c: Context, err: TodoistError): Response {
  return c.json(err.toBody(), err.httpCode as ContentfulStatusCode);
}

/** Shorthands for the common argument errors. */
export const missing = (argument: string) => new TodoistError('ARGUMENT_MISSING', { argument });
export const invalid = (argument: string, expected?: string) =>
  new TodoistError('INVALID_ARGUMENT_VALUE', expected ? { argument, expected } : { argument });
