import { errors } from '../errors';
import { QueryReader } from '../query-params';
import { isValidTimeZone } from '../time';

/** events.list parameters (spec §1), parsed and cross-validated. */
export interface EventsListParams {
  syncToken?: string;
  pageToken?: string;
  maxResults: number;
  singleEvents: boolean;
  /** undefined when absent (an explicit `false` is forbidden with syncToken). */
  showDeleted?: boolean;
  timeMin?: number;
  timeMax?: number;
  updatedMin?: number;
  orderBy?: 'startTime' | 'updated';
  iCalUID?: string;
  q?: string;
  privateExtendedProperty: [string, string][];
  sharedExtendedProperty: [string, string][];
  eventTypes: string[];
  timeZone?: string;
  /** The query a pageToken must repeat. */
  canonical: string;
}

export const DEFAULT_MAX_RESULTS = 250;
// spec §1: max 2500; larger values are clamped (Google: "can never be larger than 2500").
export const MAX_MAX_RESULTS = 2500;

function extendedProperty(name: string, values: string[]): [string, string][] {
  return values.map((v) => {
    const eq = v.indexOf('=');
    if (eq <= 0) throw errors.invalidParameter(name, v);
    return [v.slice(0, eq), v.slice(eq + 1)];
  });
}

const SYNC_FORBIDDEN = [
  'iCalUID',
  'orderBy',
  'privateExtendedProperty',
  'q',
  'sharedExtendedProperty',
  'timeMin',
  'timeMax',
  'updatedMin',
] as const;

export function parseEventsListParams(url: URL): EventsListParams {
  const r = new QueryReader(url.searchParams);
  const orderBy = r.string('orderBy');
  if (orderBy !== undefined && orderBy !== 'startTime' && orderBy !== 'updated') {
    throw errors.invalidParameter('orderBy', orderBy);
  }
  const timeZone = r.string('timeZone');
  if (timeZone !== undefined && !isValidTimeZone(timeZone))
    throw errors.invalidParameter('timeZone', timeZone);
  const p: EventsListParams = {
    maxResults: r.int('maxResults', 1, MAX_MAX_RESULTS) ?? DEFAULT_MAX_RESULTS,
    singleEvents: r.bool('singleEvents') ?? false,
    privateExtendedProperty: extendedProperty(
      'privateExtendedProperty',
      r.all('privateExtendedProperty'),
    ),
    sharedExtendedProperty: extendedProperty(
      'sharedExtendedProperty',
      r.all('sharedExtendedProperty'),
    ),
    eventTypes: r.all('eventTypes'),
    canonical: r.canonical(),
  };
  const assign = <K extends keyof EventsListParams>(k: K, v: EventsListParams[K] | undefined) => {
    if (v !== undefined) p[k] = v;
  };
  assign('syncToken', r.string('syncToken'));
  assign('pageToken', r.string('pageToken'));
  assign('showDeleted', r.bool('showDeleted'));
  assign('timeMin', r.time('timeMin'));
  assign('timeMax', r.time('timeMax'));
  assign('updatedMin', r.time('updatedMin'));
  assign('orderBy', orderBy);
  assign('iCalUID', r.string('iCalUID'));
  assign('q', r.string('q'));
  assign('timeZone', timeZone);

  if (p.syncToken !== undefined) {
    // spec §1: these restrictions cannot be combined with a sync token; neither can showDeleted=false.
    const clash = SYNC_FORBIDDEN.some((name) => r.has(name)) || p.showDeleted === false;
    if (clash) {
      throw errors.invalid(
        'Sync token cannot be used with other request restrictions.',
        'syncToken',
      );
    }
  }
  // spec §1: timeMax <= timeMin → 400 calendar/timeRangeEmpty.
  if (p.timeMin !== undefined && p.timeMax !== undefined && p.timeMax <= p.timeMin) {
    throw errors.timeRangeEmpty('timeMax');
  }
  if (p.orderBy === 'startTime' && !p.singleEvents) {
    throw errors.invalid(
      'The requested ordering is not available for the particular query.',
      'orderBy',
    );
  }
  return p;
}

/**
 * [seen] + stricter: only an unfiltered (optionally time-windowed) query earns a nextSyncToken.
 * orderBy never does (spec §1), and neither do the filters a sync token may not be used with.
 */
export function earnsSyncToken(p: EventsListParams): boolean {
  return (
    p.orderBy === undefined &&
    p.q === undefined &&
    p.iCalUID === undefined &&
    p.updatedMin === undefined &&
    p.privateExtendedProperty.length === 0 &&
    p.sharedExtendedProperty.length === 0 &&
    p.eventTypes.length === 0
  );
}
