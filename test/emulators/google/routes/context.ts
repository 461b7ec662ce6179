import type { Context } from 'hono';
import type { EmulatorEnv } from '../../common/env';
import type { GoogleDeps } from '../deps';
import { errors } from '../errors';
import type { ListTarget } from '../events/list-events';
import { canWrite } from '../state';

type Ctx = Context<EmulatorEnv>;

/** The authenticated user id (set by the auth middleware). */
export function userOf(c: Ctx): string {
  return c.get('user');
}

/** The calendar named in the path, as the current user sees it (spec §1: `primary` alias). */
export function calendarTarget(deps: GoogleDeps, c: Ctx): ListTarget {
  const userId = userOf(c);
  const { calendar, role } = deps.state.resolveCalendar(userId, c.req.param('calendarId') ?? '');
  const entry = deps.state.calendarList(userId).get(calendar.id)?.latest;
  return {
    calendar,
    role,
    viewer: deps.state.user(userId),
    ...(entry === undefined || entry.deleted ? {} : { entry }),
  };
}

/** Writes need writer or owner (spec: writes on a reader calendar → 403). */
export function writableTarget(deps: GoogleDeps, c: Ctx): ListTarget {
  const t = calendarTarget(deps, c);
  if (!canWrite(t.role)) throw errors.requiredAccessLevel();
  return t;
}

/** `timeZone` query parameter, validated, else the calendar's zone. */
export function zoneOf(c: Ctx, fallback: string): string {
  const zone = c.req.query('timeZone');
  if (zone === undefined) return fallback;
  try {
    Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw errors.invalidParameter('timeZone', zone);
  }
  return zone;
}
