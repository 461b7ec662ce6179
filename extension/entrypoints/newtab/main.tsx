// The new-tab override (WXT: entrypoints/newtab → chrome_url_overrides.newtab).
import { createRoot } from 'react-dom/client';
import '../../ui/styles.css';
import '../../ui/agenda/agenda.css';
import { readAgendaRows } from '../../store/agenda-rows';
import type { TimeWindow } from '../../store/records';
import { AgendaApp, prefetchInitialView } from '../../ui/agenda/agenda-app';
import { AgendaErrorBoundary } from '../../ui/agenda/agenda-states';
import { bootFrame, takeBootRead } from '../../ui/agenda/boot-handoff';
import { MODULES_MARK, ROWS_MARK } from '../../ui/agenda/use-agenda';
import { uiDb } from '../../ui/db';

/** How long the page waits for the first view's read before showing the loading state. */
const FIRST_READ_WAIT_MS = 250;

// Everything above is loaded and run: the bench's "modules" moment.
performance.mark(MODULES_MARK);
const db = uiDb();
// Open IndexedDB now, rather than on the first query after mounting.
void db.open().catch(() => undefined); // a failure resurfaces on the first read, with its state
// The first view's read: the rows the boot script (newtab-boot.ts) is already reading, when they
// cover it; else it starts now (agenda-prefetch.ts).
const firstRead = prefetchInitialView(db, takeBootRead()).then(() => performance.mark(ROWS_MARK));
// The bench and the e2e tests fill this page's database through the page's own Dexie (real
// Chromium IndexedDB, same schema and version as the app). Only extension pages can reach it.
// `readAgendaRows` is the first view's read itself, for the bench to time on a settled page.
Object.assign(globalThis, {
  __almanacNewtab: {
    db,
    readAgendaRows: (window: TimeWindow, earlier: boolean) => readAgendaRows(db, window, earlier),
  },
});

// React mounts once the first read is in, and renders the week straight away: a skeleton render
// first (and the effects it starts) would compete with the read for the main thread, then cost a
// second render. A slow read (a first start, an upgrade) shows the loading state after a moment,
// unless the boot script painted the saved first frame (saved-frame.ts): that stays until React
// draws the week over it.
const mount = () =>
  createRoot(document.getElementById('root')!).render(
    <AgendaErrorBoundary>
      <AgendaApp />
    </AgendaErrorBoundary>,
  );
const loadingAfter = new Promise((wait) => setTimeout(wait, FIRST_READ_WAIT_MS));
void (bootFrame()?.painted ? firstRead : Promise.race([firstRead, loadingAfter])).then(mount);
