import type { Context } from 'hono';
import { TodoistError } from './errors';

/** spec §6: request bodies are limited to 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the raw body as text, refusing anything over the limit (declared or actual). */
export async function readBody(c: Context): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const buf = await c.req.arrayBuffer();
  if (buf.byteLength > MAX_BODY_BYTES) throw tooLarge();
  return new TextDecoder().decode(buf);
}

function tooLarge(): TodoistError {
  return new TodoistError('REQUEST_TOO_LARGE', { max_bytes: MAX_BODY_BYTES });
}

/**
 * Parses a body as JSON or as form fields by its Content-Type (spec §2 accepts both).
 * Form fields that hold JSON (`commands`, `resource_types`) stay strings here; the caller
 * decodes them. Unreadable bodies are BAD_REQUEST, never a crash.
 */
export async function parseBody(c: Context, text: string): Promise<Record<string, unknown>> {
  const raw = c.req.header('content-type') ?? '';
  const type = raw.toLowerCase();
  if (type.includes('json')) {
    let value: unknown;
    try {
      value = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new TodoistError('BAD_REQUEST', {}, 'Invalid JSON in request body');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new TodoistError('BAD_REQUEST', {}, 'Request body must be a JSON object');
    }
    return value as Record<string, unknown>;
  }
  const out: Record<string, unknown> = {};
  if (
    !type.includes('application/x-www-form-urlencoded') &&
    !type.includes('multipart/form-data')
  ) {
    // [open] spec §2 accepts form-encoded or JSON bodies. Anything else (text/plain, no type
    // at all) is refused rather than read as an empty form, which would answer 200 and drop the
    // commands unseen.
    if (text.trim() === '') return out;
    throw new TodoistError('BAD_REQUEST', { content_type: type }, 'Unsupported Content-Type');
  }
  if (type.includes('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(text, { headers: { 'content-type': raw } }).formData();
    } catch {
      throw new TodoistError('BAD_REQUEST', {}, 'Unreadable multipart body');
    }
    for (const [k, v] of form) if (typeof v === 'string') out[k] = v;
    return out;
  }
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
}
