import type { Hono } from 'hono';
import { z } from 'zod';
import { parseJson } from '../common/control-routes';
import type { WebhookSender } from './webhooks';

export const forceFullSyncSchema = z.strictObject({
  user: z.string().min(1).default('demo'),
  /** `full`: answer coming incremental requests with a full sync; `delayed`: make coming
   * full-sync answers lag `delayMs` behind (spec §2). */
  mode: z.enum(['full', 'delayed']).default('full'),
  count: z.int().min(1).default(1),
  delayMs: z.int().min(1).default(60_000),
});

export type ForceFullSync = z.input<typeof forceFullSyncSchema>;

const webhookSchema = z.strictObject({ url: z.url(), clientSecret: z.string().min(1) });

export interface TodoistControlDeps {
  webhooks: WebhookSender;
  forceFullSync(input: ForceFullSync): boolean;
}

/** Todoist's own `/__emulator/*` routes, added to the shared control app. */
export function registerTodoistControl(control: Hono, deps: TodoistControlDeps): void {
  control.post('/webhooks', async (c) => {
    const body = await parseJson(c, webhookSchema);
    if (!body.ok) return body.response;
    deps.webhooks.set(body.data);
    return c.json({ ok: true });
  });
  control.get('/webhooks', (c) => c.json({ webhook: deps.webhooks.config }));
  control.delete('/webhooks', (c) => {
    deps.webhooks.set(null);
    return c.json({ ok: true });
  });

  control.post('/force-full-sync', async (c) => {
    const body = await parseJson(c, forceFullSyncSchema, { allowEmpty: true });
    if (!body.ok) return body.response;
    if (!deps.forceFullSync(body.data)) {
      return c.json({ error: 'invalid_request', message: `unknown user ${body.data.user}` }, 400);
    }
    return c.json({ ok: true });
  });
}
