/** Wires annotations into the content script: the shadow-root UI, the annotator and its messages. */
import { browser } from 'wxt/browser';
import { createOverlayState } from '../../../components/annotations/overlay-state';
import { createBrowserI18n } from '../../../components/i18n';
import { NOTE_FRAME_PAGE } from '../../../data/annotations/note-frame';
import { callBackground } from '../../../data/messaging';
import { loadContentUi } from '../content-ui-loader';
import { watchLocation } from '../lifetime';
import { createOwnHost, isOwnHost, type OwnHost } from '../own-host';
import { serveAnnotationCalls } from './annotation-messages';
import { type Annotator, createAnnotator } from './annotator';
import { createHighlightLayer, newHighlightNames } from './highlights';
import { createNoteFrameHost } from './note-frame-host';

/**
 * Start annotating on this page; everything stops with `signal`. `stillRunning` is asked before the
 * overlay is first needed, and ends it all when the extension is gone.
 */
export function setupAnnotations(signal: AbortSignal, stillRunning: () => boolean = () => true): Annotator {
  const state = createOverlayState();
  let ui: OwnHost | null = null;
  let annotator: Annotator | null = null;
  // The editor and the card (note text) live in the extension's frame page; the shadow root keeps
  // only the toolbar and is closed, so page scripts cannot walk into it.
  const frames = createNoteFrameHost({
    call: callBackground,
    actions: () => annotator?.actions ?? null,
    pageUrl: (nonce) => `${browser.runtime.getURL(`/${NOTE_FRAME_PAGE}` as '/')}#${nonce}`,
  });
  let uiReady: Promise<void> | null = null;
  // The overlay's code is loaded on first use (content-ui-loader.ts); the host is made here, with the
  // DOM methods captured at start.
  const ensureUi = () => {
    // Chromium leaves the old copy running after a reload, cut off from the extension: its overlay
    // could not load, and each selection logged an error to the page's console (reload-suite.ts).
    // It stops here instead, as at a mark (setup-popover.ts).
    if (!stillRunning()) return Promise.resolve();
    uiReady ??= loadContentUi().then(
      (parts) => {
        if (ui || !annotator || signal.aborted) return;
        // Closed: page scripts cannot walk into the toolbar or reach the note frame's address.
        ui = createOwnHost(document, { mode: 'closed', css: parts.annotateCss, signal });
        // Messages are read with the overlay's UI: the first lookup blocks, and most pages never need it.
        const i18n = createBrowserI18n(browser.i18n.getMessage, 'annotate_locale');
        const unmount = parts.mountAnnotateOverlay(ui.uiContainer, {
          i18n,
          state,
          actions: annotator.actions,
          frames,
        });
        signal.addEventListener('abort', unmount, { once: true });
      },
      (error: unknown) => {
        uiReady = null; // the next selection tries again
        console.error(error);
      },
    );
    return uiReady;
  };
  annotator = createAnnotator({
    doc: document,
    signal,
    call: callBackground,
    state,
    highlights: createHighlightLayer(document, newHighlightNames(), signal),
    ensureUi,
    isOwnEvent: (event) => event.composedPath().some(isOwnHost),
    href: () => location.href,
    title: () => document.title,
  });
  serveAnnotationCalls(signal, { ...annotator.endpoint, frameEvent: frames.handle });
  // Single-page sites change the URL without a new content script: load the new page's notes.
  watchLocation(window, signal, () => void annotator?.load());
  void annotator.load();
  return annotator;
}
