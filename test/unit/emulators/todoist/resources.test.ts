import { describe, expect, it } from 'vitest';
import { taskWebLink } from '../../../emulators/todoist';
import { cmd, harness } from './harness';

const TASK_FIELDS = [
  'id',
  'user_id',
  'project_id',
  'section_id',
  'parent_id',
  'content',
  'description',
  'priority',
  'due',
  'deadline',
  'duration',
  'child_order',
  'day_order',
  'is_collapsed',
  'labels',
  'added_by_uid',
  'assigned_by_uid',
  'responsible_uid',
  'checked',
  'is_deleted',
  'added_at',
  'updated_at',
  'completed_at',
];

describe('resource shapes', () => {
  it('§5 a task carries exactly the documented fields, snake_case, with opaque string ids', async () => {
    const h = harness({ seed: 'demo' });
    const { json } = await h.sync({ sync_token: '*', resource_types: ['items'] });
    for (const task of json.items) {
      expect(Object.keys(task).sort()).toEqual([...TASK_FIELDS].sort());
      expect(task.id).toMatch(/^[0-9A-Za-z]{16}$/);
      expect(task.added_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    }
  });

  it('§5 due dates are all-day, floating, or fixed UTC with a timezone', async () => {
    const h = harness();
    const { json } = await h.sync({
      commands: [
        cmd('item_add', { content: 'a', due: { date: '2025-03-08' } }, 'a'),
        cmd('item_add', { content: 'b', due: { date: '2025-03-08T09:00:00' } }, 'b'),
        cmd(
          'item_add',
          { content: 'c', due: { date: '2025-03-08T14:00:00Z', timezone: 'Europe/Rome' } },
          'c',
        ),
        cmd('item_add', { content: 'd', due: { date: '2025-03-08T14:00:00Z' } }, 'd'),
        cmd('item_add', { content: 'e', due: { date: '2025-02-30' } }, 'e'),
      ],
      resource_types: ['items'],
    });
    const byContent = Object.fromEntries(
      json.items.map((t: { content: string }) => [t.content, t]),
    );
    expect(byContent.a.due).toEqual({
      date: '2025-03-08',
      timezone: null,
      string: 'Mar 8',
      lang: 'en',
      is_recurring: false,
    });
    expect(byContent.b.due).toMatchObject({ date: '2025-03-08T09:00:00', timezone: null });
    expect(byContent.c.due).toMatchObject({
      date: '2025-03-08T14:00:00Z',
      timezone: 'Europe/Rome',
    });
    // A UTC time without a zone is pinned to the user's zone.
    expect(byContent.d.due).toMatchObject({
      date: '2025-03-08T14:00:00Z',
      timezone: 'America/New_York',
    });
    expect(byContent.e).toBeUndefined();
    expect(Object.values(json.sync_status).filter((s) => s !== 'ok')).toHaveLength(1);
  });

  it('§5 the web link of a task', () => {
    expect(taskWebLink('6X7rM8997g3RQmvh')).toBe(
      'https://app.todoist.com/app/task/6X7rM8997g3RQmvh',
    );
  });

  it('§2 the Inbox is flagged inbox_project; the user names its inbox and time zone', async () => {
    const h = harness({ seed: 'demo' });
    const { json } = await h.sync({ sync_token: '*', resource_types: ['projects', 'user'] });
    const inbox = json.projects.find((p: { inbox_project: boolean }) => p.inbox_project);
    expect(inbox.name).toBe('Inbox');
    expect(json.projects.filter((p: { inbox_project: boolean }) => p.inbox_project)).toHaveLength(
      1,
    );
    expect(json.user.inbox_project_id).toBe(inbox.id);
    // 2025-03-05 is before the US DST switch: New York is UTC-5, standard time.
    expect(json.user.tz_info).toEqual({
      timezone: 'America/New_York',
      hours: -5,
      minutes: 0,
      is_dst: 0,
      gmt_string: '-05:00',
    });
    h.clock.set(Date.UTC(2025, 6, 1));
    const summer = await h.sync({ sync_token: '*', resource_types: ['user'] });
    expect(summer.json.user.tz_info).toMatchObject({ hours: -4, is_dst: 1, gmt_string: '-04:00' });
  });

  it("the demo seed is deterministic and relative to the clock's today", async () => {
    const a = harness({ seed: 'demo' });
    const b = harness({ seed: 'demo' });
    expect(a.emu.snapshot()).toEqual(b.emu.snapshot());
    const snap = a.emu.snapshot();
    const due = (content: string) => snap.items.find((t) => t.content === content)?.due;
    expect(due('Renew passport')?.date).toBe('2025-03-04'); // overdue
    expect(due('Buy groceries')?.date).toBe('2025-03-05T18:00:00');
    expect(due('Team standup')).toMatchObject({
      string: 'every weekday',
      is_recurring: true,
      date: '2025-03-05',
    });
    expect(snap.completedItems.map((t) => t.content)).toEqual(['Submit expense report']);
    expect(snap.items.filter((t) => t.parent_id !== null)).toHaveLength(1);
    expect(snap.items.filter((t) => t.description !== '').length).toBeGreaterThanOrEqual(1);
    const later = harness({ seed: 'demo', start: Date.UTC(2025, 5, 2, 15) });
    expect(later.emu.snapshot().items.find((t) => t.content === 'Renew passport')?.due?.date).toBe(
      '2025-06-01',
    );
    expect(a.emu.snapshot('alex').items.map((t) => t.content)).toEqual([
      'Sketch the landing page',
      'Pick up parcel',
    ]);
  });

  it('reset replaces state and invalidates tokens and sync tokens', async () => {
    const h = harness({ seed: 'demo' });
    const full = await h.sync({ sync_token: '*', resource_types: ['items'] });
    h.emu.reset('empty');
    expect((await h.sync({ sync_token: '*' })).status).toBe(401);
    const token = h.emu.issueToken('demo');
    const after = await h.sync(
      { sync_token: full.json.sync_token, resource_types: ['items', 'projects'] },
      token,
    );
    expect(after.json.full_sync).toBe(true);
    expect(after.json.items).toEqual([]);
    expect(after.json.projects.map((p: { name: string }) => p.name)).toEqual(['Inbox']);
  });

  it('GET /api/v1/tasks and /projects page with {results, next_cursor}', async () => {
    const h = harness({ seed: 'demo' });
    const first = await h.call('/api/v1/tasks?limit=10');
    expect(first.json.results).toHaveLength(10);
    expect(typeof first.json.next_cursor).toBe('string');
    const second = await h.call(`/api/v1/tasks?limit=10&cursor=${first.json.next_cursor}`);
    expect(second.json.results).toHaveLength(5);
    expect(second.json.next_cursor).toBeNull();
    const home = h.emu.snapshot().projects.find((p) => p.name === 'Home')!;
    const inHome = await h.call(`/api/v1/tasks?project_id=${home.id}`);
    expect(inHome.json.results.map((t: { content: string }) => t.content)).toEqual([
      'Water the plants',
      'Fix the leaking tap',
      'Plan weekend trip',
      'Pay electricity bill',
    ]);
    const projects = await h.call('/api/v1/projects');
    expect(projects.json).toMatchObject({ next_cursor: null });
    expect(projects.json.results).toHaveLength(3);
    const bad = await h.call('/api/v1/tasks?cursor=%%%');
    expect(bad.status).toBe(400);
    const missing = await h.call('/api/v1/tasks/nope');
    expect(missing.status).toBe(404);
  });
});
