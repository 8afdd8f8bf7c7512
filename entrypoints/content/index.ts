import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_SCRIPT_MATCHES } from '../../data/sites';
import { setupAnnotations } from './annotate/setup-annotations';
import { setupPopover } from './popover/setup-popover';
import { servePageReferences } from './scanner/page-references';
import { startPageScanner } from './scanner/page-scanner';
import { intersectionGate } from './scanner/viewport-gate';

// Typed loosely: WXT types only the message keys present in public/_locales.
const getMessage = browser.i18n.getMessage as (key: string) => string;

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const scanner = startPageScanner({
      document,
      signal: ctx.signal,
      // Read when the first reference is marked: the browser's first message lookup is a blocking
      // call (5–150 ms on a busy machine), which pages without references never need. Dutch when
      // the locale files lack the message: Dutch is the default locale.
      roleDescription: () => getMessage('mark_roleDescription') || 'verwijzing',
      // Off-screen text is read as the reader scrolls to it: the page pays for what is seen.
      viewportGate: intersectionGate(window),
    });
    const popover = setupPopover(ctx, scanner.registry);
    servePageReferences(ctx.signal, scanner, popover);
    setupAnnotations(ctx);
  },
});
