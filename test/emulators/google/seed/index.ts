import type { GoogleState } from '../state';
import { seedAccounts } from './accounts';
import { seedDemoEvents } from './demo-events';

export type Seed = 'demo' | 'empty';

/**
 * `empty`: the two users with all their calendars, no events. `demo`: the same plus the demo week.
 * Seeding writes holidays as the calendar's owner would; the API itself refuses such writes.
 */
export function applySeed(state: GoogleState, seed: Seed): void {
  seedAccounts(state);
  if (seed === 'demo') seedDemoEvents(state);
}

export { ALEX_USER, CALENDAR_IDS, DEMO_USER } from './accounts';
