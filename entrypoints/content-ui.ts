/**
 * The content script's UI part, injected by the background on first use (see
 * entrypoints/content/content-ui-parts.ts): it runs in the content script's isolated world and
 * hands over what it provides on that world's global.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ANNOTATE_CSS } from '../components/annotations/annotate-styles';
import { POPOVER_CSS } from '../components/popover/popover-styles';
import { mountAnnotateOverlay } from './content/annotate-overlay-mount';
import { provideContentUi } from './content/content-ui-parts';
import { createPopoverSurface } from './content/popover-surface';

export default defineUnlistedScript(() => {
  provideContentUi({
    popoverCss: POPOVER_CSS,
    createPopoverSurface,
    annotateCss: ANNOTATE_CSS,
    mountAnnotateOverlay,
  });
});
