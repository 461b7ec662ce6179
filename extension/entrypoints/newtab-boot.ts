// The new tab's boot script (WXT unlisted script → /newtab-boot.js), a classic script in the
// page's head (newtab/index.html): it runs while the HTML is still being parsed and
// - starts the store read (ui/agenda/boot-read.ts), so opening the database and reading the week
//   overlap the page's module (React, Dexie, the Temporal polyfill: ~500 KB to fetch, compile
//   and run) loading, instead of following it;
// - paints the first frame the page saved last time (ui/agenda/saved-frame.ts) when the read's
//   first answer, the store's revision, says nothing it was drawn from has changed;
// - starts the page's module (the build hands it over: scripts/newtab-boot-html.ts) once that
//   frame is painted, or at once when there is none to paint: its evaluation would otherwise
//   hold the main thread before the frame reached the screen.
// Tiny on purpose: plain IndexedDB, Intl and the DOM, nothing else.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishBootFrame, publishBootRead } from '../ui/agenda/boot-handoff';
import { startBootRead } from '../ui/agenda/boot-read';
import { dropSpentFrame, paintSavedFrame, savedFrameFor } from '../ui/agenda/frame-paint';
import { pageStorage } from '../ui/agenda/page-storage';
import { frameContext, SAVED_FRAME_MARK } from '../ui/agenda/saved-frame';
import { afterNextPaint } from '../ui/next-paint';

/** Longest the page's module waits for the revision before it starts without the frame. */
const REVISION_WAIT_MS = 150;
/** Longest it waits for the frame's paint (a hidden page gets no animation frames). */
const PAINT_WAIT_MS = 100;

function moduleStarter(src: string | undefined): () => void {
  let started = false;
  return () => {
    if (started || !src) return; // no src: the page's own module tag starts it (a dev build)
    started = true;
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = ''; // as the build's modulepreload, so the preloaded module is used
    script.src = src;
    document.head.append(script);
  };
}

export default defineUnlistedScript(() => {
  const tag = document.currentScript as HTMLScriptElement | null;
  const startModule = moduleStarter(tag?.dataset.app);
  try {
    const build = tag?.dataset.build;
    const context = frameContext(build);
    const boot = { build, context, painted: false };
    publishBootFrame(boot);
    const frame = savedFrameFor(pageStorage(), context, Date.now());
    if (!frame) {
      publishBootRead(startBootRead());
      performance.mark(SAVED_FRAME_MARK, { detail: { painted: false, reason: 'none' } });
      startModule();
      return;
    }
    let decided = false;
    const decide = (revision: string | undefined, late: boolean) => {
      if (decided) return;
      decided = true;
      let result: string;
      try {
        result = late
          ? 'late'
          : paintSavedFrame(document.getElementById('root'), frame, revision, Date.now());
      } catch {
        // Whatever went wrong, the page's module must still start (this runs inside the boot
        // read's callback, where a throw would be swallowed and nothing would start it).
        result = 'broken';
        document.getElementById('root')?.replaceChildren();
      }
      boot.painted = result === 'painted';
      dropSpentFrame(pageStorage(), result);
      performance.mark(SAVED_FRAME_MARK, { detail: { painted: boot.painted, reason: result } });
      if (!boot.painted) return startModule();
      afterNextPaint(startModule);
      setTimeout(startModule, PAINT_WAIT_MS);
    };
    publishBootRead(startBootRead((revision) => decide(revision, false)));
    setTimeout(() => decide(undefined, true), REVISION_WAIT_MS);
  } catch (err) {
    // The page must come up whatever happened here: it reads through Dexie on its own.
    startModule();
    throw err;
  }
});
