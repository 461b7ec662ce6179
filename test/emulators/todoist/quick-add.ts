import { type DueContext, findDate } from './due';
import type { DeadlineJson, DueJson, LabelJson, ProjectJson, SectionJson } from './model';

/**
 * Todoist's quick-add syntax (spec §4):
 *   `Buy milk tomorrow 5pm #Home /Errands @errand p1 {friday} // 2 litres`
 * - `// text` at the end is the description;
 * - `{words}` is a deadline (a date, no time);
 * - `#Project` names an existing project, longest name first ("#Home Office" beats "#Home");
 * - `/Section` names a section of that project (of the Inbox when no project is given);
 * - `@label` names a label, created when missing;
 * - `p1`..`p4` is the priority, where p1 is the most urgent = API priority 4;
 * - the first date phrase ("tomorrow 5pm", "every monday") is the due date.
 * A `#`, `/` that names nothing, or words that are no date, stay in the content: unparsable
 * text still makes a task with the raw words.
 */
export interface QuickAddScope {
  projects: ProjectJson[];
  sections: SectionJson[];
  labels: LabelJson[];
  inboxId: string;
}

export interface QuickAddResult {
  content: string;
  description: string;
  projectId: string;
  sectionId: string | null;
  /** Label names, in order of appearance; `newLabels` is the subset to create. */
  labels: string[];
  newLabels: string[];
  priority: number;
  due: DueJson | null;
  deadline: DeadlineJson | null;
}

const BOUNDARY = /\s/;

/** Finds the longest `names` entry at `text[at]`, ending at a word boundary. */
function longestName<T extends { name: string }>(
  text: string,
  at: number,
  items: T[],
): T | undefined {
  const rest = text.slice(at).toLowerCase();
  let best: T | undefined;
  for (const item of items) {
    const name = item.name.toLowerCase();
    if (name === '' || !rest.startsWith(name)) continue;
    const after = rest.charAt(name.length);
    if (after !== '' && !BOUNDARY.test(after)) continue;
    if (best === undefined || name.length > best.name.length) best = item;
  }
  return best;
}

/** Positions where `marker` starts a word. */
function markers(text: string, marker: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === marker && (i === 0 || BOUNDARY.test(text[i - 1] ?? ''))) out.push(i);
  }
  return out;
}

function cut(text: string, from: number, to: number): string {
  return `${text.slice(0, from)} ${text.slice(to)}`;
}

export function parseQuickAdd(raw: string, scope: QuickAddScope, ctx: DueContext): QuickAddResult {
  let text = raw;
  let description = '';
  const desc = /(^|\s)\/\/(.*)$/s.exec(text);
  if (desc !== null) {
    description = (desc[2] ?? '').trim();
    text = text.slice(0, desc.index);
  }

  let deadline: DeadlineJson | null = null;
  const braces = /\{([^{}]+)\}/.exec(text);
  if (braces !== null) {
    const found = findDate(braces[1] ?? '', ctx);
    if (found !== null) {
      deadline = { date: found.due.date.slice(0, 10), lang: 'en' };
      text = cut(text, braces.index, braces.index + braces[0].length);
    }
  }

  const projects = scope.projects.filter((p) => !p.is_deleted && !p.is_archived);
  let projectId = scope.inboxId;
  for (const at of markers(text, '#')) {
    const project = longestName(text, at + 1, projects);
    if (project === undefined) continue;
    projectId = project.id;
    text = cut(text, at, at + 1 + project.name.length);
    break;
  }

  let sectionId: string | null = null;
  const sections = scope.sections.filter((s) => !s.is_deleted && s.project_id === projectId);
  for (const at of markers(text, '/')) {
    const section = longestName(text, at + 1, sections);
    if (section === undefined) continue;
    sectionId = section.id;
    text = cut(text, at, at + 1 + section.name.length);
    break;
  }

  const labels: string[] = [];
  const newLabels: string[] = [];
  const live = scope.labels.filter((l) => !l.is_deleted);
  // Scan right to left so cutting a label keeps earlier positions valid.
  for (const at of markers(text, '@').reverse()) {
    const known = longestName(text, at + 1, live);
    const name = known?.name ?? /^[^\s@#]+/.exec(text.slice(at + 1))?.[0];
    if (name === undefined) continue;
    if (!labels.some((l) => l.toLowerCase() === name.toLowerCase())) {
      labels.unshift(name);
      if (known === undefined) newLabels.unshift(name);
    }
    text = cut(text, at, at + 1 + name.length);
  }

  let priority = 1;
  const p = /(^|\s)p([1-4])(?=\s|$)/i.exec(text);
  if (p !== null) {
    priority = 5 - Number(p[2]);
    const start = p.index + (p[1] ?? '').length;
    text = cut(text, start, start + 2);
  }

  let due: DueJson | null = null;
  const date = findDate(text, ctx);
  if (date !== null) {
    due = date.due;
    text = cut(text, date.index, date.index + date.length);
  }

  const content = text.replace(/\s+/g, ' ').trim();
  return {
    content: content === '' ? raw.trim() : content,
    description,
    projectId,
    sectionId,
    labels,
    newLabels,
    priority,
    due,
    deadline,
  };
}
