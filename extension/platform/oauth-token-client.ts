// OAuth 2.0 token endpoint calls (RFC 6749 §4.1.3 code exchange, §6 refresh), form-encoded, with
// the answers validated. Failures are typed so the TokenPort can tell "sign in again" (the grant is
// gone) from "try later" (network, 5xx).
import { z } from 'zod';
import { Transient } from '../sync/errors';

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  /** Seconds. Todoist tokens do not expire and carry none. */
  expires_in: z.number().optional(),
  /** Google sends one on the code exchange (and not on refresh: the old one stays valid). */
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

/** The provider refused the grant (invalid_grant, invalid_client…): only a new sign-in helps. */
export class GrantRejected extends Error {
  override readonly name = 'GrantRejected';
  constructor(
    readonly error: string,
    description: string | undefined,
  ) {
    super(description ? `${error}: ${description}` : error);
  }
}

export async function postTokenRequest(
  fetchFn: typeof fetch,
  url: string,
  params: Record<string, string>,
): Promise<TokenResponse> {
  let res: Response;
  let text: string;
  try {
    res = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(params).toString(),
    });
    text = await res.text();
  } catch (cause) {
    throw new Transient('token endpoint unreachable', { cause });
  }
  const body = safeJson(text);
  if (res.status >= 500)
    throw new Transient(`token endpoint answered ${res.status}`, { status: res.status });
  if (!res.ok) {
    const error = oauthErrorSchema.safeParse(body);
    throw error.success
      ? new GrantRejected(error.data.error, error.data.error_description)
      : new GrantRejected(`http_${res.status}`, undefined);
  }
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) throw new GrantRejected('invalid_response', 'token response did not parse');
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
