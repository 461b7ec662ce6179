// The build step that hands newtab.html's module to its boot script (scripts/newtab-boot-html.ts).
import { describe, expect, it } from 'vitest';
import { bootStartsNewtabModule } from '../../scripts/newtab-boot-html';

const page = (css: string) => `<head>
<script src="/newtab-boot.js"></script>
<script type="module" crossorigin src="/chunks/newtab-AAA.js"></script>
<link rel="modulepreload" crossorigin href="/chunks/shared-BBB.js">
<link rel="stylesheet" crossorigin href="/assets/${css}.css">
</head>`;

describe('newtab.html after the build step', () => {
  it('preloads the module, and the boot script is told its URL and a build id', () => {
    const html = bootStartsNewtabModule(page('newtab-CCC'));
    expect(html).not.toContain('<script type="module"');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/chunks/newtab-AAA.js">');
    const boot = /<script src="\/newtab-boot.js" data-app="([^"]+)" data-build="([0-9a-f]+)">/.exec(
      html,
    );
    expect(boot?.[1]).toBe('/chunks/newtab-AAA.js');
    // Another stylesheet is another build: a frame saved under the old one is never painted.
    const other = bootStartsNewtabModule(page('newtab-DDD'));
    expect(other).not.toContain(`data-build="${boot?.[2]}"`);
  });

  it('leaves other pages alone, and fails the build if the module tag is missing', () => {
    const popup = '<script type="module" crossorigin src="/chunks/popup.js"></script>';
    expect(bootStartsNewtabModule(popup)).toBe(popup);
    expect(() => bootStartsNewtabModule('<script src="/newtab-boot.js"></script>')).toThrow(
      /no module script/,
    );
  });
});
