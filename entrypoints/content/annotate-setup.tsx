/** Wires annotations into the content script: the shadow-root UI, the annotator and its messages. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { AnnotateOverlay } from '../../components/annotations/AnnotateOverlay';
import { ANNOTATE_CSS } from '../../components/annotations/annotate-styles';
import { AnnotateI18nContext } from '../../components/annotations/i18n';
import { createOverlayState } from '../../components/annotations/overlay-state';
import { NOTE_FRAME_PAGE } from '../../data/annotations/note-frame';
import { type Annotator, createAnnotator } from './annotate-controller';
import { createNoteFrameHost } from './annotate-frame-host';
import { createHighlightLayer } from './annotate-highlights';
import { createAnnotateI18n } from './annotate-i18n';
import { serveAnnotationCalls } from './annotate-messages';
import { callBackground } from './popover-client';

/** The host element of the annotation UI. */
export const ANNOTATE_HOST_NAME = 'kamerlens-annotate';

/** Start annotating on this page; everything stops with `ctx`. */
export function setupAnnotations(ctx: ContentScriptContext): Annotator {
  const i18n = createAnnotateI18n();
  const state = createOverlayState();
  let ui: Promise<ShadowRootContentScriptUi<void>> | null = null;
  let annotator: Annotator | null = null;
  // The editor and the card (note text) live in the extension's frame page; the shadow root keeps
  // only the toolbar and is closed, so page scripts cannot walk into it.
  const frames = createNoteFrameHost({
    call: callBackground,
    actions: () => annotator?.actions ?? null,
    pageUrl: (nonce) => `${browser.runtime.getURL(`/${NOTE_FRAME_PAGE}` as '/')}#${nonce}`,
  });
  const ensureUi = async () => {
    ui ??= createShadowRootUi(ctx, {
      name: ANNOTATE_HOST_NAME,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'closed',
      css: ANNOTATE_CSS,
      onMount: (container) => {
        if (!annotator) return;
        render(
          <AnnotateI18nContext.Provider value={i18n}>
            <AnnotateOverlay state={state} actions={annotator.actions} frames={frames} />
          </AnnotateI18nContext.Provider>,
          container,
        );
      },
      onRemove: (container) => container && render(null, container),
    }).then((created) => {
      created.mount();
      return created;
    });
    await ui;
  };
  annotator = createAnnotator({
    doc: document,
    signal: ctx.signal,
    call: callBackground,
    state,
    highlights: createHighlightLayer(document),
    ensureUi,
    isOwnEvent: (event) =>
      event.composedPath().some((node) => (node as Element).localName === ANNOTATE_HOST_NAME),
    t: i18n.t,
    href: () => location.href,
    title: () => document.title,
  });
  serveAnnotationCalls(ctx.signal, { ...annotator.endpoint, frameEvent: frames.handle });
  // Single-page sites change the URL without a new content script: load the new page's notes.
  ctx.addEventListener(window, 'wxt:locationchange', () => void annotator?.load());
  void annotator.load();
  return annotator;
}
