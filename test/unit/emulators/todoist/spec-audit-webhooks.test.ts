import { describe, expect, it } from 'vitest';
import { todoistSignature } from '../../../emulators/todoist';
import { cmd, harness } from './harness';

/**
 * Audit of webhook deliveries (spec §7: "deliveries can be late, duplicated, out of order or
 * missing") under the drop / delay / duplicate / reorder controls. Every copy that does arrive is
 * still a correctly signed, complete delivery, and a redelivery keeps its delivery id.
 */
interface Arrival {
  id: string;
  event: string;
  content: string;
  raw: string;
  signature: string;
}

function receiver(statuses: number[] = []) {
  const got: Arrival[] = [];
  const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    const h = new Headers(init?.headers);
    const raw = String(init?.body);
    const body = JSON.parse(raw) as { event_name: string; event_data: { content?: string } };
    got.push({
      id: h.get('x-todoist-delivery-id') ?? '',
      event: body.event_name,
      content: body.event_data.content ?? '',
      raw,
      signature: h.get('x-todoist-hmac-sha256') ?? '',
    });
    return new Response(null, { status: statuses.shift() ?? 200 });
  }) as typeof globalThis.fetch;
  return { got, fetch };
}

async function addTasks(h: ReturnType<typeof harness>, names: string[]) {
  // One request per task, so each change is its own delivery in a known order.
  for (const content of names) {
    const res = await h.sync({ commands: [cmd('item_add', { content })] });
    expect(res.status).toBe(200);
  }
}

describe('spec audit: webhook deliveries', () => {
  it('§7 drop: a dropped delivery never arrives; the rest do, in order', async () => {
    const rx = receiver();
    const h = harness({ pushFetch: rx.fetch, pushRetryDelaysMs: [1] });
    h.emu.setWebhook({ url: 'https://hook.example/t', clientSecret: 's' });
    h.emu.push.control({ action: 'drop', count: 1 });
    await addTasks(h, ['a', 'b', 'c']);
    await h.emu.push.idle();
    expect(rx.got.map((g) => g.content)).toEqual(['b', 'c']);
    expect(h.emu.push.history().map((d) => d.outcome)).toEqual([
      'dropped',
      'delivered',
      'delivered',
    ]);
  });

  it('§7 reorder: deliveries arrive out of order, each still signed and distinct', async () => {
    const rx = receiver();
    const h = harness({ pushFetch: rx.fetch, pushRetryDelaysMs: [1] });
    h.emu.setWebhook({ url: 'https://hook.example/t', clientSecret: 's' });
    h.emu.push.control({ action: 'reorder', count: 3 });
    await addTasks(h, ['a', 'b', 'c']);
    await h.emu.push.idle();
    expect(rx.got.map((g) => g.content)).toEqual(['c', 'b', 'a']);
    expect(new Set(rx.got.map((g) => g.id)).size).toBe(3);
    for (const g of rx.got) expect(g.signature).toBe(await todoistSignature(g.raw, 's'));
  });

  it('§7 delay: a late delivery lands after a later change', async () => {
    const rx = receiver();
    const h = harness({ pushFetch: rx.fetch, pushRetryDelaysMs: [1] });
    h.emu.setWebhook({ url: 'https://hook.example/t', clientSecret: 's' });
    h.emu.push.control({ action: 'delay', count: 1, delayMs: 200 });
    await addTasks(h, ['late', 'on time']);
    await h.emu.push.idle();
    expect(rx.got.map((g) => g.content)).toEqual(['on time', 'late']);
  });

  it('§7 a retried delivery keeps its delivery id and body; a 2xx other than 200 ends it', async () => {
    const rx = receiver([500, 204]);
    const h = harness({ pushFetch: rx.fetch, pushRetryDelaysMs: [1, 1, 1] });
    h.emu.setWebhook({ url: 'https://hook.example/t', clientSecret: 's' });
    await addTasks(h, ['once']);
    await h.emu.push.idle();
    expect(rx.got).toHaveLength(2);
    expect(rx.got[0]?.id).toBe(rx.got[1]?.id);
    expect(rx.got[0]?.raw).toBe(rx.got[1]?.raw);
    expect(h.emu.push.history()[0]?.outcome).toBe('delivered');
  });

  it('§7 a 4xx from the receiver counts as a failure and is retried (up to 3 times)', async () => {
    const rx = receiver([404, 410, 400, 401]);
    const h = harness({ pushFetch: rx.fetch, pushRetryDelaysMs: [1, 1, 1] });
    h.emu.setWebhook({ url: 'https://hook.example/t', clientSecret: 's' });
    await addTasks(h, ['never']);
    await h.emu.push.idle();
    expect(rx.got).toHaveLength(4);
    expect(h.emu.push.history()[0]?.outcome).toBe('failed');
  });
});
