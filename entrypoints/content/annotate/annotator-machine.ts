/**
 * The annotator's decisions, without a DOM: which piece of the overlay shows (the toolbar over a
 * selection, the editor, a note's card), when the card closes, and what the reader's keys and
 * pointer do. `step` takes the state and one event and gives the next state and the effects the
 * DOM wiring (annotator.ts) carries out; a card that cannot be shown, or a UI still loading, is the
 * wiring's to handle, so `view` is read back from the overlay before each step.
 *
 * selection → toolbar → editor → saved or cancelled (the overlay hides); hover or caret on a
 * highlight → its card, closing after a grace time once the pointer has left both the highlight and
 * the card (WCAG 1.4.13); keyboard or the side panel → the card pinned (only Escape, a click
 * elsewhere or another action closes it).
 */

/** Time the pointer may leave a highlight or card before the card closes. */
export const HOVER_GRACE_MS = 300;

/** What the overlay shows. */
export type OverlayKind = 'none' | 'toolbar' | 'editor' | 'card';

/** The annotator's state. */
export interface AnnotatorState {
  view: OverlayKind;
  /** The note whose card shows (null: none). */
  note: string | null;
  /** A pinned card stays until Escape, a click elsewhere or another action. */
  pinned: boolean;
  /** The grace time before the card closes is running. */
  closing: boolean;
  /** A selection is held for the toolbar's Annotate button. */
  holding: boolean;
}

/** Nothing shown, nothing held. */
export const IDLE: AnnotatorState = {
  view: 'none',
  note: null,
  pinned: false,
  closing: false,
  holding: false,
};

/** What happens; events from the page are the reader's own (trusted) and outside our UI. */
export type AnnotatorEvent =
  /** A pointer or Shift key was released: `selected` when a selection worth annotating is there. */
  | { type: 'selectionEnded'; selected: boolean }
  | { type: 'pointerDown' }
  /** Alt+Shift+N; `selected` when the page has a selection worth annotating. */
  | { type: 'annotateKey'; selected: boolean }
  /** Alt+Shift+J. */
  | { type: 'nextNoteKey' }
  | { type: 'escape' }
  /** The highlight under the pointer (null: none), once per frame. */
  | { type: 'pointerAt'; note: string | null }
  /** The highlight holding a collapsed selection's caret (null: none). */
  | { type: 'caretAt'; note: string | null }
  /** The pointer entered or left the card. */
  | { type: 'cardPointer'; inside: boolean }
  | { type: 'graceOver' }
  /** The toolbar's Annotate button. */
  | { type: 'annotate' }
  /** Edit in the card. */
  | { type: 'editCard' }
  /** The background stored the editor's note. */
  | { type: 'saved' }
  /** Cancel or close. */
  | { type: 'dismiss' }
  /** Show a note's card pinned (the next note, or the side panel's reveal). */
  | { type: 'reveal'; note: string };

/** What the wiring does. */
export type AnnotatorEffect =
  | { type: 'showToolbar' }
  /** Open the editor on the fresh selection, the held one, or the card's note. */
  | { type: 'openEditor'; on: 'selection' | 'held' | 'card' }
  | { type: 'showCard'; note: string; pin: boolean }
  | { type: 'startGrace' }
  | { type: 'stopGrace' }
  /** Hide the overlay, unmark the active highlight, give focus back. */
  | { type: 'hide' }
  | { type: 'forgetSelection' }
  /** Find the note after `note` and reveal it. */
  | { type: 'revealNext'; after: string | null }
  /** The key was ours: the page does not get it. */
  | { type: 'takeKey' }
  /** Remember where focus is, to give it back on hide. */
  | { type: 'rememberFocus' };

/** The next state and what to do. */
interface Step {
  state: AnnotatorState;
  effects: AnnotatorEffect[];
}

const hidden = (state: AnnotatorState, effects: AnnotatorEffect[] = []): Step => ({
  state: { ...state, view: 'none', note: null, pinned: false, closing: false },
  effects: [...effects, ...(state.closing ? [{ type: 'stopGrace' } as const] : []), { type: 'hide' }],
});

const same = (state: AnnotatorState): Step => ({ state, effects: [] });

/** Show `note`'s card (`pin`: reached by keyboard or from the panel). */
function showCard(state: AnnotatorState, note: string, pin: boolean): Step {
  const effects: AnnotatorEffect[] = [];
  if (state.closing) effects.push({ type: 'stopGrace' });
  if (pin && !state.pinned) effects.push({ type: 'rememberFocus' });
  effects.push({ type: 'showCard', note, pin });
  return { state: { ...state, view: 'card', note, pinned: state.pinned || pin, closing: false }, effects };
}

/** The pointer is back on the card or highlight: a pending close is cancelled. */
const keep = (state: AnnotatorState): Step =>
  state.closing ? { state: { ...state, closing: false }, effects: [{ type: 'stopGrace' }] } : same(state);

/** Close after the grace time, unless pinned, not a card, or already closing. */
const hideSoon = (state: AnnotatorState): Step =>
  state.pinned || state.view !== 'card' || state.closing
    ? same(state)
    : { state: { ...state, closing: true }, effects: [{ type: 'startGrace' }] };

const editor = (
  state: AnnotatorState,
  on: 'selection' | 'held' | 'card',
  effects: AnnotatorEffect[],
): Step => ({
  state: { ...state, view: 'editor', holding: on !== 'card' },
  effects: [...effects, { type: 'openEditor', on }],
});

/** One step. */
export function step(state: AnnotatorState, event: AnnotatorEvent): Step {
  switch (event.type) {
    case 'selectionEnded':
      if (state.view === 'editor') return same(state);
      if (event.selected)
        return { state: { ...state, view: 'toolbar', holding: true }, effects: [{ type: 'showToolbar' }] };
      return state.view === 'toolbar' ? hidden(state) : same(state);
    case 'pointerDown':
      return state.view === 'toolbar' || (state.view === 'card' && state.pinned)
        ? hidden(state)
        : same(state);
    case 'annotateKey':
      if (event.selected) return editor(state, 'selection', [{ type: 'takeKey' }, { type: 'rememberFocus' }]);
      if (state.view === 'card') return editor(state, 'card', [{ type: 'takeKey' }]);
      if (state.view === 'toolbar' && state.holding) return editor(state, 'held', [{ type: 'takeKey' }]);
      return same(state);
    case 'nextNoteKey':
      return { state, effects: [{ type: 'takeKey' }, { type: 'revealNext', after: state.note }] };
    case 'escape':
      return state.view === 'none' ? same(state) : hidden(state);
    case 'pointerAt':
      if (state.view === 'editor' || state.view === 'toolbar') return same(state);
      if (event.note === null) return hideSoon(state);
      return event.note === state.note ? keep(state) : showCard(state, event.note, false);
    case 'caretAt':
      if (state.view === 'editor' || state.view === 'toolbar') return same(state);
      return event.note !== null && event.note !== state.note
        ? showCard(state, event.note, false)
        : same(state);
    case 'cardPointer':
      return event.inside ? keep(state) : hideSoon(state);
    case 'graceOver': {
      const settled = { ...state, closing: false };
      return state.view === 'card' && !state.pinned ? hidden(settled) : same(settled);
    }
    case 'annotate':
      return state.holding ? editor(state, 'held', []) : same(state);
    case 'editCard':
      return state.view === 'card' ? editor(state, 'card', []) : same(state);
    case 'saved':
      return hidden({ ...state, holding: false }, [{ type: 'forgetSelection' }]);
    case 'dismiss':
      return hidden(state);
    case 'reveal':
      return showCard({ ...state, note: null, pinned: false }, event.note, true);
  }
}
