import type { Context } from 'hono';
import { z } from 'zod';
import { ERROR_CODES, RelayHttpError } from './errors';

/** The JSON body validated by `schema`; 400 `invalid_body` with the reason otherwise. */
export async function readJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.output<S>> {
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RelayHttpError(400, ERROR_CODES.invalidBody, 'The body is not JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new RelayHttpError(400, ERROR_CODES.invalidBody, z.prettifyError(parsed.error));
  }
  return parsed.data;
}
