import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { setupAnnotations } from './annotate-setup';
import { servePageReferences } from './page-references';
import { startPageScanner } from './page-scanner';
import { setupPopover } from './popover';
import { CONTENT_SCRIPT_MATCHES } from './sites';

// Typed loosely: WXT types only the message keys present in public/_locales.
const getMessage = browser.i18n.getMessage as (key: string) => string;

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const scanner = startPageScanner({
      document,
      signal: ctx.signal,
      // Dutch when the locale files lack the message: Dutch is the default locale.
      roleDescription: getMessage('mark_roleDescription') || 'verwijzing',
    });
    const popover = setupPopover(ctx, scanner.registry);
    servePageReferences(ctx.signal, scanner.registry, popover);
    setupAnnotations(ctx);
  },
});
