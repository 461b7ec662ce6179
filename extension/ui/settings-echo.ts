// The one setting a new tab's first frame depends on ("Show completed tasks"), echoed into the
// extension pages' localStorage each time a page reads the settings. The settings live in
// chrome.storage, which answers only asynchronously; the new tab's boot script must decide at
// once whether the first frame it saved still holds (saved-frame.ts frameContext), and the page
// draws its first frame before the settings' answer is in: both read this echo. A stale echo
// costs one first frame drawn without (or with) the completed tasks, redrawn when the settings
// arrive; and the echo is set right by that read.
import { pageStorage } from './agenda/page-storage';

const SHOW_COMPLETED_ECHO_KEY = 'almanac.settings.showCompletedTasks';

export function echoShowCompleted(value: boolean): void {
  try {
    pageStorage()?.setItem(SHOW_COMPLETED_ECHO_KEY, value ? '1' : '0');
  } catch {
    // storage refused: the next load's boot script finds no frame for its context
  }
}

/** The echo as stored ('1', '0', or null when none); throws where storage does. */
export function echoedShowCompleted(local: Pick<Storage, 'getItem'> | undefined): string | null {
  return local?.getItem(SHOW_COMPLETED_ECHO_KEY) ?? null;
}

/** The echoed setting, or `fallback` when there is none (or storage refuses). */
export function echoedShowCompletedOr(fallback: boolean): boolean {
  try {
    const echo = echoedShowCompleted(pageStorage());
    return echo === null ? fallback : echo === '1';
  } catch {
    return fallback;
  }
}
