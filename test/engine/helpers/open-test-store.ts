// A fresh, uniquely named Almanac database per test (fake-indexeddb/auto is the engine project's
// setup file, so Dexie finds indexedDB globally).
import { type AlmanacStore, openAlmanacStore } from '../../../extension/store/open';

let counter = 0;

export async function openTestStore(
  options: { name?: string; storeVersion?: number } = {},
): Promise<AlmanacStore> {
  counter += 1;
  return openAlmanacStore({
    name: options.name ?? `almanac-test-${process.pid}-${counter}`,
    ...(options.storeVersion === undefined ? {} : { storeVersion: options.storeVersion }),
  });
}
