/**
 * The wire shapes of Todoist API v1 resources (spec §5), snake_case as Todoist sends them. The
 * emulator stores its live state in exactly these shapes, so serialising is a clone and the
 * change log can keep snapshots that are byte-for-byte what a client would have received.
 */

/** spec §5: `date` is `YYYY-MM-DD` (all day), `YYYY-MM-DDTHH:MM:SS` (floating) or `...Z` (fixed). */
export interface DueJson {
  date: string;
  timezone: string | null;
  string: string;
  lang: string;
  is_recurring: boolean;
}

export interface DeadlineJson {
  date: string;
  lang: string;
}

export interface DurationJson {
  amount: number;
  unit: 'minute' | 'day';
}

export interface TaskJson {
  id: string;
  user_id: string;
  project_id: string;
  section_id: string | null;
  parent_id: string | null;
  content: string;
  description: string;
  priority: number;
  due: DueJson | null;
  deadline: DeadlineJson | null;
  duration: DurationJson | null;
  child_order: number;
  day_order: number;
  is_collapsed: boolean;
  labels: string[];
  added_by_uid: string | null;
  assigned_by_uid: string | null;
  responsible_uid: string | null;
  checked: boolean;
  is_deleted: boolean;
  added_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface ProjectJson {
  id: string;
  name: string;
  color: string;
  parent_id: string | null;
  child_order: number;
  default_order: number;
  description: string;
  view_style: string;
  is_collapsed: boolean;
  is_shared: boolean;
  is_favorite: boolean;
  is_archived: boolean;
  is_deleted: boolean;
  is_frozen: boolean;
  can_assign_tasks: boolean;
  inbox_project: boolean;
  created_at: string;
  updated_at: string;
}

export interface SectionJson {
  id: string;
  user_id: string;
  project_id: string;
  name: string;
  description: string;
  section_order: number;
  is_collapsed: boolean;
  is_archived: boolean;
  is_deleted: boolean;
  archived_at: string | null;
  added_at: string;
  updated_at: string;
}

export interface LabelJson {
  id: string;
  name: string;
  color: string;
  order: number;
  is_favorite: boolean;
  is_deleted: boolean;
}

export interface NoteJson {
  id: string;
  item_id: string;
  content: string;
  posted_at: string;
  posted_uid: string;
  file_attachment: null;
  uids_to_notify: string[] | null;
  reactions: Record<string, string[]> | null;
  is_deleted: boolean;
}

/** The syncable resource kinds, named as `resource_types` names them (spec §2). */
export type ResourceKind = 'items' | 'projects' | 'sections' | 'labels' | 'notes';

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'items',
  'projects',
  'sections',
  'labels',
  'notes',
];

export interface ResourceJsonByKind {
  items: TaskJson;
  projects: ProjectJson;
  sections: SectionJson;
  labels: LabelJson;
  notes: NoteJson;
}

export type AnyResourceJson = ResourceJsonByKind[ResourceKind];

/** spec §5: the web link of a task. */
export function taskWebLink(id: string): string {
  return `https://app.todoist.com/app/task/${id}`;
}
