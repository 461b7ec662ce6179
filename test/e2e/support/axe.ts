// Accessibility checks with axe-core, run inside the extension's own pages. The page's CSP
// (script-src 'self') forbids injected script tags, but DevTools' evaluate is not a script tag:
// axe's source is evaluated that way, once per document.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = (): string => {
  const require = createRequire(import.meta.url);
  return (require('axe-core') as { source: string }).source;
};

interface AxeNode {
  readonly target: readonly unknown[];
  readonly failureSummary?: string;
  /** Added here: the node is a time grid's block or inside one. */
  readonly inGrid: boolean;
}
interface AxeViolation {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly AxeNode[];
}

/** Rules not asked of a time grid's blocks, and why. A time grid's block is as tall as its time: a task
 * due at 6 PM right under an event that ends at 6 PM is a 16-22 px target beside another. WCAG
 * 2.5.8's exceptions cover it (the size is the information, and the list view offers the same
 * entry as a full-size target on this page), so target-size is not asked of grid blocks. Without
 * this the check also depended on the hour the tests ran at: axe measures only what is on screen,
 * and the grid opens at the current time. Everything else is asked of them. */
const NOT_ASKED_OF_GRID_BLOCKS: ReadonlySet<string> = new Set(['target-size']);

/** The WCAG 2.2 A/AA rules (and axe's best practices) the page breaks, one line per element:
 * "<rule> <impact>: <element> — <what to fix>". Empty when it breaks none. */
export async function axeViolations(page: Page, scope = 'body'): Promise<string[]> {
  const loaded = (await page.evaluate('typeof globalThis.axe === "object"')) as boolean;
  if (!loaded) await page.evaluate(axeSource());
  const violations = (await page.evaluate(`axe.run(${JSON.stringify(scope)}, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }).then((r) => r.violations.map((v) => ({ ...v, nodes: v.nodes.map((n) => ({
    ...n,
    // Whether the node is a time grid's block or inside one (NOT_ASKED_OF_GRID_BLOCKS).
    inGrid: n.target.some((t) => typeof t === 'string' && document.querySelector(t)?.closest('.grid-body .block') != null),
  })) })))`)) as AxeViolation[];
  return violations.flatMap((v) =>
    v.nodes
      .filter((n) => !(NOT_ASKED_OF_GRID_BLOCKS.has(v.id) && n.inGrid))
      .map(
        (n) =>
          `${v.id} ${v.impact ?? ''}: ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`,
      ),
  );
}
