// Projects, sections and labels → their rows (todoist spec §2 resources). Only Todoist writes
// them here (the engine queues task commands only), so a row is the server version, reshaped.
import type { LabelRecord, ProjectRecord, SectionRecord } from '../../store/records';
import type { TodoistLabel, TodoistProject, TodoistSection } from './schemas';

export function toProjectRecord(sourceId: string, p: TodoistProject): ProjectRecord {
  return {
    sourceId,
    id: p.id,
    name: p.name ?? '',
    ...(p.color ? { color: p.color } : {}),
    ...(p.parent_id ? { parentId: p.parent_id } : {}),
    childOrder: p.child_order ?? 0,
    inbox: p.inbox_project ?? false,
    archived: p.is_archived ?? false,
    raw: p,
  };
}

export function toSectionRecord(sourceId: string, s: TodoistSection): SectionRecord {
  return {
    sourceId,
    id: s.id,
    projectId: s.project_id ?? '',
    name: s.name ?? '',
    sectionOrder: s.section_order ?? 0,
    archived: s.is_archived ?? false,
    raw: s,
  };
}

export function toLabelRecord(sourceId: string, l: TodoistLabel): LabelRecord {
  return {
    sourceId,
    id: l.id,
    name: l.name ?? '',
    ...(l.color ? { color: l.color } : {}),
    order: l.order ?? 0,
    raw: l,
  };
}
