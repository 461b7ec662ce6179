import type { LabelJson, NoteJson, ProjectJson, SectionJson, TaskJson } from './model';
import type { UserData } from './store';
import { isoMicros } from './time';

/** New resources with Todoist's defaults; callers pass what they know. */

export function newProject(user: UserData, fields: Partial<ProjectJson>): ProjectJson {
  const at = isoMicros(user.clock.now());
  return {
    id: user.ids.id(),
    name: '',
    color: 'charcoal',
    parent_id: null,
    child_order: user.projects.size,
    default_order: 0,
    description: '',
    view_style: 'list',
    is_collapsed: false,
    is_shared: false,
    is_favorite: false,
    is_archived: false,
    is_deleted: false,
    is_frozen: false,
    can_assign_tasks: false,
    inbox_project: false,
    created_at: at,
    updated_at: at,
    ...fields,
  };
}

export function newTask(
  user: UserData,
  fields: Partial<TaskJson> & { project_id: string },
): TaskJson {
  const at = isoMicros(user.clock.now());
  return {
    id: user.ids.id(),
    user_id: user.account.id,
    section_id: null,
    parent_id: null,
    content: '',
    description: '',
    priority: 1,
    due: null,
    deadline: null,
    duration: null,
    child_order: 1,
    day_order: -1,
    is_collapsed: false,
    labels: [],
    added_by_uid: user.account.id,
    assigned_by_uid: null,
    responsible_uid: null,
    checked: false,
    is_deleted: false,
    added_at: at,
    updated_at: at,
    completed_at: null,
    ...fields,
  };
}

export function newSection(
  user: UserData,
  fields: Partial<SectionJson> & { project_id: string; name: string },
): SectionJson {
  const at = isoMicros(user.clock.now());
  const order = [...user.sections.values()].filter((s) => s.project_id === fields.project_id);
  return {
    id: user.ids.id(),
    user_id: user.account.id,
    description: '',
    section_order: order.length + 1,
    is_collapsed: false,
    is_archived: false,
    is_deleted: false,
    archived_at: null,
    added_at: at,
    updated_at: at,
    ...fields,
  };
}

export function newLabel(user: UserData, fields: Partial<LabelJson> & { name: string }): LabelJson {
  return {
    id: user.ids.id(),
    color: 'charcoal',
    order: user.labels.size + 1,
    is_favorite: false,
    is_deleted: false,
    ...fields,
  };
}

export function newNote(
  user: UserData,
  fields: Partial<NoteJson> & { item_id: string; content: string },
): NoteJson {
  return {
    id: user.ids.id(),
    posted_at: isoMicros(user.clock.now()),
    posted_uid: user.account.id,
    file_attachment: null,
    uids_to_notify: null,
    reactions: null,
    is_deleted: false,
    ...fields,
  };
}
