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

/** The isolated world's global the injected script stores its API on. */
export const CONTENT_UI_GLOBAL = '__kamerlensContentUi';

/** Path of the built unlisted script (entrypoints/content-ui.ts). */
export const CONTENT_UI_FILE = '/content-ui.js' as const;

/** The global's holder, typed. */
export type ContentUiHolder = { [CONTENT_UI_GLOBAL]?: ContentUiParts };

/** Stores the UI part's API for the content script (called by the injected script). */
export function provideContentUi(parts: ContentUiParts): void {
  (globalThis as ContentUiHolder)[CONTENT_UI_GLOBAL] = parts;
}
