// Event colours as classes, one rule per distinct colour in view, instead of an inline
// background and text colour on each of a week's 1,000+ entries: React sets inline styles one
// property at a time, and those two were a third of the grid's style writes (agenda bench).
import { readableText } from './colors';

const HEX = /^#[0-9a-f]{6}$/i;

/** The class that paints an entry `color` (with readable text), or undefined for a colour that
 * is not plain hex (the caller then paints it inline). */
export function colorClass(color: string): string | undefined {
  return HEX.test(color) ? `c-${color.slice(1).toLowerCase()}` : undefined;
}

/** The stylesheet for `colors`: only hex colours become rules (nothing else reaches CSS). */
export function colorRules(colors: Iterable<string>): string {
  const rules = new Map<string, string>();
  for (const color of colors) {
    const name = colorClass(color);
    if (name && !rules.has(name)) {
      rules.set(name, `.${name}{background:${color};color:${readableText(color)}}`);
    }
  }
  return [...rules.values()].join('');
}

export function ColorRules(props: { colors: Iterable<string> }) {
  return <style>{colorRules(props.colors)}</style>;
}

/** Inline paint for a colour without a class. */
export function colorStyle(color: string) {
  return colorClass(color) ? undefined : { background: color, color: readableText(color) };
}
