/**
 * The in-page annotator: selection → toolbar → editor (the note frame, which saves through the
 * background; the change notice then re-anchors the page's notes); hover, caret or keyboard on a
 * highlight → the note card. Everything it touches outside the DOM is injected
 * (background calls, the UI mount), so tests drive it in happy-dom. Listeners stop with `signal`.
 *
 * Keyboard: Alt+Shift+N annotates the selection (or edits the open card's note); Alt+Shift+J
 * shows the next note on the page (focus moves into its card); Escape closes what is open.
 */
import type { OverlayActions } from '../../../components/annotations/AnnotateOverlay';
import { createLinkedNames, referencedDocuments } from '../../../components/annotations/linked-names';
import type { OverlayState } from '../../../components/annotations/overlay-state';
import type { AnnotationRecord } from '../../../data/annotations/model';
import { normalizeSourceUrl } from '../../../data/annotations/url';
import type { CallBackground } from '../../../data/messaging';
import type { AnnotationEndpoint } from './annotation-messages';
import type { HighlightLayer } from './highlights';
import { createNoteCard } from './hover-card';
import { type Anchoring, type AnchoringTiming, createAnchoring } from './page-anchoring';
import { type CapturedSelection, captureSelection, viewportRectOf } from './selection';

/** What the annotator needs. */
export interface AnnotatorDeps {
  doc: Document;
  signal: AbortSignal;
  call: CallBackground;
  state: OverlayState;
  highlights: HighlightLayer;
  /** Mount the shadow-root UI (first use only). */
  ensureUi(): Promise<void>;
  /** Whether an event happened inside our own UI host. */
  isOwnEvent(event: Event): boolean;
  /**
   * Whether the browser made the event (a reader's key or pointer), not a page script: default
   * `event.isTrusted`. Only such events open or drive our UI.
   */
  isTrusted?(event: Event): boolean;
  /** The page URL (changes on single-page navigation). */
  href(): string;
  title(): string;
  /** Anchoring timing (tests shorten the settle time). */
  timing?: AnchoringTiming;
}

/** The wired annotator. */
export interface Annotator {
  actions: OverlayActions;
  anchoring: Anchoring;
  endpoint: AnnotationEndpoint;
  /** (Re)load this page's notes from the background; resolves when they are anchored. */
  load(): Promise<void>;
}

/** Wire the annotator into the page. */
export function createAnnotator(deps: AnnotatorDeps): Annotator {
  const { doc, signal, state, highlights } = deps;
  const anchoring = createAnchoring({ doc, signal, highlights, timing: deps.timing });
  const names = createLinkedNames((ids) => deps.call('lookup', { ids }));
  let captured: CapturedSelection | null = null;
  let returnFocus: HTMLElement | null = null;
  const isTrusted = deps.isTrusted ?? ((event: Event) => event.isTrusted);
  // Every listener ignores events a page script dispatched: a page could otherwise select text of
  // its choice and open the editor on it with a synthetic Alt+Shift+N.
  const on = <K extends keyof DocumentEventMap>(
    type: K,
    listener: (event: DocumentEventMap[K]) => void,
    capture = false,
  ) =>
    doc.addEventListener(
      type,
      (event) => {
        if (isTrusted(event)) listener(event);
      },
      { signal, capture, passive: type === 'pointermove' },
    );

  const source = () => normalizeSourceUrl(deps.href());

  const hide = () => {
    card.reset();
    highlights.setActive(null);
    state.hide();
    if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  };

  const rememberFocus = () => {
    const active = doc.activeElement;
    returnFocus = active instanceof HTMLElement && active !== doc.body ? active : null;
  };

  const card = createNoteCard({
    state,
    highlights,
    anchoring,
    names,
    ensureUi: deps.ensureUi,
    onPin: rememberFocus,
    hide: () => hide(),
  });

  const openEditor = (selection: CapturedSelection) => {
    const page = source();
    // Notes belong to web pages only: elsewhere there is nothing to write.
    if (page === null) return;
    captured = selection;
    if (!returnFocus) rememberFocus();
    const linked = referencedDocuments(selection.quote.exact);
    const target = {
      kind: 'new',
      source: page,
      title: deps.title(),
      quote: selection.quote,
      position: selection.position,
    } as const;
    void deps.ensureUi().then(() => {
      state.openEditor(
        selection.rect,
        { mode: 'new', quote: selection.quote.exact, note: '', tags: [], linked },
        target,
      );
    });
  };

  const openEditorFor = (record: AnnotationRecord) => {
    const range = highlights.rangeOf(record.id);
    captured = null;
    void deps.ensureUi().then(() => {
      state.openEditor(
        range ? viewportRectOf(range) : { left: 16, top: 16, width: 0, height: 0 },
        {
          mode: 'edit',
          quote: record.target.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '',
          note: record.body.note,
          tags: record.body.tags,
          linked: names.now(record.body.linkedDocumentIds),
        },
        { kind: 'edit', record },
      );
    });
  };

  /** The background stored the editor's note; its change notice re-anchors the page's notes. */
  const saved = () => {
    captured = null;
    doc.getSelection()?.removeAllRanges();
    hide();
  };

  const load = async () => {
    const answer = await deps.call('annotationsForPage', { url: deps.href() });
    if (!answer.ok) {
      // Never silent: the failure stays visible in the status the side panel reads, and in the console.
      console.warn('Kamerlens: notes for this page could not be read:', answer.error);
      return;
    }
    anchoring.setRecords(answer.value);
    await anchoring.settled();
  };

  const nextNote = () => {
    const ids = anchoring.anchoredIds();
    if (ids.length === 0) return;
    const current = card.current();
    const next = ids[(current === null ? -1 : ids.indexOf(current)) + 1] ?? (ids[0] as string);
    const range = highlights.rangeOf(next);
    (range?.startContainer.parentElement ?? null)?.scrollIntoView({ block: 'center' });
    card.reset();
    card.show(next, true);
  };

  // Selection → toolbar (after the browser has updated the selection).
  const afterSelecting = (event: Event) => {
    if (deps.isOwnEvent(event)) return;
    setTimeout(() => {
      const view = state.view.value.kind;
      if (view === 'editor') return;
      const selection = captureSelection(doc, anchoring.model);
      if (selection) {
        captured = selection;
        // The UI may still be loading: an editor opened meanwhile (keyboard shortcut) stays.
        void deps.ensureUi().then(() => {
          if (state.view.value.kind !== 'editor') state.show({ kind: 'toolbar', rect: selection.rect });
        });
      } else if (view === 'toolbar') {
        hide();
      }
    }, 0);
  };
  on('pointerup', afterSelecting);
  on('keyup', (event) => {
    if (event.shiftKey || event.key === 'Shift') afterSelecting(event);
  });
  on('pointerdown', (event) => {
    if (deps.isOwnEvent(event)) return;
    const view = state.view.value.kind;
    if (view === 'toolbar' || (view === 'card' && card.pinned())) hide();
  });

  on(
    'keydown',
    (event) => {
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN') {
        const view = state.view.value;
        const selection = deps.isOwnEvent(event) ? null : captureSelection(doc, anchoring.model);
        if (selection) {
          event.preventDefault();
          rememberFocus();
          openEditor(selection);
        } else if (view.kind === 'card') {
          event.preventDefault();
          openEditorFor(view.record);
        } else if (view.kind === 'toolbar' && captured) {
          event.preventDefault();
          openEditor(captured);
        }
      } else if (
        event.altKey &&
        event.shiftKey &&
        !event.ctrlKey &&
        !event.metaKey &&
        event.code === 'KeyJ'
      ) {
        event.preventDefault();
        nextNote();
      } else if (event.key === 'Escape' && state.view.value.kind !== 'none' && !deps.isOwnEvent(event)) {
        hide();
      }
    },
    true,
  );

  // Hover: hit-test the highlights once per frame.
  let frame = 0;
  let pointer = { x: 0, y: 0 };
  on('pointermove', (event) => {
    pointer = { x: event.clientX, y: event.clientY };
    if (frame !== 0 || deps.isOwnEvent(event)) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const kind = state.view.value.kind;
      if (kind === 'editor' || kind === 'toolbar') return;
      const id = highlights.noteAt(pointer.x, pointer.y);
      if (id !== null && id !== card.current()) card.show(id, false);
      else if (id !== null) card.keep();
      else card.hideSoon();
    });
  });

  // Caret (caret browsing, a tap or click) inside a highlight shows its note.
  on('selectionchange', () => {
    const selection = doc.getSelection();
    const kind = state.view.value.kind;
    if (!selection?.isCollapsed || !selection.anchorNode || kind === 'editor' || kind === 'toolbar') return;
    const id = highlights.noteAtPoint(selection.anchorNode, selection.anchorOffset);
    if (id !== null && id !== card.current()) card.show(id, false);
  });

  const actions: OverlayActions = {
    annotate: () => {
      if (captured) openEditor(captured);
    },
    dismiss: hide,
    saved,
    editCard: () => {
      const view = state.view.value;
      if (view.kind === 'card') openEditorFor(view.record);
    },
    cardHover: (inside) => {
      if (inside) card.keep();
      else card.hideSoon();
    },
  };

  const endpoint: AnnotationEndpoint = {
    status: () => anchoring.status(source() ?? deps.href()),
    reveal: (id) => {
      const range = highlights.rangeOf(id);
      if (!range) return false;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      card.reset();
      card.show(id, true);
      return true;
    },
    changed: (changed) => {
      if (changed === null || changed === source()) void load();
    },
  };

  return { actions, anchoring, endpoint, load };
}
