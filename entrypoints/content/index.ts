// First: the extension API module must not take a page element for `browser` (browser-global.ts).
import './browser-global';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_SCRIPT_MATCHES } from '../../data/sites';
import { removeLeftoverHighlights } from './annotate/highlights';
import { setupAnnotations } from './annotate/setup-annotations';
import { contentLifetime } from './lifetime';
import { hostStamp, removeLeftoverHosts, stampHostsWith } from './own-host';
import { setupPopover } from './popover/setup-popover';
import { quietStart } from './quiet-start';
import { servePageReferences } from './scanner/page-references';
import { startPageScanner } from './scanner/page-scanner';
import { intersectionGate } from './scanner/viewport-gate';

// WXT makes its context, which would announce the start to the page, after this module ran (quiet-start.ts).
const announced = quietStart(document);

// Typed loosely: WXT types only the message keys present in public/_locales.
const getMessage = browser.i18n.getMessage as (key: string) => string;

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  // WXT would tell the page, in a window message naming the extension's id, that we started.
  noScriptStartedPostMessage: true,
  main(ctx) {
    announced();
    // Firefox: a copy from before a reload or update was nuked with its card or note overlay open on
    // the page, and its notes' highlights painted; those go before this copy starts (own-host.ts,
    // highlights.ts).
    const stamp = hostStamp(browser.runtime.getURL('/'));
    stampHostsWith(stamp);
    removeLeftoverHosts(document, stamp);
    removeLeftoverHighlights(document);
    // Ends only when the extension is gone, not when a page forges WXT's "newer copy" event (lifetime.ts).
    const { signal, stillRunning } = contentLifetime(ctx, () => browser.runtime?.id != null);
    const scanner = startPageScanner({
      document,
      signal,
      // Read when the first reference is marked: the browser's first message lookup is a blocking
      // call (5–150 ms on a busy machine), which pages without references never need. Dutch when
      // the locale files lack the message: Dutch is the default locale.
      roleDescription: () => getMessage('mark_roleDescription') || 'verwijzing',
      // Off-screen text is read as the reader scrolls to it: the page pays for what is seen.
      viewportGate: intersectionGate(window),
    });
    const popover = setupPopover(signal, scanner.registry, stillRunning);
    servePageReferences(signal, scanner, popover);
    setupAnnotations(signal, stillRunning);
  },
});
