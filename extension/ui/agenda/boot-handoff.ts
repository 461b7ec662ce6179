// How the new tab's boot script (entrypoints/newtab-boot.ts, a classic script in the page's head)
// hands its read to the page's module (entrypoints/newtab/main.tsx), which runs later.
import type { RawRead } from '../../store/agenda-raw-read';

const KEY = '__almanacBootRead';

type Holder = { [KEY]?: Promise<RawRead | undefined> };

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
