import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { POPOVER_CSS } from '../../components/popover/popover-styles';
import { createOwnHost } from './own-host';
import { callBackground } from './popover-client';
import { copyText } from './popover-clipboard';
import { createPopoverController, type PopoverController } from './popover-controller';
import { createBrowserI18n } from './popover-i18n';
import { createCardResolver } from './popover-lookup';
import type { ReferenceMarks } from './popover-marks';
import { createPopoverMeasure } from './popover-measure';
import { createPopoverSurface } from './popover-surface';

/**
 * Wires the popover into the content script: listens for hover, focus, tap and click on the scanner's
 * marks (event delegation, so marks added later work), looks references up in the background and
 * shows the card in a shadow-root host created on first use. Everything stops with `ctx`.
 */
export function setupPopover(ctx: ContentScriptContext, marks: ReferenceMarks): PopoverController {
  // Open, as before: the card shows public dataset text, and the e2e tests read it through the root.
  const surface = createPopoverSurface(createBrowserI18n(), async () =>
    createOwnHost(document, { mode: 'open', css: POPOVER_CSS, signal: ctx.signal }),
  );
  const measure = createPopoverMeasure(document);
  return createPopoverController({
    document,
    signal: ctx.signal,
    marks,
    resolver: createCardResolver((ids) => measure.lookup(callBackground('lookup', { ids }))),
    measure,
    surface,
    actions: {
      openSidePanel: (documentId, question) =>
        callBackground('openSidePanel', question ? { documentId, question } : { documentId }),
      copyText: (text) => copyText(text, surface.container),
    },
  });
}
