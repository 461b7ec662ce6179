// The toolbar badge: "…" while syncing, else the number of scopes in trouble (failing or waiting
// for sign-in), else nothing. The title says the same in words for screen readers.
import type { ScopeState } from '../store/records';
import type { ActionApi } from './browser-api';

export interface BadgeState {
  readonly text: string;
  readonly color: string;
  readonly title: string;
}

export function badgeFor(input: {
  readonly syncing: number;
  readonly states: readonly ScopeState[];
}): BadgeState {
  if (input.syncing > 0) {
    return { text: '…', color: '#2563eb', title: 'Almanac — syncing' };
  }
  const failing = input.states.filter((s) => s.status === 'retrying').length;
  const signIn = input.states.filter((s) => s.status === 'needs-sign-in').length;
  const troubled = failing + signIn;
  if (troubled === 0) return { text: '', color: '#2563eb', title: 'Almanac' };
  const parts = [
    ...(signIn > 0 ? [`${signIn} need${signIn === 1 ? 's' : ''} sign-in`] : []),
    ...(failing > 0 ? [`${failing} failing`] : []),
  ];
  return {
    text: troubled > 99 ? '99+' : String(troubled),
    color: signIn > 0 ? '#b45309' : '#dc2626',
    title: `Almanac — ${parts.join(', ')}`,
  };
}

export async function showBadge(action: ActionApi, badge: BadgeState): Promise<void> {
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
  ]);
}
