import type { Context } from 'hono';
import type { Clock } from '../common/clock';
import type { SyncBudgets } from './budgets';
import type { TodoistStore, UserData } from './store';

/** What the route modules share. `store` is swapped on reset, so read it per request. */
export interface TodoistDeps {
  store: TodoistStore;
  clock: Clock;
  budgets: SyncBudgets;
  /** The authenticated user's data (the auth middleware has set `user`). */
  userOf(c: Context): UserData;
}
