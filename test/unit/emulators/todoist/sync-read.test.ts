import { describe, expect, it } from 'vitest';
import { cmd, harness } from './harness';

describe('POST /api/v1/sync reads', () => {
  it('§2 a full sync returns all active data with a token, full_sync and full_sync_date_utc', async () => {
    const h = harness({ seed: 'demo' });
    const { status, json } = await h.sync({ sync_token: '*', resource_types: ['all'] });
    expect(status).toBe(200);
    expect(json.full_sync).toBe(true);
    expect(json.full_sync_date_utc).toBe('2025-03-05T15:00:00Z');
    expect(typeof json.sync_token).toBe('string');
    expect(json.sync_token).not.toBe('*');
    expect(json.projects.map((p: { name: string }) => p.name)).toEqual(['Inbox', 'Work', 'Home']);
    expect(json.sections.map((s: { name: string }) => s.name)).toEqual(['This week', 'Later']);
    expect(json.labels.map((l: { name: string }) => l.name)).toEqual([
      'errand',
      'deep-work',
      'waiting',
    ]);
    expect(json.items.length).toBe(15);
    expect(json.notes).toEqual([]);
    expect(json.user.tz_info.timezone).toBe('America/New_York');
    expect(json.temp_id_mapping).toEqual({});
    expect(json.sync_status).toEqual({});
  });

  it('§2 an incremental sync returns only what changed since the token', async () => {
    const h = harness({ seed: 'demo' });
    const full = await h.sync({ sync_token: '*', resource_types: ['all'] });
    const quiet = await h.sync({ sync_token: full.json.sync_token, resource_types: ['all'] });
    expect(quiet.json.full_sync).toBe(false);
    expect(quiet.json.full_sync_date_utc).toBeUndefined();
    expect(quiet.json.items).toEqual([]);
    expect(quiet.json.projects).toEqual([]);
    expect(quiet.json.user).toBeUndefined();

    await h.sync({ commands: [cmd('item_add', { content: 'New one' })] });
    const next = await h.sync({
      sync_token: quiet.json.sync_token,
      resource_types: ['items', 'projects'],
    });
    expect(next.json.items.map((t: { content: string }) => t.content)).toEqual(['New one']);
    expect(next.json.projects).toEqual([]);
    // The older token still names its own position: it sees the same change.
    const again = await h.sync({ sync_token: full.json.sync_token, resource_types: ['items'] });
    expect(again.json.items.map((t: { content: string }) => t.content)).toEqual(['New one']);
  });

  it('§2 deletions reach incremental syncs as is_deleted tombstones, never full syncs', async () => {
    const h = harness({ seed: 'demo' });
    const full = await h.sync({ sync_token: '*', resource_types: ['items'] });
    const victim = full.json.items.find(
      (t: { content: string }) => t.content === 'Water the plants',
    );
    await h.sync({ commands: [cmd('item_delete', { id: victim.id })] });

    const inc = await h.sync({ sync_token: full.json.sync_token, resource_types: ['items'] });
    expect(inc.json.items).toHaveLength(1);
    expect(inc.json.items[0]).toMatchObject({
      id: victim.id,
      is_deleted: true,
      content: 'Water the plants',
    });

    const again = await h.sync({ sync_token: '*', resource_types: ['items'] });
    expect(again.json.items.map((t: { id: string }) => t.id)).not.toContain(victim.id);
    expect(again.json.items.every((t: { is_deleted: boolean }) => !t.is_deleted)).toBe(true);
  });

  it('§2 completed tasks come back checked with completed_at in incremental syncs; full syncs leave them out', async () => {
    const h = harness({ seed: 'demo' });
    const full = await h.sync({ sync_token: '*', resource_types: ['items'] });
    // The seeded completed task is not in the full sync.
    expect(full.json.items.map((t: { content: string }) => t.content)).not.toContain(
      'Submit expense report',
    );
    const task = full.json.items.find((t: { content: string }) => t.content === 'Call the dentist');
    h.clock.advance(60_000);
    await h.sync({ commands: [cmd('item_complete', { id: task.id })] });
    const inc = await h.sync({ sync_token: full.json.sync_token, resource_types: ['items'] });
    expect(inc.json.items).toEqual([
      expect.objectContaining({
        id: task.id,
        checked: true,
        is_deleted: false,
        completed_at: '2025-03-05T15:01:00.000000Z',
      }),
    ]);
    const after = await h.sync({ sync_token: '*', resource_types: ['items'] });
    expect(after.json.items.map((t: { id: string }) => t.id)).not.toContain(task.id);
  });

  it('§2 resource_types selects resources; "all" with "-x" exclusions', async () => {
    const h = harness({ seed: 'demo' });
    const some = await h.sync({ sync_token: '*', resource_types: ['projects', 'labels'] });
    expect(Object.keys(some.json).sort()).toEqual(
      [
        'full_sync',
        'full_sync_date_utc',
        'labels',
        'projects',
        'sync_status',
        'sync_token',
        'temp_id_mapping',
      ].sort(),
    );
    const most = await h.sync({ sync_token: '*', resource_types: ['all', '-projects', '-user'] });
    expect(most.json.projects).toBeUndefined();
    expect(most.json.user).toBeUndefined();
    expect(most.json.items).toBeDefined();
    expect(most.json.sections).toBeDefined();
    expect(most.json.notes).toBeDefined();
    // Exclusions only subtract: alone they select nothing.
    const none = await h.sync({ sync_token: '*', resource_types: ['-projects'] });
    expect(none.json.items).toBeUndefined();
    expect(none.json.projects).toBeUndefined();
  });

  it('§2 form-encoded and JSON bodies are both accepted and answer alike', async () => {
    const h = harness({ seed: 'demo' });
    const form = await h.syncForm({ sync_token: '*', resource_types: ['projects'] });
    const json = await h.sync({ sync_token: '*', resource_types: ['projects'] });
    expect(form.status).toBe(200);
    expect(form.json.projects).toEqual(json.json.projects);
    const write = await h.syncForm({ commands: [cmd('item_add', { content: 'via form' }, 'tmp')] });
    expect(Object.values(write.json.sync_status)).toEqual(['ok']);
    expect(write.json.temp_id_mapping.tmp).toMatch(/^6\w{15}$/);
  });

  it("§2 an unknown, garbled or other user's sync token is answered with a full sync", async () => {
    const h = harness({ seed: 'demo' });
    const garbled = await h.sync({ sync_token: 'not-a-token', resource_types: ['projects'] });
    expect(garbled.json.full_sync).toBe(true);
    expect(garbled.json.projects).toHaveLength(3);
    const alex = h.emu.issueToken('alex');
    const alexFull = await h.sync({ sync_token: '*', resource_types: ['projects'] }, alex);
    const crossed = await h.sync({
      sync_token: alexFull.json.sync_token,
      resource_types: ['projects'],
    });
    expect(crossed.json.full_sync).toBe(true);
    expect(crossed.json.projects.map((p: { name: string }) => p.name)).toEqual([
      'Inbox',
      'Work',
      'Home',
    ]);
  });

  it('§2 a forced full sync answers the next incremental request with full_sync: true', async () => {
    const h = harness({ seed: 'demo' });
    const full = await h.sync({ sync_token: '*', resource_types: ['items'] });
    h.emu.forceFullSync({ user: 'demo' });
    const forced = await h.sync({ sync_token: full.json.sync_token, resource_types: ['items'] });
    expect(forced.json.full_sync).toBe(true);
    expect(forced.json.items).toHaveLength(15);
    const normal = await h.sync({ sync_token: forced.json.sync_token, resource_types: ['items'] });
    expect(normal.json.full_sync).toBe(false);
  });

  it('§2 a delayed full sync reflects an earlier moment and the following incremental catches up', async () => {
    const h = harness({ seed: 'demo' });
    h.clock.advance(10 * 60_000);
    await h.sync({ commands: [cmd('item_add', { content: 'Recent change' })] });
    h.emu.forceFullSync({ user: 'demo', mode: 'delayed', delayMs: 5 * 60_000 });
    const delayed = await h.sync({ sync_token: '*', resource_types: ['items'] });
    expect(delayed.json.full_sync).toBe(true);
    expect(delayed.json.full_sync_date_utc).toBe('2025-03-05T15:05:00Z');
    expect(delayed.json.items.map((t: { content: string }) => t.content)).not.toContain(
      'Recent change',
    );
    const follow = await h.sync({ sync_token: delayed.json.sync_token, resource_types: ['items'] });
    expect(follow.json.full_sync).toBe(false);
    expect(follow.json.items.map((t: { content: string }) => t.content)).toEqual(['Recent change']);
  });

  it('§2 the forced/delayed controls are reachable over the control API', async () => {
    const h = harness({ seed: 'demo' });
    const full = await h.sync({ sync_token: '*', resource_types: ['items'] });
    const res = await h.emu.fetch('http://todoist.local/__emulator/force-full-sync', {
      method: 'POST',
      body: JSON.stringify({ user: 'demo', mode: 'full' }),
    });
    expect(await res.json()).toEqual({ ok: true });
    const forced = await h.sync({ sync_token: full.json.sync_token, resource_types: ['items'] });
    expect(forced.json.full_sync).toBe(true);
    const bad = await h.emu.fetch('http://todoist.local/__emulator/force-full-sync', {
      method: 'POST',
      body: JSON.stringify({ user: 'nobody' }),
    });
    expect(bad.status).toBe(400);
  });
});
