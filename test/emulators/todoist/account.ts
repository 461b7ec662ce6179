import { isoMicros, tzInfo } from './time';

/** Who a user is; `key` is the name tokens are issued for (`demo`, `alex`). */
export interface Account {
  key: string;
  id: string;
  email: string;
  fullName: string;
  timeZone: string;
  joinedAt: number;
  inboxProjectId: string;
}

/**
 * The `user` sync resource. Every field the official SDK's SyncUserSchema requires is present
 * (a conformance test parses our answers with it), with the values of a plain free account.
 */
export function userJson(a: Account, now: number): Record<string, unknown> {
  return {
    id: a.id,
    email: a.email,
    full_name: a.fullName,
    activated_user: true,
    auto_reminder: 0,
    business_account_id: null,
    daily_goal: 5,
    date_format: 0,
    dateist_lang: null,
    days_off: [6, 7],
    feature_identifier: `${a.id}_0`,
    features: {
      karma_disabled: false,
      restriction: 3,
      karma_vacation: false,
      dateist_lang: null,
      beta: 0,
      has_push_reminders: true,
      dateist_inline_disabled: false,
    },
    has_magic_number: false,
    has_password: true,
    image_id: null,
    inbox_project_id: a.inboxProjectId,
    is_celebrations_enabled: true,
    is_premium: false,
    joinable_workspace: null,
    joined_at: isoMicros(a.joinedAt),
    getting_started_guide_projects: null,
    karma: 0,
    karma_trend: 'up',
    lang: 'en',
    next_week: 1,
    premium_status: 'not_premium',
    premium_until: null,
    share_limit: 5,
    sort_order: 0,
    start_day: 1,
    start_page: 'today',
    theme_id: '0',
    time_format: 0,
    tz_info: tzInfo(now, a.timeZone),
    unique_prefix: 1,
    verification_status: 'verified',
    websocket_url: 'wss://ws.todoist.com/ws',
    weekend_start_day: 6,
    weekly_goal: 30,
  };
}

/** The webhook `initiator` (spec §7): a collaborator summary of the acting user. */
export function initiatorJson(a: Account): Record<string, unknown> {
  return {
    id: a.id,
    email: a.email,
    full_name: a.fullName,
    image_id: null,
    is_premium: false,
  };
}
