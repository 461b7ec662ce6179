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
}
interface AxeViolation {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly AxeNode[];
}

/** The WCAG 2.2 A/AA rules (and axe's best practices) the page breaks, one line per element:
 * "<rule> <impact>: <element> — <what to fix>". Empty when it breaks none. */
export async function axeViolations(page: Page, scope = 'body'): Promise<string[]> {
  const loaded = (await page.evaluate('typeof globalThis.axe === "object"')) as boolean;
  if (!loaded) await page.evaluate(axeSource());
  const violations = (await page.evaluate(`axe.run(${JSON.stringify(scope)}, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }).then((r) => r.violations)`)) as AxeViolation[];
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} ${v.impact ?? ''}: ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`,
    ),
  );
}
