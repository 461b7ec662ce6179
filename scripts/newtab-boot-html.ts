// A build step for newtab.html (Vite transformIndexHtml, after Vite has put in the bundle's
// tags): the page's module is no longer started by a <script type="module"> but by the boot
// script (entrypoints/newtab-boot.ts), and only preloaded (fetched and compiled) meanwhile.
// Why: when the boot script paints the first frame the page saved (ui/agenda/snapshot-paint.ts),
// that frame must reach the screen before ~30 ms of React, Dexie and zod evaluating hold the main
// thread; a module script runs as soon as it is fetched, whatever the page is doing. The boot
// script hears the module's URL and a build id (the bundle's file names, which carry content
// hashes: a saved frame is never painted under another build's markup or styles) as data
// attributes on its own tag.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const BOOT_TAG = '<script src="/newtab-boot.js"></script>';
const MODULE_TAG = /<script type="module" crossorigin src="([^"]+)"><\/script>/;

/** newtab.html with its module handed to the boot script; other pages unchanged. */
export function bootStartsNewtabModule(html: string): string {
  if (!html.includes(BOOT_TAG)) return html;
  const module = MODULE_TAG.exec(html);
  if (!module) throw new Error('newtab.html: no module script for the boot script to start');
  const src = module[1] ?? '';
  const files = [...html.matchAll(/(?:src|href)="(\/(?:chunks|assets)\/[^"]+)"/g)].map((m) => m[1]);
  const build = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
  return html
    .replace(module[0], `<link rel="modulepreload" crossorigin href="${src}">`)
    .replace(
      BOOT_TAG,
      `<script src="/newtab-boot.js" data-app="${src}" data-build="${build}"></script>`,
    );
}

export function newtabBootHtml(): Plugin {
  return {
    name: 'almanac-newtab-boot-html',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: bootStartsNewtabModule },
  };
}
