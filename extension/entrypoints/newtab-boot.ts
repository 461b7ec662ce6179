// The new tab's boot script (WXT unlisted script → /newtab-boot.js), a classic script in the
// page's head (newtab/index.html): it runs while the HTML is still being parsed and starts the
// store read (ui/agenda/boot-read.ts), so opening the database and reading the week overlap the
// page's module (React, Dexie, the Temporal polyfill: ~500 KB to fetch, compile and run) loading,
// instead of following it. Tiny on purpose: plain IndexedDB and Intl, nothing else.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishBootRead } from '../ui/agenda/boot-handoff';
import { startBootRead } from '../ui/agenda/boot-read';

export default defineUnlistedScript(() => {
  publishBootRead(startBootRead());
});
