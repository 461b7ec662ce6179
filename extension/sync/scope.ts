// A scope is the unit of sync (DESIGN §2): the Google calendar list of one account, one Google
// calendar, or one Todoist account (its tasks, projects, sections and labels share one sync token,
// todoist spec §2). Scope ids are strings so they can name locks, alarms and audit rows.

export type Scope =
  | {
      readonly id: string;
      readonly provider: 'google';
      readonly kind: 'calendar-list';
      readonly sourceId: string;
    }
  | {
      readonly id: string;
      readonly provider: 'google';
      readonly kind: 'calendar';
      readonly sourceId: string;
      readonly calendarId: string;
      /** `${sourceId}:${calendarId}`, the calendar row key and the events' calendarKey. */
      readonly calendarKey: string;
    }
  | {
      readonly id: string;
      readonly provider: 'todoist';
      readonly kind: 'account';
      readonly sourceId: string;
    };

export type CalendarScope = Extract<Scope, { kind: 'calendar' }>;
export type CalendarListScope = Extract<Scope, { kind: 'calendar-list' }>;
export type TodoistScope = Extract<Scope, { provider: 'todoist' }>;

/** Source ids name scopes and keys, so they must not contain the separator. */
function assertSourceId(sourceId: string): void {
  if (sourceId === '' || sourceId.includes(':')) {
    throw new Error(`invalid source id ${JSON.stringify(sourceId)}: must be non-empty, no ':'`);
  }
}

export function calendarKey(sourceId: string, calendarId: string): string {
  assertSourceId(sourceId);
  return `${sourceId}:${calendarId}`;
}

export function calendarListScope(sourceId: string): CalendarListScope {
  assertSourceId(sourceId);
  return {
    id: `google:calendar-list:${sourceId}`,
    provider: 'google',
    kind: 'calendar-list',
    sourceId,
  };
}

export function calendarScope(sourceId: string, calendarId: string): CalendarScope {
  const key = calendarKey(sourceId, calendarId);
  return {
    id: `google:calendar:${key}`,
    provider: 'google',
    kind: 'calendar',
    sourceId,
    calendarId,
    calendarKey: key,
  };
}

export function todoistScope(sourceId: string): TodoistScope {
  assertSourceId(sourceId);
  return { id: `todoist:account:${sourceId}`, provider: 'todoist', kind: 'account', sourceId };
}

/** Parses a scope id. Calendar ids may contain ':' — everything after the source id is the id. */
export function parseScope(id: string): Scope {
  const list = /^google:calendar-list:([^:]+)$/.exec(id);
  if (list?.[1]) return calendarListScope(list[1]);
  const cal = /^google:calendar:([^:]+):(.+)$/.exec(id);
  if (cal?.[1] && cal[2]) return calendarScope(cal[1], cal[2]);
  const todoist = /^todoist:account:([^:]+)$/.exec(id);
  if (todoist?.[1]) return todoistScope(todoist[1]);
  throw new Error(`unknown scope ${JSON.stringify(id)}`);
}

/** Registry key of the provider that serves a scope. */
export function providerKey(scope: Scope): string {
  return `${scope.provider}:${scope.kind}`;
}
