// Context-menu quick add, invoked through the very handler contextMenus.onClicked calls: the
// event lands in the emulator, a notification offers "Open", and a request that fails for a
// passing reason waits in the outbox until the outbox alarm retries it.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OUTBOX_ALARM } from '../../extension/platform/alarm-plan';
import type { Background } from '../../extension/platform/background-main';
import { CALENDAR_IDS } from '../emulators/google/index';
import { createWorld, SOURCE, startSyncedGoogle, type World } from './helpers/background-harness';

const QUICK_ADD = '/calendar/v3/calendars/*/events/quickAdd';

describe('quick add from the context menu', () => {
  let world: World;
  let bg: Background;
  beforeEach(async () => {
    world = createWorld();
    bg = await startSyncedGoogle(world);
  });

  const workItem = `almanac-google:${SOURCE}:${CALENDAR_IDS.work}`;

  it('creates the event with events.quickAdd and notifies with an Open link', async () => {
    const outcome = await bg.onMenuClicked({
      menuItemId: workItem,
      selectionText: 'Lunch with Sam tomorrow 1pm',
    });
    expect(outcome).toMatchObject({ status: 'created', title: 'Lunch with Sam' });
    const created = world.google
      .snapshot('demo', CALENDAR_IDS.work)
      .filter((e) => e.summary === 'Lunch with Sam');
    expect(created).toHaveLength(1);
    const notifications = await fakeBrowser.notifications.getAll();
    const [id, options] = Object.entries(notifications)[0] ?? [];
    expect(options).toMatchObject({
      title: 'Event added',
      message: 'Lunch with Sam',
      buttons: [{ title: 'Open' }],
    });
    // "Open" opens the event's htmlLink.
    await fakeBrowser.notifications.onButtonClicked.trigger(id ?? '', 0);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(created[0]?.htmlLink);
  });

  it('ignores a click without selected text and clicks on other menus', async () => {
    expect(await bg.onMenuClicked({ menuItemId: workItem, selectionText: '   ' })).toBeUndefined();
    expect(
      await bg.onMenuClicked({ menuItemId: 'someone-else', selectionText: 'x' }),
    ).toBeUndefined();
    expect(world.google.log.entries().filter((e) => e.endpoint === 'events.quickAdd')).toHaveLength(
      0,
    );
  });

  it('reports a refused request clearly and does not queue it', async () => {
    world.google.faults.add({
      match: { method: 'POST', path: QUICK_ADD },
      respond: { status: 403 },
      times: 1,
    });
    const outcome = await bg.onMenuClicked({
      menuItemId: workItem,
      selectionText: 'Dentist friday 9am',
    });
    expect(outcome).toMatchObject({ status: 'failed', error: { status: 403 } });
    expect(await (await world.db()).outbox.count()).toBe(0);
    const [, options] = Object.entries(await fakeBrowser.notifications.getAll())[0] ?? [];
    expect(options).toMatchObject({ title: 'Could not add the event' });
  });

  it('queues in the outbox when the provider fails, and the outbox alarm retries it', async () => {
    world.google.faults.add({
      match: { method: 'POST', path: QUICK_ADD },
      respond: { status: 503 },
      times: 1,
    });
    const outcome = await bg.onMenuClicked({
      menuItemId: workItem,
      selectionText: 'Dentist friday 9am',
    });
    expect(outcome).toMatchObject({ status: 'queued', error: { status: 503 } });
    const db = await world.db();
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({
      kind: 'quick-add',
      attempts: 1,
      payload: { target: 'google', text: 'Dentist friday 9am' },
    });
    const alarm = (await fakeBrowser.alarms.getAll()).find((a) => a.name === OUTBOX_ALARM);
    expect(alarm?.scheduledTime).toBe(row?.nextAttemptAt);
    expect(alarm?.scheduledTime ?? 0).toBeGreaterThanOrEqual(world.clock.now() + 30_000);

    world.clock.advance(2 * 60 * 60_000);
    await bg.onAlarm(OUTBOX_ALARM);
    expect(await db.outbox.count()).toBe(0);
    expect(
      world.google.snapshot('demo', CALENDAR_IDS.work).filter((e) => e.summary === 'Dentist'),
    ).toHaveLength(1);
    const titles = Object.values(await fakeBrowser.notifications.getAll()).map((n) => n.title);
    expect(titles).toContain('Event added');
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).not.toContain(OUTBOX_ALARM);
  });

  it('adds a Todoist task with quick-add syntax, and a page with its URL as the description', async () => {
    const token = world.todoist.issueToken('demo');
    const connected = await bg.route({ type: 'connect', provider: 'todoist', token });
    expect(connected.ok).toBe(true);
    const sourceId = connected.ok ? (connected.data as { sourceId: string }).sourceId : '';
    expect(world.menus.items.map((i) => i.title)).toEqual(
      expect.arrayContaining(['Add as Todoist task', 'Add page as Todoist task']),
    );

    const task = await bg.onMenuClicked({
      menuItemId: `almanac-todoist-selection:${sourceId}`,
      selectionText: 'Buy milk tomorrow p1',
    });
    expect(task).toMatchObject({
      status: 'created',
      title: 'Buy milk',
      link: expect.stringMatching(/^https:\/\/app\.todoist\.com\/app\/task\//),
    });

    const page = await bg.onMenuClicked(
      { menuItemId: `almanac-todoist-page:${sourceId}`, pageUrl: 'https://example.com/a' },
      { title: 'Meeting tomorrow p1 — Example', url: 'https://example.com/a' },
    );
    expect(page).toMatchObject({ status: 'created', title: 'Meeting tomorrow p1 — Example' });
    const items = await todoistItems(world, token);
    const added = items.find((i) => i.content === 'Meeting tomorrow p1 — Example');
    // Not parsed as quick-add syntax: no due date, no priority; the URL is the description.
    expect(added).toMatchObject({ description: 'https://example.com/a', priority: 1, due: null });
  });
});

async function todoistItems(world: World, token: string) {
  const res = await world.todoist.fetch('https://api.todoist.com/api/v1/sync', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sync_token: '*', resource_types: ['items'] }),
  });
  const body = (await res.json()) as { items: Record<string, unknown>[] };
  return body.items;
}
