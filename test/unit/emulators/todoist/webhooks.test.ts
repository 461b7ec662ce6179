import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../emulators/common/node-server';
import { TODOIST_RETRY_DELAYS_MS, todoistSignature } from '../../../emulators/todoist';
import { cmd, harness } from './harness';

interface Arrival {
  headers: Record<string, string>;
  raw: string;
}

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A real HTTP receiver that answers with `statuses` in turn (then 200). */
async function receiver(statuses: number[] = []) {
  const got: Arrival[] = [];
  const app = new Hono();
  app.post('/hook', async (c) => {
    got.push({ headers: Object.fromEntries(c.req.raw.headers), raw: await c.req.text() });
    return c.body(null, (statuses.shift() ?? 200) as 200);
  });
  const server = await startServer(app, { port: 0 });
  servers.push(server);
  return { got, url: `${server.url}/hook` };
}

/** Verifies an HMAC the way a receiver must: over the raw bytes, with WebCrypto. */
async function verify(raw: string, signature: string, secret: string): Promise<boolean> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const sig = Uint8Array.from(atob(signature), (ch) => ch.charCodeAt(0));
  return crypto.subtle.verify('HMAC', key, sig, enc.encode(raw));
}

describe('webhooks', () => {
  it('§7 each change is POSTed with a verifiable X-Todoist-Hmac-SHA256 and the documented envelope', async () => {
    const r = await receiver();
    const h = harness({ pushRetryDelaysMs: [10, 10, 10] });
    h.emu.setWebhook({ url: r.url, clientSecret: 'shh' });
    const { json } = await h.sync({
      commands: [
        cmd('item_add', { content: 'Hooked' }, 't'),
        cmd('item_update', { id: 't', content: 'Hooked twice' }),
        cmd('item_complete', { id: 't' }),
        cmd('item_uncomplete', { id: 't' }),
        cmd('note_add', { item_id: 't', content: 'c' }),
        cmd('project_add', { name: 'P' }),
        cmd('section_add', { name: 'S', project_id: h.emu.user().account.inboxProjectId }),
        cmd('label_add', { name: 'L' }),
        cmd('item_delete', { id: 't' }),
      ],
    });
    await h.emu.push.idle();
    const bodies = r.got.map((g) => JSON.parse(g.raw));
    expect(bodies.map((b) => b.event_name)).toEqual([
      'item:added',
      'item:updated',
      'item:completed',
      'item:uncompleted',
      'note:added',
      'project:added',
      'section:added',
      'label:added',
      'note:deleted',
      'item:deleted',
    ]);
    const account = h.emu.user().account;
    expect(bodies[0]).toEqual({
      event_name: 'item:added',
      user_id: account.id,
      event_data: expect.objectContaining({ id: json.temp_id_mapping.t, content: 'Hooked' }),
      initiator: {
        id: account.id,
        email: account.email,
        full_name: account.fullName,
        image_id: null,
        is_premium: false,
      },
      triggered_at: '2025-03-05T15:00:00.000000Z',
      version: '1',
    });
    expect(bodies[1].event_data_extra).toMatchObject({
      old_item: { content: 'Hooked' },
      update_intent: 'item_updated',
    });
    for (const g of r.got) {
      expect(g.headers['user-agent']).toBe('Todoist-Webhooks');
      expect(g.headers['x-todoist-delivery-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(await verify(g.raw, g.headers['x-todoist-hmac-sha256']!, 'shh')).toBe(true);
      expect(await verify(g.raw, g.headers['x-todoist-hmac-sha256']!, 'wrong')).toBe(false);
      expect(g.headers['x-todoist-hmac-sha256']).toBe(await todoistSignature(g.raw, 'shh'));
    }
    expect(new Set(r.got.map((g) => g.headers['x-todoist-delivery-id'])).size).toBe(r.got.length);
  });

  it('§7 a failed delivery is retried up to 3 times with the same delivery id and body', async () => {
    const r = await receiver([500, 503, 404, 500]);
    const h = harness({ pushRetryDelaysMs: [5, 5, 5] });
    h.emu.setWebhook({ url: r.url, clientSecret: 'shh' });
    await h.sync({ commands: [cmd('item_add', { content: 'Retry me' })] });
    await h.emu.push.idle();
    expect(r.got).toHaveLength(4); // first attempt + 3 retries, then given up
    expect(new Set(r.got.map((g) => g.headers['x-todoist-delivery-id'])).size).toBe(1);
    expect(new Set(r.got.map((g) => g.raw)).size).toBe(1);
    expect(h.emu.push.history()[0]?.outcome).toBe('failed');
  });

  it('§7 duplicated deliveries carry the same delivery id', async () => {
    const r = await receiver();
    const h = harness({ pushRetryDelaysMs: [5] });
    h.emu.setWebhook({ url: r.url, clientSecret: 'shh' });
    h.emu.push.control({ action: 'duplicate', count: 1 });
    await h.sync({ commands: [cmd('item_add', { content: 'Twice' })] });
    await h.emu.push.idle();
    expect(r.got).toHaveLength(2);
    expect(r.got[0]?.headers['x-todoist-delivery-id']).toBe(
      r.got[1]?.headers['x-todoist-delivery-id'],
    );
  });

  it('§7 only users who authorised the app get webhooks; the default retry policy is 3 × 15 minutes', async () => {
    const r = await receiver();
    const h = harness({ seed: 'demo' });
    h.emu.setWebhook({ url: r.url, clientSecret: 'shh' });
    // alex never got a token: a change of theirs is not announced.
    const alex = h.emu.user('alex');
    alex.commit('labels', { ...[...alex.labels.values()][0]!, name: 'renamed' }, 'updated');
    await h.sync({ commands: [cmd('item_add', { content: 'demo change' })] });
    await h.emu.push.idle();
    expect(r.got.map((g) => JSON.parse(g.raw).event_name)).toEqual(['item:added']);
    expect(TODOIST_RETRY_DELAYS_MS).toEqual([900_000, 900_000, 900_000]);
  });

  it('§7 the webhook is registered through POST /__emulator/webhooks', async () => {
    const r = await receiver();
    const h = harness();
    const res = await h.emu.fetch('http://todoist.local/__emulator/webhooks', {
      method: 'POST',
      body: JSON.stringify({ url: r.url, clientSecret: 'abc' }),
    });
    expect(await res.json()).toEqual({ ok: true });
    await h.sync({ commands: [cmd('label_add', { name: 'x' })] });
    await h.emu.push.idle();
    expect(r.got).toHaveLength(1);
    expect(await verify(r.got[0]!.raw, r.got[0]!.headers['x-todoist-hmac-sha256']!, 'abc')).toBe(
      true,
    );
    const bad = await h.emu.fetch('http://todoist.local/__emulator/webhooks', {
      method: 'POST',
      body: JSON.stringify({ url: 'not a url' }),
    });
    expect(bad.status).toBe(400);
  });
});
