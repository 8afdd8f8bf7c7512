import { computePosition, flip, offset, type Placement, shift } from '@floating-ui/dom';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { NoteFrame, type NoteFrameHost } from './NoteFrame';
import type { OverlayState, ViewportRect } from './overlay-state';
import { SelectionToolbar } from './SelectionToolbar';

/** What the overlay's pieces do; the content script implements them. */
export interface OverlayActions {
  annotate(): void;
  dismiss(): void;
  /** The background stored the editor's note: close the editor. */
  saved(): void;
  editCard(): void;
  /** The pointer entered (true) or left (false) the note card. */
  cardHover(inside: boolean): void;
}

const PLACEMENT: Record<'toolbar' | 'editor' | 'card', Placement> = {
  toolbar: 'top',
  editor: 'bottom-start',
  card: 'bottom-start',
};

function usePlacement(rect: ViewportRect | null, placement: Placement, size: unknown) {
  const floating = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = floating.current;
    if (!element || !rect) return;
    const reference = {
      getBoundingClientRect: () => ({
        ...rect,
        x: rect.left,
        y: rect.top,
        right: rect.left + rect.width,
        bottom: rect.top + rect.height,
      }),
    };
    void computePosition(reference, element, {
      strategy: 'fixed',
      placement,
      middleware: [offset(8), flip(), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  }, [rect, placement, size]);
  return floating;
}

/**
 * The in-page annotation layer: a toolbar over the selection, or the editor or a note card, which
 * render in the extension's note frame (unreadable by the page).
 */
export function AnnotateOverlay({
  state,
  actions,
  frames,
}: {
  state: OverlayState;
  actions: OverlayActions;
  frames: NoteFrameHost;
}) {
  const view = state.view.value;
  const rect = view.kind === 'none' ? null : view.rect;
  const floating = usePlacement(rect, view.kind === 'none' ? 'top' : PLACEMENT[view.kind], frames.size.value);
  if (view.kind === 'none') return null;
  return (
    <div class="ka-layer">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: hover only keeps the card open while the pointer is on it (WCAG 1.4.13); keyboard users reach it by focus and close it with Escape. */}
      <div
        ref={floating}
        class="ka-float"
        onMouseEnter={() => view.kind === 'card' && actions.cardHover(true)}
        onMouseLeave={() => view.kind === 'card' && actions.cardHover(false)}
      >
        {view.kind === 'toolbar' && (
          <SelectionToolbar onAnnotate={actions.annotate} onDismiss={actions.dismiss} />
        )}
        {(view.kind === 'editor' || view.kind === 'card') && <NoteFrame view={view} host={frames} />}
      </div>
    </div>
  );
}
