import type { Context, Hono } from 'hono';
import type { EmulatorEnv } from '../../common/env';
import type { TodoistDeps } from '../deps';
import { errorBody, TodoistError } from '../errors';
import type { TaskJson } from '../model';

/**
 * The read-only REST-style routes the official SDK's getTasks/getTask/getProjects/getSections/
 * getLabels call (not in the spec's list, but part of API v1 and cheap to serve faithfully):
 * cursor pagination as `{results, next_cursor}`. Only active objects are listed.
 */
export function registerRest(app: Hono<EmulatorEnv>, deps: TodoistDeps): void {
  const spend = (c: Context) => {
    const verdict = deps.budgets.take(deps.userOf(c).account.key, 'partial');
    return verdict.ok
      ? null
      : c.json(errorBody('LIMITS_REACHED', { retry_after: verdict.retryAfter }), 429);
  };

  app.get('/api/v1/tasks', (c) => {
    c.set('endpoint', 'tasks.list');
    const refused = spend(c);
    if (refused) return refused;
    const user = deps.userOf(c);
    const q = c.req.query();
    const ids = q.ids === undefined ? undefined : idList(q.ids);
    const tasks = [...user.items.values()].filter(
      (t) =>
        !t.is_deleted &&
        !t.checked &&
        (q.project_id === undefined || t.project_id === q.project_id) &&
        (q.section_id === undefined || t.section_id === q.section_id) &&
        (q.parent_id === undefined || t.parent_id === q.parent_id) &&
        (q.label === undefined || t.labels.includes(q.label)) &&
        (ids === undefined || ids.includes(t.id)),
    );
    return c.json(page(tasks, q.cursor, q.limit));
  });

  app.get('/api/v1/tasks/:id', (c) => {
    c.set('endpoint', 'tasks.get');
    const refused = spend(c);
    if (refused) return refused;
    const task: TaskJson | undefined = deps.userOf(c).live('items', c.req.param('id'));
    if (task === undefined) throw new TodoistError('ITEM_NOT_FOUND', { id: c.req.param('id') });
    return c.json(task);
  });

  app.get('/api/v1/projects', (c) => {
    c.set('endpoint', 'projects.list');
    const refused = spend(c);
    if (refused) return refused;
    const list = [...deps.userOf(c).projects.values()].filter(
      (p) => !p.is_deleted && !p.is_archived,
    );
    return c.json(page(list, c.req.query('cursor'), c.req.query('limit')));
  });

  app.get('/api/v1/sections', (c) => {
    c.set('endpoint', 'sections.list');
    const refused = spend(c);
    if (refused) return refused;
    const projectId = c.req.query('project_id');
    const list = [...deps.userOf(c).sections.values()].filter(
      (s) => !s.is_deleted && (projectId === undefined || s.project_id === projectId),
    );
    return c.json(page(list, c.req.query('cursor'), c.req.query('limit')));
  });

  app.get('/api/v1/labels', (c) => {
    c.set('endpoint', 'labels.list');
    const refused = spend(c);
    if (refused) return refused;
    const list = [...deps.userOf(c).labels.values()].filter((l) => !l.is_deleted);
    return c.json(page(list, c.req.query('cursor'), c.req.query('limit')));
  });
}

/** The SDK sends `ids` as a JSON array; a comma list is accepted too. */
function idList(raw: string): string[] {
  if (raw.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(raw);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
    } catch {
      // fall through to the error below
    }
    throw new TodoistError('INVALID_ARGUMENT_VALUE', { argument: 'ids' });
  }
  return raw.split(',').filter((s) => s !== '');
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** One page and an opaque cursor for the next (null at the end). */
function page<T>(all: T[], cursor: string | undefined, limitRaw: string | undefined) {
  // Digits only: `1e2`, `0x10` or ` 5` are not integers to a strict server.
  const limit =
    limitRaw === undefined ? DEFAULT_LIMIT : /^\d{1,4}$/.test(limitRaw) ? Number(limitRaw) : NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new TodoistError('INVALID_ARGUMENT_VALUE', { argument: 'limit' });
  }
  const offset = cursor === undefined || cursor === '' ? 0 : decodeCursor(cursor);
  const results = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? encodeCursor(offset + limit) : null;
  return { results, next_cursor: next };
}

function encodeCursor(offset: number): string {
  return btoa(JSON.stringify({ o: offset })).replace(/=+$/, '');
}

function decodeCursor(cursor: string): number {
  try {
    const v: unknown = JSON.parse(atob(cursor));
    const o = (v as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw new TodoistError('INVALID_ARGUMENT_VALUE', { argument: 'cursor' });
}
