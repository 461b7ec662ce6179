// The new tab's localStorage (its preferences and saved first frame), or undefined where the
// browser refuses it: with site data blocked, merely reading `localStorage` throws a
// SecurityError, which at the top of the page's module or boot script would leave a blank tab.
// Every caller already treats undefined as "nothing kept".
export function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
