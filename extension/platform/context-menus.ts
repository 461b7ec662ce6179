// The context menu: on selected text "Add to Google Calendar" (a submenu of the writable selected
// calendars, primary first) and "Add as Todoist task"; on a link or a page "Add page as Todoist
// task". Built from the store after every calendar-list run and account change. The click handler
// is exported so tests invoke exactly what contextMenus.onClicked calls.
import type { CalendarRecord, SourceRecord } from '../store/records';
import { isCalendarSelected } from '../store/selection';
import type { ContextMenusApi, MenuClickInfo, MenuCreateProperties, MenuTab } from './browser-api';
import type { QuickAddRequest } from './quick-add';
import type { QuickAddOutcome } from './quick-add-outbox';

export const MENU = {
  google: 'almanac-google',
  googleCalendar: 'almanac-google:',
  todoistSelection: 'almanac-todoist-selection:',
  todoistPage: 'almanac-todoist-page:',
} as const;

const WRITABLE = new Set(['owner', 'writer']);

export function writableCalendars(calendars: readonly CalendarRecord[]): CalendarRecord[] {
  return calendars
    .filter((c) => isCalendarSelected(c) && WRITABLE.has(c.accessRole ?? ''))
    .sort(
      (a, b) =>
        Number(b.primary) - Number(a.primary) ||
        calendarTitle(a).localeCompare(calendarTitle(b)) ||
        a.key.localeCompare(b.key),
    );
}

export const calendarTitle = (c: CalendarRecord) => c.summaryOverride ?? c.summary;

export function buildMenus(
  sources: readonly SourceRecord[],
  calendars: readonly CalendarRecord[],
): MenuCreateProperties[] {
  const menus: MenuCreateProperties[] = [];
  const googleCount = sources.filter((s) => s.provider === 'google').length;
  const writable = writableCalendars(calendars);
  if (writable.length > 0) {
    menus.push({ id: MENU.google, title: 'Add to Google Calendar', contexts: ['selection'] });
    const labels = new Map(sources.map((s) => [s.id, s.label ?? s.id]));
    for (const c of writable) {
      // With two Google accounts, "Work" alone is ambiguous.
      const suffix = googleCount > 1 ? ` — ${labels.get(c.sourceId) ?? c.sourceId}` : '';
      menus.push({
        id: MENU.googleCalendar + c.key,
        parentId: MENU.google,
        title: `${calendarTitle(c)}${suffix}`,
        contexts: ['selection'],
      });
    }
  }
  const todoist = sources.filter((s) => s.provider === 'todoist');
  for (const source of todoist) {
    const suffix = todoist.length > 1 ? ` (${source.label ?? source.id})` : '';
    menus.push({
      id: MENU.todoistSelection + source.id,
      title: `Add as Todoist task${suffix}`,
      contexts: ['selection'],
    });
    menus.push({
      id: MENU.todoistPage + source.id,
      title: `Add page as Todoist task${suffix}`,
      contexts: ['link', 'page'],
    });
  }
  return menus;
}

/** Replaces every Almanac menu entry; a signature check skips identical rebuilds. */
export function createMenuInstaller(menus: ContextMenusApi) {
  let installed: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  return (items: MenuCreateProperties[]): Promise<void> => {
    const run = queue.then(async () => {
      const signature = JSON.stringify(items);
      if (signature === installed) return;
      await menus.removeAll();
      for (const item of items) {
        await new Promise<void>((resolve) => {
          // The callback form reports duplicate ids via lastError instead of throwing.
          menus.create(item, () => resolve());
        });
      }
      installed = signature;
    });
    queue = run.catch(() => undefined);
    return run;
  };
}

/** Menu click → quick-add request (or undefined for clicks that are not ours / have no text). */
export function requestForClick(
  info: MenuClickInfo,
  tab: MenuTab | undefined,
  newId: () => string,
): QuickAddRequest | undefined {
  const id = String(info.menuItemId);
  const text = info.selectionText?.trim();
  if (id.startsWith(MENU.googleCalendar)) {
    if (!text) return undefined;
    return { target: 'google', calendarKey: id.slice(MENU.googleCalendar.length), text };
  }
  if (id.startsWith(MENU.todoistSelection)) {
    if (!text) return undefined;
    return { target: 'todoist', sourceId: id.slice(MENU.todoistSelection.length), text };
  }
  if (id.startsWith(MENU.todoistPage)) {
    const url = info.linkUrl ?? info.pageUrl ?? tab?.url;
    if (!url) return undefined;
    // A link: its selected text names it best; a page: its tab title.
    const title = (info.linkUrl ? text : undefined) ?? tab?.title?.trim() ?? url;
    return {
      target: 'todoist-page',
      sourceId: id.slice(MENU.todoistPage.length),
      title: title || url,
      url,
      uuid: newId(),
    };
  }
  return undefined;
}

export type MenuClickHandler = (
  info: MenuClickInfo,
  tab?: MenuTab,
) => Promise<QuickAddOutcome | undefined>;

export function createMenuClickHandler(deps: {
  readonly ready: () => Promise<{ submit(request: QuickAddRequest): Promise<QuickAddOutcome> }>;
  readonly newId: () => string;
}): MenuClickHandler {
  return async (info, tab) => {
    const request = requestForClick(info, tab, deps.newId);
    if (!request) return undefined;
    const service = await deps.ready();
    return service.submit(request);
  };
}
