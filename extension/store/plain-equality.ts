// Structural equality of stored rows as this app stores them: plain objects, arrays, strings,
// numbers, booleans, null (primitives by Object.is, so 0 and -0 differ). Two reads of unchanged
// rows are equal here though no object is shared, so a view can skip re-rendering a re-read that
// found nothing new. Any other object (a Date, a Map) equals only itself: "different" costs a
// render, never a stale view.

export function samePlainData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlainData(a[i], b[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(a);
  if (Array.isArray(b) || (proto !== Object.prototype && proto !== null)) return false;
  if (Object.getPrototypeOf(b) !== proto) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of keys) {
    if (!Object.hasOwn(y, key) || !samePlainData(x[key], y[key])) return false;
  }
  return true;
}
