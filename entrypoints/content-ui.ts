/**
 * The content script's UI part, injected by the background on first use (see
 * components/content-ui-parts.ts): it runs in the content script's isolated world and
 * hands over what it provides on that world's global.
 */
// First, as in the content script: the extension API module must not take a page element for `browser`.
import './content/browser-global';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ANNOTATE_CSS } from '../components/annotations/annotate-styles';
import { mountAnnotateOverlay } from '../components/annotations/overlay-mount';
import { provideContentUi } from '../components/content-ui-parts';
import { POPOVER_CSS } from '../components/popover/popover-styles';
import { createPopoverSurface } from '../components/popover/popover-surface';
import { copyText } from '../components/shared/clipboard';

export default defineUnlistedScript(() => {
  provideContentUi({
    popoverCss: POPOVER_CSS,
    createPopoverSurface,
    annotateCss: ANNOTATE_CSS,
    mountAnnotateOverlay,
    copyText,
  });
});
