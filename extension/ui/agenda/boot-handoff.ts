// How the new tab's boot script (entrypoints/newtab-boot.ts, a classic script in the page's head)
// hands its read, and what it did with the saved first frame, to the page's module
// (entrypoints/newtab/main.tsx), which runs later.
import type { RawRead } from '../../store/agenda-raw-read';

const KEY = '__almanacBootRead';
const FRAME_KEY = '__almanacBootFrame';

export interface BootFrame {
  /** The build's id (newtab.html's boot tag), for frameContext(). */
  readonly build: string | undefined;
  /** saved-frame.ts frameContext() as the boot script saw it: what the page saves its own first
   * frame under, when it is still the context the page was drawn in. */
  readonly context: string | undefined;
  /** Whether the saved frame is on screen, for React to draw over. */
  painted: boolean;
}

type Holder = { [KEY]?: Promise<RawRead | undefined>; [FRAME_KEY]?: BootFrame };

export function publishBootRead(read: Promise<RawRead | undefined>): void {
  (globalThis as Holder)[KEY] = read;
}

/** The boot script's read, once; undefined if it did not run (then the page reads through
 * Dexie as it always could). */
export function takeBootRead(): Promise<RawRead | undefined> | undefined {
  const holder = globalThis as Holder;
  const read = holder[KEY];
  delete holder[KEY];
  return read;
}

export function publishBootFrame(frame: BootFrame): void {
  (globalThis as Holder)[FRAME_KEY] = frame;
}

/** What the boot script did with the saved frame; undefined if it did not run. */
export function bootFrame(): BootFrame | undefined {
  return (globalThis as Holder)[FRAME_KEY];
}
