// The one setting a new tab's first frame depends on ("Show completed tasks"), echoed into the
// extension pages' localStorage each time a page reads the settings. The settings live in
// chrome.storage, which answers only asynchronously; the new tab's boot script must decide at
// once whether the first frame it saved still holds (saved-frame.ts frameContext), and it reads
// this echo to do so. A stale echo can only cost a saved frame that is not painted, or one that
// React redraws a moment later: the page itself draws from the settings read, never the echo.
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
