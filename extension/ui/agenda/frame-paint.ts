// The boot script's half of the saved first frame (saved-frame.ts): find it, and paint it once
// the store's revision says its rows are still the store's. The markup is the page's own DOM,
// drawn by React (which escaped every text) and kept in this extension's localStorage, which
// only its own pages can write: it is no less trusted than the page's code.
import { forgetFrame, parseSavedFrame, SAVED_FRAME_KEY, type SavedFrame } from './saved-frame';
import { nowLineLabel, TIME_OF_DAY } from './time-of-day';

/** The saved frame, when one was drawn in this context and is not past its time yet. */
export function savedFrameFor(
  local: Pick<Storage, 'getItem'> | undefined,
  context: string | undefined,
  nowMs: number,
): SavedFrame | undefined {
  if (!local || !context) return undefined;
  let frame: SavedFrame | undefined;
  try {
    frame = parseSavedFrame(local.getItem(SAVED_FRAME_KEY));
  } catch {
    return undefined;
  }
  return frame && frame.context === context && holdsAt(frame, nowMs) ? frame : undefined;
}

function holdsAt(frame: SavedFrame, nowMs: number): boolean {
  return frame.drawnAtMs <= nowMs && nowMs < frame.validUntilMs;
}

/** `broken`: the frame can't be painted as it is (its zone is unknown to this browser: saved
 * by another version, or edited by hand). */
export type PaintResult = 'painted' | 'changed' | 'expired' | 'drawn' | 'broken';

/** A frame that can never be painted again (its revision is gone for good, or its time is
 * past) is dropped: it holds the titles of a first screen, which must not outlive an account's
 * removal in the store. */
export function dropSpentFrame(local: Pick<Storage, 'removeItem'> | undefined, result: string) {
  if (result === 'changed' || result === 'expired' || result === 'broken') forgetFrame(local);
}

/** Paints `frame` into `root` if the store is still at its revision and React has drawn
 * nothing yet. The frame is inert (nothing in it answers a click or a key: React's page, drawn
 * over it moments later, does), busy, in the state "saved", and its now line shows the time
 * now (a time grid's also stands at the height of now, and the grid is scrolled as it was). */
export function paintSavedFrame(
  root: Element | null,
  frame: SavedFrame,
  revision: string | undefined,
  nowMs: number,
): PaintResult {
  if (revision !== frame.revision) return 'changed';
  if (!holdsAt(frame, nowMs)) return 'expired';
  if (!root || root.firstChild) return 'drawn';
  let now: Intl.DateTimeFormat;
  try {
    now = new Intl.DateTimeFormat(undefined, { ...TIME_OF_DAY, timeZone: frame.zone });
  } catch {
    return 'broken'; // before the DOM is touched: the page comes up as without a frame
  }
  root.innerHTML = frame.html;
  const app = root.firstElementChild as HTMLElement | null;
  if (app) {
    app.inert = true;
    app.setAttribute('aria-busy', 'true');
    // Not the page's "ready" (what tests and tools wait for): the saved frame, until React.
    app.setAttribute('data-state', 'saved');
  }
  const time = now.format(nowMs);
  for (const line of root.querySelectorAll('.agenda-list .now-line > span'))
    line.textContent = time;
  const track = frame.nowLine;
  for (const line of root.querySelectorAll<HTMLElement>('.col .now-line')) {
    line.setAttribute('aria-label', nowLineLabel(time));
    // Where React will draw it (time-grid.tsx): straight on from where it stood, as no clock
    // change comes before the frame's end (frame-save.ts).
    if (track)
      line.style.top = `${track.topPx + ((nowMs - track.atMs) / 60_000) * track.pxPerMinute}px`;
  }
  // After the markup is in, so the body has its height to scroll (this lays the page out now,
  // which its paint would do anyway). The boot script runs before the page's stylesheets are
  // in: without them the body is no scroll container yet and the scroll is lost, so it is set
  // again in the first frame, which waits for them (it was lost on a loaded machine, in CI).
  const body = root.querySelector('.grid-body');
  const scroll = frame.gridScrollTop;
  if (body && scroll !== undefined) {
    body.scrollTop = scroll;
    requestAnimationFrame(() => {
      if (body.isConnected) body.scrollTop = scroll;
    });
  }
  return 'painted';
}
