import { describe, expect, it } from 'vitest';
import { BASE, harness } from './harness';

describe('todoist OAuth', () => {
  it('§7 /oauth/authorize then /oauth/access_token yields a never-expiring bearer token', async () => {
    const h = harness({ clientSecret: 'app-secret' });
    const auth = await h.emu.fetch(
      `https://todoist.com/oauth/authorize?client_id=app&scope=data:read_write&state=xyz&redirect_uri=${encodeURIComponent('https://ext.example/cb')}`,
      { redirect: 'manual' },
    );
    expect(auth.status).toBe(302);
    const to = new URL(auth.headers.get('location')!);
    expect(to.searchParams.get('state')).toBe('xyz');
    const code = to.searchParams.get('code')!;

    const wrongSecret = await h.emu.fetch('https://todoist.com/oauth/access_token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'app', client_secret: 'nope', code }),
    });
    expect(wrongSecret.status).toBe(401);

    const auth2 = await h.emu.fetch(
      `https://todoist.com/oauth/authorize?client_id=app&scope=data:read&state=s2&redirect_uri=${encodeURIComponent('https://ext.example/cb')}`,
      { redirect: 'manual' },
    );
    const code2 = new URL(auth2.headers.get('location')!).searchParams.get('code')!;
    const res = await h.emu.fetch('https://todoist.com/oauth/access_token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'app', client_secret: 'app-secret', code: code2 }),
    });
    const token = (await res.json()) as {
      access_token: string;
      token_type: string;
      expires_in?: number;
    };
    expect(token.token_type).toBe('Bearer');
    expect(token.expires_in).toBeUndefined();

    h.clock.advance(365 * 24 * 3600 * 1000);
    const sync = await h.emu.fetch(`${BASE}/api/v1/sync`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token.access_token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ sync_token: '*', resource_types: ['user'] }),
    });
    expect(sync.status).toBe(200);
    expect(((await sync.json()) as { user: { email: string } }).user.email).toBe(
      'demo@example.com',
    );
    expect(h.emu.tokens.isAuthorized('demo')).toBe(true);
  });
});
