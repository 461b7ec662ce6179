import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('relay on workerd', () => {
  it('answers health', async () => {
    const res = await SELF.fetch('https://relay.test/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, service: 'almanac-relay' });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await SELF.fetch('https://relay.test/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});
