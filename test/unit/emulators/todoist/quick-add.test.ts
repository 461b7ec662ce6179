import { describe, expect, it } from 'vitest';
import { parseQuickAdd, type QuickAddScope } from '../../../emulators/todoist/quick-add';
import { cmd, harness } from './harness';

const quick = (h: ReturnType<typeof harness>, body: Record<string, unknown>) =>
  h.call('/api/v1/tasks/quick', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /api/v1/tasks/quick', () => {
  it('§4 parses date, #project, /section, @label, p1 and // description in one line', async () => {
    const h = harness({ seed: 'demo' });
    const home = h.emu.snapshot().projects.find((p) => p.name === 'Home')!;
    const { json: made } = await h.sync({
      commands: [cmd('section_add', { name: 'Errands', project_id: home.id }, 's')],
    });
    const res = await quick(h, {
      text: 'Buy milk tomorrow 5pm #Home /Errands @errand p1 // 2 litres',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      content: 'Buy milk',
      description: '2 litres',
      project_id: home.id,
      section_id: made.temp_id_mapping.s,
      labels: ['errand'],
      priority: 4, // p1 is the most urgent = API priority 4
      // The clock says Wed 2025-03-05 10:00 in New York; tomorrow 5pm is floating local time.
      due: {
        date: '2025-03-06T17:00:00',
        timezone: null,
        string: 'tomorrow 5pm',
        lang: 'en',
        is_recurring: false,
      },
      checked: false,
      is_deleted: false,
    });
    // The created task is part of the truth and of the next incremental sync.
    expect(h.emu.snapshot().items.find((t) => t.id === res.json.id)?.content).toBe('Buy milk');
  });

  it('§4 a multi-word #project is matched by the longest existing name', async () => {
    const h = harness();
    await h.sync({
      commands: [
        cmd('project_add', { name: 'Home' }, 'a'),
        cmd('project_add', { name: 'Home Office' }, 'b'),
      ],
    });
    const { json: ids } = await h.sync({ sync_token: '*', resource_types: ['projects'] });
    const office = ids.projects.find((p: { name: string }) => p.name === 'Home Office');
    const res = await quick(h, { text: 'Order a desk lamp #Home Office' });
    expect(res.json).toMatchObject({ content: 'Order a desk lamp', project_id: office.id });
  });

  it('§4 an unknown @label is created; an unknown #project or /section stays in the text', async () => {
    const h = harness();
    const res = await quick(h, { text: 'Ask about #Nowhere /Nothing @brand-new' });
    expect(res.json).toMatchObject({
      content: 'Ask about #Nowhere /Nothing',
      project_id: h.emu.user().account.inboxProjectId,
      section_id: null,
      labels: ['brand-new'],
    });
    expect(h.emu.snapshot().labels.map((l) => l.name)).toEqual(['brand-new']);
  });

  it('§4 unparsable text still creates a task with the raw text', async () => {
    const h = harness();
    const res = await quick(h, { text: 'zxqv wibble' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ content: 'zxqv wibble', due: null, priority: 1, labels: [] });
  });

  it('§4 "every monday" makes a recurring due; {deadline} sets the deadline; note adds a comment', async () => {
    const h = harness();
    const res = await quick(h, {
      text: 'Take out bins every monday {friday}',
      note: 'green bin too',
      meta: true,
    });
    expect(res.json).toMatchObject({
      content: 'Take out bins',
      due: { date: '2025-03-10', string: 'every monday', is_recurring: true, timezone: null },
      deadline: { date: '2025-03-07', lang: 'en' },
    });
    expect(res.json.meta).toMatchObject({
      project: [h.emu.user().account.inboxProjectId, 'Inbox'],
    });
    expect(h.emu.snapshot().notes).toEqual([
      expect.objectContaining({ item_id: res.json.id, content: 'green bin too' }),
    ]);
  });

  it('§4 a missing or empty text is a 400 with a Todoist error body', async () => {
    const h = harness();
    const missing = await quick(h, {});
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({
      error_tag: 'ARGUMENT_MISSING',
      error_extra: { argument: 'text' },
    });
    const empty = await quick(h, { text: '  ' });
    expect(empty.json).toMatchObject({ error_tag: 'INVALID_ARGUMENT_VALUE', http_code: 400 });
    expect(h.emu.snapshot().items).toEqual([]);
  });
});

describe('quick-add parser', () => {
  const scope: QuickAddScope = { projects: [], sections: [], labels: [], inboxId: 'inbox' };
  const ctx = { now: Date.UTC(2025, 2, 5, 15), timeZone: 'America/New_York' };

  it("§4 dates are relative to the clock in the user's time zone", () => {
    // 03:30 UTC on Mar 6 is still Mar 5 (22:30) in New York: "tomorrow" is Mar 6.
    const late = { now: Date.UTC(2025, 2, 6, 3, 30), timeZone: 'America/New_York' };
    expect(parseQuickAdd('Stretch tomorrow', scope, late).due?.date).toBe('2025-03-06');
    // The same instant in Berlin is already Mar 6: "tomorrow" is Mar 7.
    expect(
      parseQuickAdd('Stretch tomorrow', scope, { ...late, timeZone: 'Europe/Berlin' }).due?.date,
    ).toBe('2025-03-07');
  });

  it('§4 p1..p4 map to API priorities 4..1; a URL is not a description', () => {
    expect(parseQuickAdd('a p1', scope, ctx).priority).toBe(4);
    expect(parseQuickAdd('a p2', scope, ctx).priority).toBe(3);
    expect(parseQuickAdd('a p3', scope, ctx).priority).toBe(2);
    expect(parseQuickAdd('a p4', scope, ctx).priority).toBe(1);
    expect(parseQuickAdd('read https://example.com/x', scope, ctx)).toMatchObject({
      content: 'read https://example.com/x',
      description: '',
    });
  });

  it('§4 "every weekday at 9am" is a recurring floating date-time', () => {
    expect(parseQuickAdd('Standup every weekday at 9am', scope, ctx)).toMatchObject({
      content: 'Standup',
      // 10:00 on a Wednesday: today's 9:00 has passed, so Thursday.
      due: { date: '2025-03-06T09:00:00', string: 'every weekday at 9am', is_recurring: true },
    });
  });
});
