/**
 * The content script's lazily loaded part: the popover's card UI and the annotation overlay (Preact,
 * floating-ui, the components and their styles) and the card's copy to the clipboard, loaded at the first contact with a mark or the
 * first selection to annotate. The background injects `/content-ui.js` into this frame's isolated world (scripting API,
 * not a web-accessible resource a page could probe), where it hands its API over on a global of
 * that world: page scripts run in another world and cannot see or replace it.
 */

import type { AnnotateOverlayProps } from './annotations/overlay-mount';
import type { I18n } from './i18n';
import type { PopoverSurface, ShadowMount } from './popover/popover-surface';
import type { copyText } from './shared/clipboard';

/** What `/content-ui.js` provides. */
export interface ContentUiParts {
  /** The popover's styles, for its shadow root. */
  popoverCss: string;
  /** The annotation overlay's styles, for its shadow root. */
  annotateCss: string;
  /** Renders the annotation overlay into `container`; the returned function takes it down. */
  mountAnnotateOverlay(container: HTMLElement, props: AnnotateOverlayProps): () => void;
  /** `createPopoverSurface` with the host id chosen by the content script. */
  createPopoverSurface(i18n: I18n, mountHost: () => Promise<ShadowMount>, hostId: string): PopoverSurface;
  /** `copyText`, for the card's copy action (only the loaded card offers it). */
  copyText: typeof copyText;
}

/**
 * The key the injected script stores its API under on the isolated world's global: a symbol. A
 * string name the global lacks is looked up in the window's named properties, which are the page's
 * elements by `id` and `name`, and Chromium's isolated world sees them (as own properties of its
 * global, too). Measured in Chromium (hostile-page-names.e2e.ts): with the string key, a page with
 * `<div id="__kamerlensContentUi">` was taken for the UI part, and no card or note editor opened on
 * it. Named properties are strings only; `Symbol.for` gives both scripts the same key.
 */
const CONTENT_UI_KEY = Symbol.for('kamerlens.contentUi');

/** Path of the built unlisted script (entrypoints/content-ui.ts). */
export const CONTENT_UI_FILE = '/content-ui.js' as const;

/** The UI part's API once the injected script has run, else undefined. */
export function providedContentUi(): ContentUiParts | undefined {
  return (globalThis as { [CONTENT_UI_KEY]?: ContentUiParts })[CONTENT_UI_KEY];
}

/** Stores the UI part's API for the content script (called by the injected script). */
export function provideContentUi(parts: ContentUiParts): void {
  (globalThis as { [CONTENT_UI_KEY]?: ContentUiParts })[CONTENT_UI_KEY] = parts;
}
