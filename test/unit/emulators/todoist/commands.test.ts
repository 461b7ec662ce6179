import { describe, expect, it } from 'vitest';
import { cmd, harness, type SyncJson } from './harness';

const contents = (items: Array<{ content: string }>) => items.map((t) => t.content);

describe('sync commands', () => {
  it('§3 later commands refer to earlier temp ids; temp_id_mapping maps them', async () => {
    const h = harness();
    const { json } = await h.sync({
      commands: [
        cmd('project_add', { name: 'Garden' }, 'p-tmp'),
        cmd('section_add', { name: 'Beds', project_id: 'p-tmp' }, 's-tmp'),
        cmd('item_add', { content: 'Dig', section_id: 's-tmp' }, 'i-tmp'),
        cmd('item_add', { content: 'Rake', parent_id: 'i-tmp' }, 'c-tmp'),
      ],
    });
    expect(Object.values(json.sync_status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const map = json.temp_id_mapping;
    expect(Object.keys(map).sort()).toEqual(['c-tmp', 'i-tmp', 'p-tmp', 's-tmp']);
    const snap = h.emu.snapshot();
    const dig = snap.items.find((t) => t.id === map['i-tmp']);
    const rake = snap.items.find((t) => t.id === map['c-tmp']);
    expect(dig).toMatchObject({
      project_id: map['p-tmp'],
      section_id: map['s-tmp'],
      parent_id: null,
    });
    expect(rake).toMatchObject({
      project_id: map['p-tmp'],
      section_id: map['s-tmp'],
      parent_id: map['i-tmp'],
    });
  });

  it('§3 a uuid already executed is not executed again: ok and the same mapping, across requests', async () => {
    const h = harness();
    const add = cmd('item_add', { content: 'Only once' }, 'once');
    const first = await h.sync({ commands: [add] });
    const retry = await h.sync({
      commands: [add, cmd('item_update', { id: 'once', priority: 4 })],
    });
    expect(retry.json.sync_status).toEqual({
      [add.uuid]: 'ok',
      [Object.keys(retry.json.sync_status)[1]!]: 'ok',
    });
    expect(retry.json.temp_id_mapping).toEqual(first.json.temp_id_mapping);
    const tasks = h.emu.snapshot().items.filter((t) => t.content === 'Only once');
    expect(tasks).toHaveLength(1);
    // The replayed mapping made the temp id usable in the retry's later command.
    expect(tasks[0]?.priority).toBe(4);
  });

  it('§3 commands run in order and each answers for itself', async () => {
    const h = harness();
    const a = cmd('item_add', { content: 'first' }, 'a');
    const bad = cmd('item_update', { id: 'no-such-task', content: 'x' });
    const b = cmd('item_update', { id: 'a', content: 'renamed' });
    const del = cmd('item_delete', { id: 'a' });
    const afterDelete = cmd('item_update', { id: 'a', content: 'too late' });
    const { json } = await h.sync({ commands: [a, bad, b, del, afterDelete] });
    expect(json.sync_status[a.uuid]).toBe('ok');
    expect(json.sync_status[bad.uuid]).toEqual({
      error: 'Item not found',
      error_code: 22,
      error_extra: { id: 'no-such-task' },
      error_tag: 'ITEM_NOT_FOUND',
      http_code: 404,
    });
    expect(json.sync_status[b.uuid]).toBe('ok');
    expect(json.sync_status[del.uuid]).toBe('ok');
    expect(json.sync_status[afterDelete.uuid]).toMatchObject({ error_tag: 'ITEM_NOT_FOUND' });
    expect(h.emu.snapshot().items).toEqual([]);
  });

  it('§3 argument errors: missing content, empty content, bad priority, unknown project, unknown command', async () => {
    const h = harness();
    const cmds = [
      cmd('item_add', {}),
      cmd('item_add', { content: '   ' }),
      cmd('item_add', { content: 'x', priority: 5 }),
      cmd('item_add', { content: 'x', project_id: 'nope' }),
      cmd('item_fly', { id: 'x' }),
      cmd('item_add', { content: 'x', due: { string: 'qwerty zxcv' } }),
    ];
    const { json } = await h.sync({ commands: cmds });
    const tags = cmds.map((c) => (json.sync_status[c.uuid] as SyncJson).error_tag);
    expect(tags).toEqual([
      'ARGUMENT_MISSING',
      'INVALID_ARGUMENT_VALUE',
      'INVALID_ARGUMENT_VALUE',
      'PROJECT_NOT_FOUND',
      'UNKNOWN_COMMAND',
      'BAD_REQUEST',
    ]);
    expect(json.sync_status[cmds[0]!.uuid]).toMatchObject({
      error_code: 19,
      http_code: 400,
      error_extra: { argument: 'content' },
    });
    expect(h.emu.snapshot().items).toEqual([]);
  });

  it("§3 a failed command's temp id is INVALID_TEMPID for later commands; a failed uuid may be retried", async () => {
    const h = harness();
    const add = cmd('item_add', { content: '' }, 'ghost');
    const use = cmd('item_update', { id: 'ghost', content: 'x' });
    const { json } = await h.sync({ commands: [add, use] });
    expect(json.sync_status[use.uuid]).toMatchObject({
      error_tag: 'INVALID_TEMPID',
      error_code: 16,
      http_code: 400,
    });
    const retry = await h.sync({ commands: [{ ...add, args: { content: 'now real' } }] });
    expect(retry.json.sync_status[add.uuid]).toBe('ok');
    expect(contents(h.emu.snapshot().items)).toEqual(['now real']);
  });

  it('§3 more than 100 commands are refused whole with a 400 and nothing runs', async () => {
    const h = harness();
    const commands = Array.from({ length: 101 }, (_, i) => cmd('item_add', { content: `t${i}` }));
    const res = await h.sync({ commands });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error_tag: 'INVALID_ARGUMENT_VALUE',
      http_code: 400,
      error_extra: { argument: 'commands' },
    });
    expect(h.emu.snapshot().items).toEqual([]);
    const hundred = await h.sync({ commands: commands.slice(0, 100) });
    expect(hundred.status).toBe(200);
    expect(h.emu.snapshot().items).toHaveLength(100);
  });

  it('§3 item_add defaults to the Inbox, priority 1, and takes due, deadline, duration, labels', async () => {
    const h = harness();
    const add = cmd(
      'item_add',
      {
        content: 'Full task',
        description: 'details',
        due: { date: '2025-03-07T09:30:00' },
        deadline: { date: '2025-03-10' },
        duration: { amount: 30, unit: 'minute' },
        labels: ['a', 'b'],
      },
      't',
    );
    const { json } = await h.sync({ commands: [add] });
    const task = h.emu.snapshot().items[0]!;
    expect(task.id).toBe(json.temp_id_mapping.t);
    expect(task).toMatchObject({
      project_id: h.emu.user().account.inboxProjectId,
      priority: 1,
      description: 'details',
      due: { date: '2025-03-07T09:30:00', timezone: null, is_recurring: false, lang: 'en' },
      deadline: { date: '2025-03-10', lang: 'en' },
      duration: { amount: 30, unit: 'minute' },
      labels: ['a', 'b'],
    });
  });

  it('§3 item_update edits fields but neither moves nor completes', async () => {
    const h = harness({ seed: 'demo' });
    const task = h.emu.snapshot().items.find((t) => t.content === 'Water the plants')!;
    const inbox = h.emu.user().account.inboxProjectId;
    const { json } = await h.sync({
      commands: [
        cmd('item_update', {
          id: task.id,
          content: 'Water the ferns',
          project_id: inbox,
          checked: true,
          due: null,
        }),
      ],
    });
    expect(Object.values(json.sync_status)).toEqual(['ok']);
    const after = h.emu.snapshot().items.find((t) => t.id === task.id)!;
    expect(after).toMatchObject({
      content: 'Water the ferns',
      project_id: task.project_id,
      checked: false,
      due: null,
    });
  });

  it('§3 item_move takes exactly one of parent_id, section_id, project_id and carries subtasks', async () => {
    const h = harness({ seed: 'demo' });
    const snap = h.emu.snapshot();
    const doc = snap.items.find((t) => t.content === 'Draft Q3 planning doc')!;
    const home = snap.projects.find((p) => p.name === 'Home')!;
    const two = cmd('item_move', { id: doc.id, project_id: home.id, section_id: doc.section_id });
    const move = cmd('item_move', { id: doc.id, project_id: home.id });
    const { json } = await h.sync({ commands: [two, move] });
    expect(json.sync_status[two.uuid]).toMatchObject({ error_tag: 'INVALID_ARGUMENT_VALUE' });
    expect(json.sync_status[move.uuid]).toBe('ok');
    const after = h.emu.snapshot().items;
    const child = after.find((t) => t.content === 'Collect metrics from the dashboard')!;
    expect(after.find((t) => t.id === doc.id)).toMatchObject({
      project_id: home.id,
      section_id: null,
      parent_id: null,
    });
    expect(child).toMatchObject({ project_id: home.id, section_id: null, parent_id: doc.id });
  });

  it('§3 item_delete deletes subtasks too', async () => {
    const h = harness({ seed: 'demo' });
    const doc = h.emu.snapshot().items.find((t) => t.content === 'Draft Q3 planning doc')!;
    await h.sync({ commands: [cmd('item_delete', { id: doc.id })] });
    expect(contents(h.emu.snapshot().items)).not.toContain('Collect metrics from the dashboard');
    expect(h.emu.user().items.get(doc.id)?.is_deleted).toBe(true);
  });

  it('§3 item_complete checks subtasks; item_uncomplete reopens the task and its ancestors', async () => {
    const h = harness({ seed: 'demo' });
    const doc = h.emu.snapshot().items.find((t) => t.content === 'Draft Q3 planning doc')!;
    const child = h.emu.snapshot().items.find((t) => t.parent_id === doc.id)!;
    await h.sync({ commands: [cmd('item_complete', { id: doc.id })] });
    expect(
      h.emu
        .snapshot()
        .completedItems.map((t) => t.id)
        .sort(),
    ).toEqual(
      [
        doc.id,
        child.id,
        ...h.emu
          .snapshot()
          .completedItems.filter((t) => t.content === 'Submit expense report')
          .map((t) => t.id),
      ].sort(),
    );
    await h.sync({ commands: [cmd('item_uncomplete', { id: child.id })] });
    const open = h.emu.snapshot().items.map((t) => t.id);
    expect(open).toContain(doc.id);
    expect(open).toContain(child.id);
    expect(h.emu.user().items.get(doc.id)?.completed_at).toBeNull();
  });

  it('§3 item_close on a recurring task moves it to its next date instead of closing it', async () => {
    // Friday 2025-03-07 12:00 in New York.
    const h = harness({ start: Date.UTC(2025, 2, 7, 17) });
    const { json } = await h.sync({
      commands: [
        cmd('item_add', { content: 'Standup', due: { string: 'every weekday' } }, 'w'),
        cmd('item_add', { content: 'Gym', due: { string: 'every monday' } }, 'm'),
        cmd('item_add', { content: 'Vitamins', due: { string: 'every day' } }, 'd'),
        cmd('item_add', { content: 'Once', due: { date: '2025-03-07' } }, 'o'),
      ],
    });
    const id = (k: string) => json.temp_id_mapping[k] as string;
    const dueOf = (k: string) => h.emu.user().items.get(id(k))?.due;
    expect(dueOf('w')).toEqual({
      date: '2025-03-07',
      timezone: null,
      string: 'every weekday',
      lang: 'en',
      is_recurring: true,
    });
    expect(dueOf('m')?.date).toBe('2025-03-10');
    expect(dueOf('d')?.date).toBe('2025-03-07');

    await h.sync({ commands: ['w', 'm', 'd', 'o'].map((k) => cmd('item_close', { id: id(k) })) });
    expect(dueOf('w')?.date).toBe('2025-03-10'); // Friday → Monday
    expect(dueOf('m')?.date).toBe('2025-03-17');
    expect(dueOf('d')?.date).toBe('2025-03-08');
    for (const k of ['w', 'm', 'd']) expect(h.emu.user().items.get(id(k))?.checked).toBe(false);
    expect(h.emu.user().items.get(id('o'))).toMatchObject({
      checked: true,
      completed_at: '2025-03-07T17:00:00.000000Z',
    });

    // item_complete completes a recurring task for good.
    await h.sync({ commands: [cmd('item_complete', { id: id('d') })] });
    expect(h.emu.user().items.get(id('d'))?.checked).toBe(true);
  });

  it('§3 project_delete removes its sections and tasks; the Inbox cannot be deleted', async () => {
    const h = harness({ seed: 'demo' });
    const work = h.emu.snapshot().projects.find((p) => p.name === 'Work')!;
    const inbox = h.emu.user().account.inboxProjectId;
    const del = cmd('project_delete', { id: work.id });
    const delInbox = cmd('project_delete', { id: inbox });
    const { json } = await h.sync({ commands: [del, delInbox] });
    expect(json.sync_status[del.uuid]).toBe('ok');
    expect(json.sync_status[delInbox.uuid]).toMatchObject({ error_tag: 'INBOX_PROJECT_IMMUTABLE' });
    const snap = h.emu.snapshot();
    expect(snap.projects.map((p) => p.name)).toEqual(['Inbox', 'Home']);
    expect(snap.sections).toEqual([]);
    expect(snap.items.every((t) => t.project_id !== work.id)).toBe(true);
  });

  it('§3 label_add and note_add create labels and comments; label rename follows onto tasks', async () => {
    const h = harness();
    const { json } = await h.sync({
      commands: [
        cmd('label_add', { name: 'urgent' }, 'l'),
        cmd('item_add', { content: 'x', labels: ['urgent'] }, 'i'),
        cmd('note_add', { item_id: 'i', content: 'a comment' }, 'n'),
        cmd('label_update', { id: 'l', name: 'now' }),
      ],
    });
    expect(Object.values(json.sync_status).every((s) => s === 'ok')).toBe(true);
    const snap = h.emu.snapshot();
    expect(snap.labels.map((l) => l.name)).toEqual(['now']);
    expect(snap.items[0]?.labels).toEqual(['now']);
    expect(snap.notes[0]).toMatchObject({
      item_id: json.temp_id_mapping.i,
      content: 'a comment',
      is_deleted: false,
    });
  });
});
