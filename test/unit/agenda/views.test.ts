// The list and the grid as markup (react-dom/server, no browser): the roles, names and links a
// screen reader and the keys rely on, the now line, the DST marks and side-by-side layout.
import { createElement, createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { projectEvent } from '../../../extension/store/agenda-projection';
import { AgendaList } from '../../../extension/ui/agenda/agenda-list';
import { planAgenda } from '../../../extension/ui/agenda/agenda-plan';
import { AgendaToolbar } from '../../../extension/ui/agenda/agenda-toolbar';
import { type TaskActions, TaskCheckbox } from '../../../extension/ui/agenda/entry-views';
import { toAgendaEvent } from '../../../extension/ui/agenda/event-view';
import { DEFAULT_PREFS } from '../../../extension/ui/agenda/prefs';
import { toAgendaTask } from '../../../extension/ui/agenda/task-placement';
import { TimeGrid } from '../../../extension/ui/agenda/time-grid';
import { daysFrom } from '../../../extension/ui/agenda/zone-days';
import { allDayEvent, at, calendar, taskRow, timedEvent } from './fixtures';

const NY = 'America/New_York';
const actions: TaskActions = { completing: new Map(), onToggle: () => undefined };
const plain = (html: string) => html.replace(/\s+/g, ' ');

function week(first: string, nowWall: string) {
  const days = daysFrom(first, 7);
  const events = [
    timedEvent('Focus time', at(`${first}T14:00`, NY), at(`${first}T16:00`, NY)),
    timedEvent('1:1 with Alex', at(`${first}T14:00`, NY), at(`${first}T14:30`, NY)),
    timedEvent('Planning', at(`${first}T09:00`, NY), at(`${first}T10:00`, NY), {
      attendees: [{ email: 'me@example.com', self: true, responseStatus: 'declined' }],
    }),
    allDayEvent('Trip', days[1]!, days[3]!),
  ].map((row) => toAgendaEvent(projectEvent(row), calendar(), NY));
  const tasks = [
    toAgendaTask(taskRow('Call the dentist', first, { priority: 4 }), NY)!,
    toAgendaTask(taskRow('Renew passport', `${first.slice(0, 8)}01`), NY)!,
  ];
  const nowMs = Date.parse(at(nowWall, NY));
  const plan = planAgenda({
    days,
    zone: NY,
    today: first,
    nowMs,
    events,
    tasks: [tasks[0]!],
    earlierTasks: [tasks[1]!],
    declined: 'dim',
    showCompleted: false,
  });
  return { days, plan, nowMs };
}

describe('the agenda list', () => {
  it('names days and entries, links them, and draws the now line between entries', () => {
    const { plan, nowMs } = week('2026-11-23', '2026-11-23T12:00');
    const html = plain(
      renderToStaticMarkup(
        createElement(AgendaList, {
          plan,
          zone: NY,
          locale: 'en-US',
          today: '2026-11-23',
          nowMs,
          actions,
          searching: false,
        }),
      ),
    );
    expect(html).toContain('aria-label="Today, Monday, November 23, 2026"');
    expect(html).toContain('<h2 id="overdue-heading">');
    expect(html).toContain('aria-label="Complete “Call the dentist”"');
    expect(html).toContain('href="https://app.todoist.com/app/task/');
    expect(html).toContain('href="https://www.google.com/calendar/event?eid=');
    expect(html).toMatch(/class="entry event declined"/);
    // The link's name: what it shows (title, calendar, "Declined"), in that order, then the time.
    expect(html).toContain('aria-label="Planning, Work, declined, 9:00 – 10:00 AM"');
    // Planning (9 AM) is before the now line (noon), Focus time (2 PM) after.
    const order = ['Planning', 'now-line', 'Focus time'].map((s) => html.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('Day 1 of 2');
  });
});

describe('the time grid', () => {
  it('lays overlapping events side by side and marks the skipped hour of a DST week', () => {
    const { plan, nowMs } = week('2026-02-23', '2026-02-23T12:00');
    const spring = week('2026-03-08', '2026-03-08T12:00');
    const render = (p: typeof plan, now: number) =>
      plain(
        renderToStaticMarkup(
          createElement(TimeGrid, {
            plan: p,
            mode: 'week',
            zone: NY,
            locale: 'en-US',
            today: p.days[0]!.date,
            nowMs: now,
            actions,
          }),
        ),
      );
    const html = render(plan, nowMs);
    expect(html.match(/<ul class="col/g)).toHaveLength(7);
    // Focus time and the 1:1 overlap: the left and the right half of the column.
    expect(html.match(/inset:[\d.]+px 50% [\d.-]+px 0%/g)).toHaveLength(1);
    expect(html.match(/inset:[\d.]+px 0% [\d.-]+px 50%/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Now, 12:00 PM"');
    expect(html).not.toContain('dst-band');
    const dst = render(spring.plan, spring.nowMs);
    expect(dst).toContain('data-hours="23"');
    expect(dst.match(/class="dst-band gap"/g)).toHaveLength(1);
    expect(dst).toContain('23 h');
  });
});

describe('a task’s checkbox', () => {
  const box = (overrides: Parameters<typeof taskRow>[2]) =>
    renderToStaticMarkup(
      createElement(TaskCheckbox, {
        task: toAgendaTask(taskRow('Team standup', '2026-11-23', overrides), NY)!,
        actions,
      }),
    );
  const repeating = {
    due: { date: '2026-11-23', isRecurring: true },
    raw: { id: 'x', due: { date: '2026-11-23', is_recurring: true } },
  };

  it('waits while a repeating task’s close is on its way (a second tick would skip a date)', () => {
    expect(box({ ...repeating, pending: ['close-1'] })).toMatch(
      /disabled=""[^>]*title="Moves to its next date/,
    );
    expect(box(repeating)).not.toContain('disabled');
    // A one-off task shows its pending close as done already, and can be reopened.
    expect(box({ pending: ['close-1'] })).not.toContain('disabled');
  });
});

describe('the header', () => {
  it('says why "show completed tasks" was not saved, beside it', () => {
    const toolbar = (showCompletedError?: string) =>
      renderToStaticMarkup(
        createElement(AgendaToolbar, {
          view: { view: 'agenda', date: '2026-11-23' },
          days: daysFrom('2026-11-23', 7),
          locale: 'en-US',
          status: undefined,
          search: '',
          searchRef: createRef<HTMLInputElement>(),
          prefs: DEFAULT_PREFS,
          showCompleted: false,
          showCompletedError,
          onShowCompleted: () => undefined,
          onSearch: () => undefined,
          onStep: () => undefined,
          onToday: () => undefined,
          onDate: () => undefined,
          onView: () => undefined,
          onPrefs: () => undefined,
        }),
      );
    expect(toolbar()).not.toContain('role="alert"');
    expect(toolbar('The background did not answer')).toContain(
      'role="alert">Couldn’t save “Show completed tasks”: The background did not answer</p>',
    );
  });
});
