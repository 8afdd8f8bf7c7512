import { describe, expect, it } from 'vitest';
import {
  type AnnotatorEvent,
  type AnnotatorState,
  IDLE,
  type OverlayKind,
  step,
} from '../../../../entrypoints/content/annotate/annotator-machine';

const at = (view: OverlayKind, more: Partial<AnnotatorState> = {}): AnnotatorState => ({
  ...IDLE,
  view,
  ...more,
});
const kinds = (state: AnnotatorState, event: AnnotatorEvent) => step(state, event).effects.map((e) => e.type);

describe('annotator machine: selection → toolbar → editor → saved or cancelled', () => {
  it.each([
    [
      'a selection shows the toolbar and holds it',
      at('none'),
      { type: 'selectionEnded', selected: true },
      'toolbar',
      ['showToolbar'],
    ],
    [
      'no selection closes the toolbar',
      at('toolbar', { holding: true }),
      { type: 'selectionEnded', selected: false },
      'none',
      ['hide'],
    ],
    [
      'no selection leaves a card alone',
      at('card', { note: 'a' }),
      { type: 'selectionEnded', selected: false },
      'card',
      [],
    ],
    [
      'an open editor ignores selecting',
      at('editor'),
      { type: 'selectionEnded', selected: true },
      'editor',
      [],
    ],
    [
      'Annotate on the toolbar opens the editor on the held selection',
      at('toolbar', { holding: true }),
      { type: 'annotate' },
      'editor',
      ['openEditor'],
    ],
    ['Annotate with nothing held does nothing', at('none'), { type: 'annotate' }, 'none', []],
    [
      'a click elsewhere closes the toolbar',
      at('toolbar', { holding: true }),
      { type: 'pointerDown' },
      'none',
      ['hide'],
    ],
    ['Escape closes the editor', at('editor', { holding: true }), { type: 'escape' }, 'none', ['hide']],
    ['Escape with nothing open does nothing', at('none'), { type: 'escape' }, 'none', []],
    ['a cancel closes the editor', at('editor', { holding: true }), { type: 'dismiss' }, 'none', ['hide']],
  ] as const)('%s', (_label, state, event, view, effects) => {
    const next = step(state, event);
    expect(next.state.view).toBe(view);
    expect(next.effects.map((e) => e.type)).toEqual(effects);
  });

  it('saved forgets the selection and closes the editor', () => {
    const next = step(at('editor', { holding: true }), { type: 'saved' });
    expect(next.state).toEqual(IDLE);
    expect(next.effects.map((e) => e.type)).toEqual(['forgetSelection', 'hide']);
  });

  it('hiding keeps the held selection for the toolbar’s next use', () => {
    expect(step(at('toolbar', { holding: true }), { type: 'pointerDown' }).state.holding).toBe(true);
  });
});

describe('annotator machine: Alt+Shift+N, Alt+Shift+J', () => {
  it('on a selection: takes the key, remembers focus, opens the editor on it', () => {
    const next = step(at('card', { note: 'a' }), { type: 'annotateKey', selected: true });
    expect(next.state).toMatchObject({ view: 'editor', holding: true });
    expect(next.effects).toEqual([
      { type: 'takeKey' },
      { type: 'rememberFocus' },
      { type: 'openEditor', on: 'selection' },
    ]);
  });

  it.each([
    ['on a card: edits its note', at('card', { note: 'a' }), { type: 'openEditor', on: 'card' }],
    [
      'on the toolbar: the held selection',
      at('toolbar', { holding: true }),
      { type: 'openEditor', on: 'held' },
    ],
  ] as const)('%s', (_label, state, effect) => {
    expect(step(state, { type: 'annotateKey', selected: false }).effects).toEqual([
      { type: 'takeKey' },
      effect,
    ]);
  });

  it('with nothing to annotate, leaves the key to the page', () => {
    expect(kinds(at('none'), { type: 'annotateKey', selected: false })).toEqual([]);
  });

  it('editing from the card lets go of a held selection', () => {
    expect(step(at('card', { note: 'a', holding: true }), { type: 'editCard' }).state.holding).toBe(false);
  });

  it('Alt+Shift+J reveals the note after the current one, pinned', () => {
    expect(step(at('card', { note: 'a' }), { type: 'nextNoteKey' }).effects).toEqual([
      { type: 'takeKey' },
      { type: 'revealNext', after: 'a' },
    ]);
    const revealed = step(at('card', { note: 'a', pinned: true }), { type: 'reveal', note: 'b' });
    expect(revealed.state).toMatchObject({ view: 'card', note: 'b', pinned: true });
    expect(revealed.effects).toEqual([{ type: 'rememberFocus' }, { type: 'showCard', note: 'b', pin: true }]);
  });
});

describe('annotator machine: the note card on hover, caret and keyboard', () => {
  it('hover shows the card unpinned; the pointer leaving starts the grace time; coming back keeps it', () => {
    const shown = step(IDLE, { type: 'pointerAt', note: 'a' });
    expect(shown.state).toMatchObject({ view: 'card', note: 'a', pinned: false });
    expect(shown.effects).toEqual([{ type: 'showCard', note: 'a', pin: false }]);
    const leaving = step(shown.state, { type: 'pointerAt', note: null });
    expect(leaving.state.closing).toBe(true);
    expect(kinds(leaving.state, { type: 'pointerAt', note: null })).toEqual([]);
    const back = step(leaving.state, { type: 'cardPointer', inside: true });
    expect(back.state.closing).toBe(false);
    expect(back.effects).toEqual([{ type: 'stopGrace' }]);
  });

  it('the grace time over closes an unpinned card', () => {
    const closing = at('card', { note: 'a', closing: true });
    const next = step(closing, { type: 'graceOver' });
    expect(next.state).toEqual(IDLE);
    expect(next.effects).toEqual([{ type: 'hide' }]);
  });

  it('another highlight under the pointer switches the card, cancelling a pending close', () => {
    const next = step(at('card', { note: 'a', closing: true }), { type: 'pointerAt', note: 'b' });
    expect(next.state).toMatchObject({ note: 'b', closing: false });
    expect(next.effects).toEqual([{ type: 'stopGrace' }, { type: 'showCard', note: 'b', pin: false }]);
  });

  it('a pinned card ignores the pointer leaving and closes on a click elsewhere', () => {
    const pinned = at('card', { note: 'a', pinned: true });
    expect(kinds(pinned, { type: 'pointerAt', note: null })).toEqual([]);
    expect(kinds(pinned, { type: 'cardPointer', inside: false })).toEqual([]);
    expect(step(pinned, { type: 'pointerDown' }).effects).toEqual([{ type: 'hide' }]);
  });

  it('an unpinned card stays on a click elsewhere', () => {
    expect(kinds(at('card', { note: 'a' }), { type: 'pointerDown' })).toEqual([]);
  });

  it('the caret in another highlight shows its card; in the same or none, nothing', () => {
    expect(kinds(at('card', { note: 'a' }), { type: 'caretAt', note: 'b' })).toEqual(['showCard']);
    expect(kinds(at('card', { note: 'a' }), { type: 'caretAt', note: 'a' })).toEqual([]);
    expect(kinds(at('card', { note: 'a' }), { type: 'caretAt', note: null })).toEqual([]);
  });

  it.each(['editor', 'toolbar'] as const)('hover and caret do nothing while the %s shows', (view) => {
    expect(kinds(at(view), { type: 'pointerAt', note: 'a' })).toEqual([]);
    expect(kinds(at(view), { type: 'caretAt', note: 'a' })).toEqual([]);
  });

  it('hiding a closing card stops its grace time', () => {
    expect(kinds(at('card', { note: 'a', closing: true }), { type: 'escape' })).toEqual([
      'stopGrace',
      'hide',
    ]);
  });
});
