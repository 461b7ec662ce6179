import type { Hono } from 'hono';
import { z } from 'zod';
import { type ControlRoutesOptions, controlRoutes, parseJson } from '../../common/control-routes';
import type { SyncTokenRegistry } from '../sync/sync-tokens';

const expireBody = z.strictObject({
  calendarId: z.string().min(1).optional(),
  token: z.string().min(1).optional(),
});

/** `/__emulator/*`: the shared control API plus `POST sync-tokens/expire` (README). */
export function googleControlRoutes(
  opts: ControlRoutesOptions,
  syncTokens: SyncTokenRegistry,
): Hono {
  const app = controlRoutes(opts);
  app.post('/sync-tokens/expire', async (c) => {
    const body = await parseJson(c, expireBody, { allowEmpty: true });
    if (!body.ok) return body.response;
    const expired = syncTokens.expire({
      ...(body.data.calendarId === undefined ? {} : { calendarId: body.data.calendarId }),
      ...(body.data.token === undefined ? {} : { token: body.data.token }),
    });
    return c.json({ ok: true, expired });
  });
  return app;
}
