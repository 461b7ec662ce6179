import type { Context } from 'hono';
import type { z } from 'zod';
import { errors } from '../errors';

/** [open] Google documents no limit for metadata bodies; we refuse anything above 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON request body Google-style (spec §6): form-encoded or other non-JSON content
 * types and malformed JSON answer 400 `global/parseError`; an oversized body answers 413.
 * An empty body reads as `{}` (the method's own validation then reports what is missing).
 */
export async function readJson(c: Context): Promise<Record<string, unknown>> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw errors.tooLarge(MAX_BODY_BYTES);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) throw errors.tooLarge(MAX_BODY_BYTES);
  if (bytes.byteLength === 0) return {};
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    throw errors.parseError('This API does not support parsing form-encoded input.');
  }
  if (!type.startsWith('application/json')) throw errors.parseError();
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw errors.parseError();
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw errors.parseError();
  return raw as Record<string, unknown>;
}

/**
 * Reads and validates; a missing required field is 400 `global/required`, any other schema
 * failure 400 `global/invalid`, both naming the field (spec §6 error body).
 */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const raw = await readJson(c);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const location = issue?.path.map(String).join('.') ?? '';
    if (issue?.code === 'invalid_type' && valueAt(raw, issue.path) === undefined) {
      throw errors.required('Required', location);
    }
    throw errors.invalid(
      `Invalid value for field '${location}': ${issue?.message ?? 'invalid'}`,
      location,
    );
  }
  return parsed.data;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
