/**
 * Google's error envelope (spec §6) and the errors the emulator raises. Every non-2xx answer the
 * emulator produces goes through `GoogleApiError.toResponse()` so the body is always exactly
 * `{"error":{"errors":[{domain,reason,message,locationType?,location?}],"code":N,"message":...}}`.
 */
export interface GoogleErrorItem {
  domain: string;
  reason: string;
  message: string;
  locationType?: 'parameter' | 'header';
  location?: string;
}

export class GoogleApiError extends Error {
  readonly status: number;
  readonly item: GoogleErrorItem;
  readonly headers: Record<string, string>;

  constructor(status: number, item: GoogleErrorItem, headers: Record<string, string> = {}) {
    super(item.message);
    this.name = 'GoogleApiError';
    this.status = status;
    this.item = item;
    this.headers = headers;
  }

  body(): { error: { errors: GoogleErrorItem[]; code: number; message: string } } {
    return { error: { errors: [{ ...this.item }], code: this.status, message: this.item.message } };
  }

  toResponse(): Response {
    const headers = new Headers(this.headers);
    headers.set('content-type', 'application/json; charset=UTF-8');
    return new Response(JSON.stringify(this.body()), { status: this.status, headers });
  }
}

/** The location of a query-parameter error; none when the error names no parameter. */
function param(location: string | undefined) {
  return location === undefined ? {} : { locationType: 'parameter' as const, location };
}

/** Constructors for every error the emulator emits, named after Google's `reason`. */
export const errors = {
  // spec §6: 401 global/authError "Invalid Credentials", location Authorization.
  authError: () =>
    new GoogleApiError(
      401,
      {
        domain: 'global',
        reason: 'authError',
        message: 'Invalid Credentials',
        locationType: 'header',
        location: 'Authorization',
      },
      { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
    ),
  notFound: (message = 'Not Found') =>
    new GoogleApiError(404, { domain: 'global', reason: 'notFound', message }),
  // spec §1: the 410 body is quoted verbatim by the spec.
  fullSyncRequired: () =>
    new GoogleApiError(410, {
      domain: 'calendar',
      reason: 'fullSyncRequired',
      message: 'Sync token is no longer valid, a full sync is required.',
      ...param('syncToken'),
    }),
  updatedMinTooLongAgo: () =>
    new GoogleApiError(410, {
      domain: 'calendar',
      reason: 'updatedMinTooLongAgo',
      message: 'The requested minimum modification time lies too far in the past.',
      ...param('updatedMin'),
    }),
  deleted: () =>
    new GoogleApiError(410, {
      domain: 'global',
      reason: 'deleted',
      message: 'Resource has been deleted',
    }),
  duplicate: () =>
    new GoogleApiError(409, {
      domain: 'global',
      reason: 'duplicate',
      message: 'The requested identifier already exists.',
    }),
  conditionNotMet: () =>
    new GoogleApiError(412, {
      domain: 'global',
      reason: 'conditionNotMet',
      message: 'Precondition Failed',
      locationType: 'header',
      location: 'If-Match',
    }),
  timeRangeEmpty: (location?: string) =>
    new GoogleApiError(400, {
      domain: 'calendar',
      reason: 'timeRangeEmpty',
      message: 'The specified time range is empty.',
      ...param(location),
    }),
  invalid: (message: string, location?: string) =>
    new GoogleApiError(400, {
      domain: 'global',
      reason: 'invalid',
      message,
      ...param(location),
    }),
  invalidParameter: (name: string, value: string) =>
    new GoogleApiError(400, {
      domain: 'global',
      reason: 'invalidParameter',
      message: `Invalid value '${value}' for ${name}.`,
      ...param(name),
    }),
  required: (message: string, location?: string) =>
    new GoogleApiError(400, {
      domain: 'global',
      reason: 'required',
      message,
      ...param(location),
    }),
  badRequest: (message = 'Bad Request') =>
    new GoogleApiError(400, { domain: 'global', reason: 'badRequest', message }),
  parseError: (message = 'Parse Error') =>
    new GoogleApiError(400, { domain: 'global', reason: 'parseError', message }),
  // [open] Google's front end answers an oversized body with an HTML 413; we keep the JSON
  // envelope (stricter for clients that must parse every error) with reason `uploadTooLarge`.
  tooLarge: (limit: number) =>
    new GoogleApiError(413, {
      domain: 'global',
      reason: 'uploadTooLarge',
      message: `Request payload size exceeds the limit: ${limit} bytes.`,
    }),
  forbidden: (message = 'Forbidden') =>
    new GoogleApiError(403, { domain: 'global', reason: 'forbidden', message }),
  requiredAccessLevel: () =>
    new GoogleApiError(403, {
      domain: 'calendar',
      reason: 'requiredAccessLevel',
      message: 'You need to have writer access to this calendar.',
    }),
  userRateLimitExceeded: () =>
    new GoogleApiError(403, {
      domain: 'usageLimits',
      reason: 'userRateLimitExceeded',
      message: 'Rate Limit Exceeded',
    }),
  channelIdNotUnique: () =>
    new GoogleApiError(400, {
      domain: 'global',
      reason: 'channelIdNotUnique',
      message: 'Channel id not unique',
    }),
  webhookUrlNotHttps: (address: string) =>
    new GoogleApiError(400, {
      domain: 'global',
      reason: 'push.webhookUrlNotHttps',
      message: `WebHook callback must be HTTPS: ${address}`,
    }),
  cannotDeletePrimaryCalendar: () =>
    new GoogleApiError(400, {
      domain: 'calendar',
      reason: 'cannotDeletePrimaryCalendar',
      message: 'The primary calendar cannot be deleted.',
    }),
  backendError: () =>
    new GoogleApiError(500, { domain: 'global', reason: 'backendError', message: 'Backend Error' }),
};
