// The new-tab override (WXT: entrypoints/newtab → chrome_url_overrides.newtab).
import { createRoot } from 'react-dom/client';
import '../../ui/styles.css';
import '../../ui/agenda/agenda.css';
import { AgendaApp, prefetchInitialView } from '../../ui/agenda/agenda-app';
import { AgendaErrorBoundary } from '../../ui/agenda/agenda-states';
import { uiDb } from '../../ui/db';

const db = uiDb();
// Open IndexedDB now, while React starts, rather than on the first query after mounting.
void db.open().catch(() => undefined); // a failure resurfaces on the first read, with its state
// The first view's read starts now, overlapping React's start (agenda-prefetch.ts).
prefetchInitialView(db);
// The bench and the e2e tests fill this page's database through the page's own Dexie (real
// Chromium IndexedDB, same schema and version as the app). Only extension pages can reach it.
Object.assign(globalThis, { __almanacNewtab: { db } });

createRoot(document.getElementById('root')!).render(
  <AgendaErrorBoundary>
    <AgendaApp />
  </AgendaErrorBoundary>,
);
