// The saved first frame (ui/agenda/saved-frame.ts, frame-save.ts, frame-paint.ts): kept with the
// moment it stops being true, painted only in its own context, at its own revision, in time.
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgendaPlan, DayEntry } from '../../../extension/ui/agenda/agenda-plan';
import {
  dropSpentFrame,
  paintSavedFrame,
  savedFrameFor,
} from '../../../extension/ui/agenda/frame-paint';
import { frameValidUntil, saveFrame } from '../../../extension/ui/agenda/frame-save';
import {
  parseSavedFrame,
  SAVED_FRAME_KEY,
  type SavedFrame,
} from '../../../extension/ui/agenda/saved-frame';
import { MemoryStorage } from '../support/memory-storage';

const NOW = Date.parse('2026-11-24T17:30:00Z'); // 9:30 AM in Los Angeles
const DAY_END = Date.parse('2026-11-25T08:00:00Z');
const LA = 'America/Los_Angeles';

const event = (startMs: number): DayEntry =>
  ({ kind: 'event', key: `e${startMs}`, startMs, endMs: startMs + 1 }) as unknown as DayEntry;
const timedTask = (startMs?: number): DayEntry =>
  ({ kind: 'task', key: `t${startMs}`, task: { startMs }, overdue: false }) as unknown as DayEntry;
const plan = (timed: DayEntry[], overdue: DayEntry[] = []): AgendaPlan =>
  ({ days: [{ allDay: [timedTask(undefined)], timed }], overdue, entries: 0 }) as never;

const frame: SavedFrame = {
  context: 'ctx',
  revision: 'rev-1',
  drawnAtMs: NOW - 60_000,
  validUntilMs: NOW + 3_600_000,
  zone: LA,
  html: '<div class="agenda-app"><div class="agenda-list"><ul><li class="now-line"><span>8:05 AM</span></li></ul></div></div>',
};

describe('how long a frame holds', () => {
  it('until the next entry starts, else until the day ends', () => {
    const soon = NOW + 20 * 60_000;
    const later = NOW + 90 * 60_000;
    expect(
      frameValidUntil(plan([event(NOW - 60_000), event(later), timedTask(soon)]), NOW, DAY_END),
    ).toBe(soon);
    expect(frameValidUntil(plan([event(NOW - 60_000), event(NOW)]), NOW, DAY_END)).toBe(DAY_END);
    expect(frameValidUntil(plan([], [timedTask(NOW + 1000)]), NOW, DAY_END)).toBe(NOW + 1000);
    expect(frameValidUntil(plan([event(DAY_END + 1)]), NOW, DAY_END)).toBe(DAY_END);
  });

  it("in a time grid, until today's next clock change too (its now line jumps there)", () => {
    const change = NOW + 45 * 60_000;
    expect(frameValidUntil(plan([]), NOW, DAY_END, [NOW - 60_000, change])).toBe(change);
    expect(frameValidUntil(plan([event(NOW + 60_000)]), NOW, DAY_END, [change])).toBe(NOW + 60_000);
  });
});

describe('finding the saved frame', () => {
  it('in its own context, before its time, and only a well-formed one', () => {
    const local = new MemoryStorage();
    saveFrame(local, frame);
    expect(savedFrameFor(local, 'ctx', NOW)).toEqual(frame);
    expect(savedFrameFor(local, 'other', NOW)).toBeUndefined();
    expect(savedFrameFor(local, undefined, NOW)).toBeUndefined();
    expect(savedFrameFor(local, 'ctx', frame.validUntilMs)).toBeUndefined();
    // Nor before it was drawn: a clock set back does not bring back a frame drawn for later.
    expect(savedFrameFor(local, 'ctx', frame.drawnAtMs - 1)).toBeUndefined();
    for (const bad of ['{', '[]', 'null', JSON.stringify({ ...frame, revision: 7 })]) {
      expect(parseSavedFrame(bad)).toBeUndefined();
    }
    // A frame too big to be a first screen is dropped, not kept.
    saveFrame(local, { ...frame, html: 'x'.repeat(500_000) });
    expect(local.items.has(SAVED_FRAME_KEY)).toBe(false);
    // One that can never be painted again is dropped; one for another context is kept.
    saveFrame(local, frame);
    dropSpentFrame(local, 'drawn');
    expect(local.items.has(SAVED_FRAME_KEY)).toBe(true);
    dropSpentFrame(local, 'changed');
    expect(local.items.has(SAVED_FRAME_KEY)).toBe(false);
    const refusing = {
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    expect(() => saveFrame(refusing, frame)).not.toThrow();
  });
});

describe('painting it', () => {
  afterEach(() => vi.unstubAllGlobals());
  const page = () => parseHTML('<html><body><div id="root"></div></body></html>').document;

  it('inert, with the time now on its now line, when the store is at its revision', () => {
    const document = page();
    const root = document.getElementById('root');
    expect(paintSavedFrame(root, frame, 'rev-1', NOW)).toBe('painted');
    const app = root?.firstElementChild as HTMLElement;
    expect(app.className).toBe('agenda-app');
    expect(app.inert).toBe(true);
    expect(app.getAttribute('aria-busy')).toBe('true');
    expect(app.getAttribute('data-state')).toBe('saved');
    const now = new Intl.DateTimeFormat(undefined, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: LA,
    });
    expect(root?.querySelector('.now-line span')?.textContent).toBe(now.format(NOW));
  });

  it("a time grid's now line at the height of now, read as now, and the grid scrolled as it was", () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      frames.push(callback),
    );
    const document = page();
    const root = document.getElementById('root');
    const grid: SavedFrame = {
      ...frame,
      html:
        '<div class="agenda-app"><div class="time-grid"><div class="grid-body"><ul class="col">' +
        '<li class="now-line" style="top: 100px;" aria-label="Now, 8:05 AM"></li></ul></div></div></div>',
      // Kept at 8:05, when the line stood at 100 px, moving 1.5 px a minute.
      nowLine: { atMs: NOW - 85 * 60_000, topPx: 100, pxPerMinute: 1.5 },
      gridScrollTop: 420,
    };
    expect(paintSavedFrame(root, grid, 'rev-1', NOW)).toBe('painted');
    const line = root?.querySelector<HTMLElement>('.col .now-line');
    expect(line?.style.top).toBe(`${100 + 85 * 1.5}px`);
    const time = new Intl.DateTimeFormat(undefined, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: LA,
    }).format(NOW);
    expect(line?.getAttribute('aria-label')).toBe(`Now, ${time}`);
    expect(root?.querySelector<HTMLElement>('.grid-body')?.scrollTop).toBe(420);
    // Painted before the stylesheets are in, the body is no scroll container and the scroll is
    // lost: it is set again in the first frame, which waits for them.
    const body = root?.querySelector<HTMLElement>('.grid-body');
    if (body) body.scrollTop = 0;
    for (const callback of frames.splice(0)) callback(0);
    expect(body?.scrollTop).toBe(420);
    // It reads back as it was kept.
    expect(parseSavedFrame(JSON.stringify(grid))).toEqual(grid);
  });

  it('never over a changed store, past its time, or over what React drew', () => {
    const document = page();
    const root = document.getElementById('root');
    expect(paintSavedFrame(root, frame, 'rev-2', NOW)).toBe('changed');
    expect(paintSavedFrame(root, frame, undefined, NOW)).toBe('changed');
    expect(paintSavedFrame(root, frame, 'rev-1', frame.validUntilMs)).toBe('expired');
    expect(paintSavedFrame(root, frame, 'rev-1', frame.drawnAtMs - 1)).toBe('expired');
    expect(root?.innerHTML).toBe('');
    root?.append(document.createElement('div'));
    expect(paintSavedFrame(root, frame, 'rev-1', NOW)).toBe('drawn');
    expect(paintSavedFrame(null, frame, 'rev-1', NOW)).toBe('drawn');
  });

  it('not at all when its zone is unknown here, and then it is dropped', () => {
    const document = page();
    const root = document.getElementById('root');
    const local = new MemoryStorage();
    const broken = { ...frame, zone: 'Not/AZone' };
    saveFrame(local, broken);
    expect(paintSavedFrame(root, broken, 'rev-1', NOW)).toBe('broken');
    expect(root?.innerHTML).toBe(''); // untouched: the page comes up as without a frame
    dropSpentFrame(local, 'broken');
    expect(local.items.has(SAVED_FRAME_KEY)).toBe(false);
    // Nor is one whose now line or scroll position is not numbers.
    for (const odd of [
      { nowLine: { atMs: NOW, topPx: '100px', pxPerMinute: 1 } },
      { nowLine: { atMs: NOW, topPx: 100 } },
      { nowLine: null },
      { gridScrollTop: '420' },
    ]) {
      expect(parseSavedFrame(JSON.stringify({ ...frame, ...odd }))).toBeUndefined();
    }
    // A time that is no number to compare with is no frame either.
    expect(parseSavedFrame(JSON.stringify({ ...frame, validUntilMs: null }))).toBeUndefined();
    expect(
      parseSavedFrame(
        `{"context":"ctx","revision":"r","drawnAtMs":0,"validUntilMs":1e999,"zone":"UTC","html":""}`,
      ),
    ).toBeUndefined();
  });
});
