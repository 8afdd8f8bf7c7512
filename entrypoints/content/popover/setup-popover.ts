import { browser } from 'wxt/browser';
import { createBrowserI18n } from '../../../components/i18n';
import { callBackground } from '../../../data/messaging';
import { loadContentUi } from '../content-ui-loader';
import { createOwnHost } from '../own-host';
import { createCardResolver } from './card-lookup';
import { createLazyPopoverSurface } from './lazy-surface';
import { createPopoverController, type PopoverController } from './popover-controller';
import { createReferenceFinder, type ReferenceMarks } from './popover-marks';
import { createPopoverMeasure } from './popover-measure';

/**
 * Wires the popover into the content script: listens for hover, focus, tap and click on the scanner's
 * marks (event delegation, so marks added later work), looks references up in the background and
 * shows the card in a shadow-root host created on first use. Everything stops with `signal`;
 * `stillRunning` is asked at each first contact with a mark, and ends it all when the extension is gone.
 */
export function setupPopover(
  signal: AbortSignal,
  marks: ReferenceMarks,
  stillRunning: () => boolean = () => true,
): PopoverController {
  // The card UI is loaded on first contact with a mark; the host is still made here, with the DOM
  // methods captured at start. Closed in release builds: with an open root, a page read which card
  // the reader had open and what the reader's packs say, and could rewrite the card, its official
  // link included (hostile-page.e2e.ts, against the release build). Test builds keep it open, as the
  // e2e tests read the card through the root (the release build's tests read it through CDP).
  const surface = createLazyPopoverSurface(
    async (hostId) => {
      const ui = await loadContentUi();
      // Messages are read when the card's UI is: the first lookup blocks, and most pages never need it.
      const i18n = createBrowserI18n(browser.i18n.getMessage, 'popover_locale');
      const mode = import.meta.env.MODE === 'production' ? 'closed' : 'open';
      const mount = async () => createOwnHost(document, { mode, css: ui.popoverCss, signal });
      return ui.createPopoverSurface(i18n, mount, hostId);
    },
    (error) => console.error(error),
  );
  // Loading starts at the first contact with a mark, so it is done within the hover-intent dwell.
  const finder = createReferenceFinder(marks);
  const preload = (event: Event) => {
    if (!event.isTrusted || (finder.keyAt(event.target) === null && !finder.focusedAt(event.target))) return;
    // Chromium leaves the old copy running after a reload, cut off from the extension: measured
    // (chromium e2e), its card UI could not load and each contact logged an error to the page's
    // console. It stops here instead, taking its marks with it.
    if (stillRunning()) surface.preload();
  };
  for (const type of ['pointerover', 'focusin'])
    document.addEventListener(type, preload, { capture: true, passive: true, signal });
  const measure = createPopoverMeasure(document);
  return createPopoverController({
    document,
    signal,
    marks,
    resolver: createCardResolver((ids) => measure.lookup(callBackground('lookup', { ids }))),
    measure,
    surface,
    actions: {
      openSidePanel: (documentId, question) =>
        callBackground('openSidePanel', question ? { documentId, question } : { documentId }),
      // Only a loaded card has a copy button: the UI part is there by then.
      copyText: async (text) => (await loadContentUi()).copyText(text, surface.container),
    },
  });
}
