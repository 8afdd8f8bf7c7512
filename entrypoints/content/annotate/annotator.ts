/**
 * The in-page annotator's DOM wiring: the page's events become events of the state machine
 * (annotator-machine.ts), and its effects are carried out here. selection → toolbar → editor (the
 * note frame, which saves through the background; the change notice then re-anchors the page's
 * notes); hover, caret or keyboard on a highlight → the note card. Everything it touches outside the
 * DOM is injected (background calls, the UI mount), so tests drive it in happy-dom. Listeners stop
 * with `signal`.
 *
 * Keyboard: Alt+Shift+N annotates the selection (or edits the open card's note); Alt+Shift+J
 * shows the next note on the page (focus moves into its card); Escape closes what is open.
 */
import type { OverlayActions } from '../../../components/annotations/AnnotateOverlay';
import { createLinkedNames } from '../../../components/annotations/linked-names';
import type { OverlayState } from '../../../components/annotations/overlay-state';
import type { AnnotationRecord } from '../../../data/annotations/model';
import { normalizeSourceUrl } from '../../../data/annotations/url';
import type { CallBackground } from '../../../data/messaging';
import type { AnnotationEndpoint } from './annotation-messages';
import {
  type AnnotatorEffect,
  type AnnotatorEvent,
  type AnnotatorState,
  HOVER_GRACE_MS,
  IDLE,
  step,
} from './annotator-machine';
import { type EditorView, editNoteEditor, newNoteEditor } from './editor-views';
import type { HighlightLayer } from './highlights';
import { createNoteCard } from './note-card';
import { type Anchoring, type AnchoringTiming, createAnchoring } from './page-anchoring';
import { type CapturedSelection, captureSelection } from './selection';

/** Keys that move the caret in caret browsing (F7): after one, the caret may be in a highlight. */
const CARET_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/** What the annotator needs. */
interface AnnotatorDeps {
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
  const card = createNoteCard({ state, highlights, anchoring, names, ensureUi: deps.ensureUi });
  let machine: AnnotatorState = IDLE;
  /** The selection held for the toolbar's Annotate button. */
  let captured: CapturedSelection | null = null;
  /** The selection read for the event being handled. */
  let fresh: CapturedSelection | null = null;
  let returnFocus: HTMLElement | null = null;
  let grace: ReturnType<typeof setTimeout> | undefined;
  const isTrusted = deps.isTrusted ?? ((event: Event) => event.isTrusted);
  const source = () => normalizeSourceUrl(deps.href());

  const rememberFocus = () => {
    const active = doc.activeElement;
    returnFocus = active instanceof HTMLElement && active !== doc.body ? active : null;
  };

  const showEditor = (editor: EditorView) => {
    void deps.ensureUi().then(() => state.openEditor(editor.rect, editor.draft, editor.target));
  };

  const openEditor = (selection: CapturedSelection) => {
    const page = source();
    // Notes belong to web pages only: elsewhere there is nothing to write.
    if (page === null) return;
    captured = selection;
    if (!returnFocus) rememberFocus();
    showEditor(newNoteEditor(selection, page, deps.title()));
  };

  const openEditorFor = (record: AnnotationRecord) => {
    captured = null;
    showEditor(
      editNoteEditor(record, highlights.rangeOf(record.id), names.now(record.body.linkedDocumentIds)),
    );
  };

  /** The note after `current` on the page (the first after the last), scrolled into view. */
  const revealNext = (current: string | null) => {
    const ids = anchoring.anchoredIds();
    if (ids.length === 0) return;
    const next = ids[(current === null ? -1 : ids.indexOf(current)) + 1] ?? (ids[0] as string);
    const range = highlights.rangeOf(next);
    (range?.startContainer.parentElement ?? null)?.scrollIntoView({ block: 'center' });
    dispatch({ type: 'reveal', note: next });
  };

  const run = (effect: AnnotatorEffect, event: Event | null) => {
    switch (effect.type) {
      case 'showToolbar': {
        const selection = fresh;
        if (!selection) return;
        captured = selection;
        // The UI may still be loading: an editor opened meanwhile (keyboard shortcut) stays.
        void deps.ensureUi().then(() => {
          if (state.view.value.kind !== 'editor') state.show({ kind: 'toolbar', rect: selection.rect });
        });
        return;
      }
      case 'openEditor': {
        const view = state.view.value;
        if (effect.on === 'card') {
          if (view.kind === 'card') openEditorFor(view.record);
        } else {
          const selection = effect.on === 'selection' ? fresh : captured;
          if (selection) openEditor(selection);
        }
        return;
      }
      case 'showCard':
        card.show(effect.note, effect.pin);
        return;
      case 'startGrace':
        grace = setTimeout(() => {
          grace = undefined;
          dispatch({ type: 'graceOver' });
        }, HOVER_GRACE_MS);
        return;
      case 'stopGrace':
        if (grace !== undefined) clearTimeout(grace);
        grace = undefined;
        return;
      case 'hide':
        highlights.setActive(null);
        state.hide();
        if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
        returnFocus = null;
        return;
      case 'forgetSelection':
        captured = null;
        doc.getSelection()?.removeAllRanges();
        return;
      case 'revealNext':
        revealNext(effect.after);
        return;
      case 'takeKey':
        event?.preventDefault();
        return;
      case 'rememberFocus':
        rememberFocus();
        return;
    }
  };

  /** One event through the machine; `view` is read from the overlay (the UI may still be loading). */
  function dispatch(next: AnnotatorEvent, event: Event | null = null): void {
    const stepped = step({ ...machine, view: state.view.value.kind, holding: captured !== null }, next);
    machine = stepped.state;
    for (const effect of stepped.effects) run(effect, event);
  }

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

  /** Where the caret was when last looked at (a caret key that did not move it changes nothing). */
  let caret: { node: Node; offset: number } | null = null;
  /** The caret, where a collapsed selection has one inside a highlight, shows that note's card. */
  const caretMoved = (pointer: boolean) => {
    const selection = doc.getSelection();
    if (!selection?.isCollapsed || !selection.anchorNode) {
      caret = null;
      return;
    }
    const { anchorNode: node, anchorOffset: offset } = selection;
    if (!pointer && caret?.node === node && caret.offset === offset) return;
    caret = { node, offset };
    const kind = state.view.value.kind;
    if (kind === 'editor' || kind === 'toolbar') return;
    dispatch({ type: 'caretAt', note: highlights.noteAtPoint(node, offset) });
  };

  // After the reader releases a pointer or key (the browser has updated the selection by then): a
  // selection → the toolbar (pointer, Shift); the caret in a highlight (a tap or click, caret
  // browsing's keys) → its note's card. Read on the reader's own input, not on `selectionchange`:
  // the browser fires that, trusted, for a selection a page script makes as well, so a page could
  // put the caret in a passage and open the reader's note on it.
  const afterInput = (event: Event, input: { selecting: boolean; pointer: boolean; caretKey: boolean }) => {
    // Most keys neither select nor move the caret: typing into a page's form costs no timer.
    if (!(input.selecting || input.pointer || input.caretKey) || deps.isOwnEvent(event)) return;
    setTimeout(() => {
      if (input.selecting) {
        // An open editor keeps its selection: the page's is not read.
        fresh = state.view.value.kind === 'editor' ? null : captureSelection(doc, anchoring.model);
        dispatch({ type: 'selectionEnded', selected: fresh !== null });
        fresh = null;
      }
      if (input.pointer || input.caretKey) caretMoved(input.pointer);
    }, 0);
  };
  on('pointerup', (event) => afterInput(event, { selecting: true, pointer: true, caretKey: false }));
  on('keyup', (event) =>
    afterInput(event, {
      selecting: event.shiftKey || event.key === 'Shift',
      pointer: false,
      caretKey: CARET_KEYS.has(event.key),
    }),
  );
  on('pointerdown', (event) => {
    if (!deps.isOwnEvent(event)) dispatch({ type: 'pointerDown' });
  });

  on(
    'keydown',
    (event) => {
      const chord = event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey;
      if (chord && event.code === 'KeyN') {
        fresh = deps.isOwnEvent(event) ? null : captureSelection(doc, anchoring.model);
        dispatch({ type: 'annotateKey', selected: fresh !== null }, event);
        fresh = null;
      } else if (chord && event.code === 'KeyJ') {
        dispatch({ type: 'nextNoteKey' }, event);
      } else if (event.key === 'Escape' && !deps.isOwnEvent(event)) {
        dispatch({ type: 'escape' }, event);
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
      dispatch({ type: 'pointerAt', note: highlights.noteAt(pointer.x, pointer.y) });
    });
  });

  const actions: OverlayActions = {
    annotate: () => dispatch({ type: 'annotate' }),
    dismiss: () => dispatch({ type: 'dismiss' }),
    saved: () => dispatch({ type: 'saved' }),
    editCard: () => dispatch({ type: 'editCard' }),
    cardHover: (inside) => dispatch({ type: 'cardPointer', inside }),
  };

  const endpoint: AnnotationEndpoint = {
    status: () => anchoring.status(source() ?? deps.href()),
    reveal: (id) => {
      const range = highlights.rangeOf(id);
      if (!range) return false;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      dispatch({ type: 'reveal', note: id });
      return true;
    },
    changed: (changed) => {
      if (changed === null || changed === source()) void load();
    },
  };

  signal.addEventListener('abort', () => {
    if (grace !== undefined) clearTimeout(grace);
  });

  return { actions, anchoring, endpoint, load };
}
