// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { PopoverContent } from '../../../../components/popover/card-model';
import type { Citation } from '../../../../data/citations/types';
import {
  createPopoverMachine,
  DEFAULT_TIMING,
  type PopoverEffect,
  type PopoverEvent,
  type PopoverRef,
} from '../../../../entrypoints/content/popover/popover-machine';

const { intentMs, loadingMs, graceMs } = DEFAULT_TIMING;

const ref = (key: number): PopoverRef => ({ key, citation: { ids: [`kst-34352-${key}`] } as Citation });
const A = ref(1);
const B = ref(2);

/** Effects as short strings: `startTimer:intent@150`, `render:tooltip`, `closed:focus`, … */
function brief(effects: PopoverEffect<PopoverRef>[]): string[] {
  return effects.map((effect) => {
    switch (effect.type) {
      case 'startTimer':
        return `startTimer:${effect.timer}@${effect.ms}`;
      case 'cancelTimer':
        return `cancelTimer:${effect.timer}`;
      case 'render':
        return `render:${effect.render.content.status}:${effect.render.dialog ? 'dialog' : 'tooltip'}${effect.render.focus ? ':focus' : ''}`;
      case 'closed':
        return `closed${effect.returnFocus ? ':returnFocus' : ''}`;
      case 'consume':
        return effect.stop ? 'consume:stop' : 'consume';
      default:
        return effect.type;
    }
  });
}

const over = (key: number | null, since = 0): PopoverEvent<PopoverRef> => ({
  type: 'pointerOver',
  touch: false,
  inSurface: false,
  key,
  target: key,
  since,
});
const out = (fromKey: number | null, toKey: number | null = null): PopoverEvent<PopoverRef> => ({
  type: 'pointerOut',
  touch: false,
  fromKey,
  toKey,
  fromSurface: false,
  toSurface: false,
  toOpen: false,
});
const ready = (token: number, of = A): PopoverEvent<PopoverRef> => ({
  type: 'resolved',
  token,
  content: { status: 'ready', citation: of.citation, card: {} } as PopoverContent,
});
const click = (of: PopoverRef, pointerType = 'mouse', link = false): PopoverEvent<PopoverRef> => ({
  type: 'click',
  ref: of,
  pointerType,
  keyboardClick: false,
  link,
});

/** A machine hovered open over A with its answer in (lookup token 1). */
function hoveredOpen() {
  const machine = createPopoverMachine<PopoverRef>();
  machine.dispatch(over(A.key, 42));
  machine.dispatch({ type: 'intentElapsed', ref: A });
  machine.dispatch(ready(1));
  return machine;
}

describe('popover machine: hover', () => {
  it('waits for the intent delay, looks the reference up, and renders the answer as a tooltip', () => {
    const machine = createPopoverMachine<PopoverRef>();
    expect(brief(machine.dispatch(over(A.key, 42)))).toEqual([`startTimer:intent@${intentMs}`]);
    expect(machine.state.open).toBeNull();
    expect(brief(machine.dispatch({ type: 'intentElapsed', ref: A }))).toEqual([
      'opened',
      `startTimer:loading@${loadingMs}`,
      'lookup',
    ]);
    const shown = machine.dispatch(ready(1));
    expect(brief(shown)).toEqual(['cancelTimer:loading', 'render:ready:tooltip']);
    // The first ready render carries the time the pointer entered (the paint measure), once.
    expect(shown[1]?.type === 'render' && shown[1].render.since).toBe(42);
    const again = machine.dispatch(over(A.key));
    expect(brief(again)).toEqual(['cancelTimer:grace']);
  });

  it('shows the loading state when the answer is slow, and ignores an answer for an earlier opening', () => {
    const machine = createPopoverMachine<PopoverRef>();
    machine.dispatch(over(A.key));
    machine.dispatch({ type: 'intentElapsed', ref: A });
    expect(brief(machine.dispatch({ type: 'loadingElapsed' }))).toEqual(['render:loading:tooltip']);
    machine.dispatch({ type: 'close', returnFocus: false });
    machine.dispatch(over(B.key));
    machine.dispatch({ type: 'intentElapsed', ref: B });
    expect(machine.dispatch(ready(1))).toEqual([]);
    expect(brief(machine.dispatch(ready(3, B)))).toEqual(['cancelTimer:loading', 'render:ready:tooltip']);
  });

  it('does not open when the pointer left before the intent delay or the reference left the page', () => {
    const machine = createPopoverMachine<PopoverRef>();
    machine.dispatch(over(A.key));
    expect(brief(machine.dispatch(out(A.key)))).toEqual(['cancelTimer:intent']);
    machine.dispatch(over(A.key));
    expect(machine.dispatch({ type: 'intentElapsed', ref: null })).toEqual([]);
    expect(machine.state.open).toBeNull();
  });

  it('closes after the grace delay once the pointer left reference and card', () => {
    const machine = hoveredOpen();
    expect(brief(machine.dispatch(out(A.key)))).toEqual(['cancelTimer:grace', `startTimer:grace@${graceMs}`]);
    expect(brief(machine.dispatch({ type: 'graceElapsed' }))).toEqual([
      'cancelTimer:grace',
      'cancelTimer:loading',
      'closed',
    ]);
    expect(machine.state.open).toBeNull();
  });

  it.each([
    ['into the card', { ...out(A.key), toSurface: true }],
    ['to another piece of the same reference', { ...out(A.key), toOpen: true }],
    ['within the reference', out(A.key, A.key)],
  ])('keeps the card when the pointer moves %s', (_name, event) => {
    const machine = hoveredOpen();
    expect(brief(machine.dispatch(event as PopoverEvent<PopoverRef>))).toEqual([]);
  });
});

describe('popover machine: pin, focus and close', () => {
  it('pins on click: a dialog that takes focus once, and that leaving with the pointer does not close', () => {
    const machine = createPopoverMachine<PopoverRef>();
    expect(brief(machine.dispatch(click(A)))).toEqual([
      'opened',
      'expanded',
      `startTimer:loading@${loadingMs}`,
      'lookup',
    ]);
    expect(brief(machine.dispatch(ready(1)))).toEqual(['cancelTimer:loading', 'render:ready:dialog:focus']);
    expect(machine.dispatch(out(A.key))).toEqual([]);
    expect(brief(machine.dispatch(click(A)))).toEqual([
      'expanded',
      'cancelTimer:grace',
      'render:ready:dialog:focus',
    ]);
  });

  it('pins a hovered card when the pointer goes down in it, and closes on a pointerdown elsewhere', () => {
    const machine = hoveredOpen();
    const inCard = {
      type: 'pointerDown',
      pointerType: 'mouse',
      time: 0,
      inSurface: true,
      onOpen: false,
    } as const;
    expect(brief(machine.dispatch(inCard))).toEqual(['expanded', 'cancelTimer:grace', 'render:ready:dialog']);
    expect(machine.state.open?.reasons.has('pin')).toBe(true);
    const outside = { ...inCard, inSurface: false };
    expect(brief(machine.dispatch(outside))).toEqual(['cancelTimer:grace', 'cancelTimer:loading', 'closed']);
  });

  it('opens on keyboard focus as a tooltip with the keyboard hint, not on focus that follows a pointerdown', () => {
    const machine = createPopoverMachine<PopoverRef>();
    machine.dispatch({
      type: 'pointerDown',
      pointerType: 'mouse',
      time: 5000,
      inSurface: false,
      onOpen: false,
    });
    expect(machine.dispatch({ type: 'focusIn', inSurface: false, ref: A, time: 5500 })).toEqual([]);
    machine.dispatch({ type: 'focusIn', inSurface: false, ref: A, time: 6000 });
    const shown = machine.dispatch(ready(1));
    expect(shown[1]?.type === 'render' && shown[1].render.keyboardHint).toBe(true);
    expect(brief(machine.dispatch({ type: 'focusOut', fromOurs: true, toOurs: false }))).toEqual([
      'cancelTimer:grace',
      'cancelTimer:loading',
      'closed',
    ]);
  });

  it('ArrowDown pins only the open reference; Enter pins any but a link', () => {
    const machine = createPopoverMachine<PopoverRef>();
    expect(machine.dispatch({ type: 'activate', key: 'ArrowDown', ref: A, isLink: false })).toEqual([]);
    expect(machine.dispatch({ type: 'activate', key: 'Enter', ref: A, isLink: true })).toEqual([]);
    expect(brief(machine.dispatch({ type: 'activate', key: 'Enter', ref: A, isLink: false }))[0]).toBe(
      'consume',
    );
    expect(machine.state.open?.keyboard).toBe(true);
  });

  it('Escape closes with focus back; a hovered reference stays closed until the pointer leaves it', () => {
    const machine = hoveredOpen();
    expect(brief(machine.dispatch({ type: 'escape', focusInside: true }))).toEqual([
      'cancelTimer:grace',
      'cancelTimer:loading',
      'closed:returnFocus',
      'consume:stop',
    ]);
    expect(machine.dispatch(over(A.key))).toEqual([]);
    machine.dispatch(out(A.key));
    expect(brief(machine.dispatch(over(A.key)))).toEqual([`startTimer:intent@${intentMs}`]);
    expect(machine.dispatch({ type: 'escape', focusInside: true })).toEqual([]);
  });

  it('a first tap on a linked reference opens it instead of following; the second tap follows', () => {
    const machine = createPopoverMachine<PopoverRef>();
    expect(brief(machine.dispatch(click(A, 'touch', true))).slice(0, 2)).toEqual(['consume', 'opened']);
    expect(machine.state.open?.tapped).toBe(true);
    expect(brief(machine.dispatch(click(A, 'touch', true)))).toEqual([
      'cancelTimer:grace',
      'cancelTimer:loading',
      'closed',
    ]);
  });

  it('takes the pointer type of the last pointerdown when the click has none', () => {
    const machine = createPopoverMachine<PopoverRef>();
    machine.dispatch({ type: 'pointerDown', pointerType: 'touch', time: 0, inSurface: false, onOpen: false });
    expect(brief(machine.dispatch(click(A, '', true)))[0]).toBe('consume');
  });

  it('stops: cancels the intent and closes', () => {
    const machine = hoveredOpen();
    machine.dispatch(over(B.key));
    expect(brief(machine.dispatch({ type: 'stop' }))).toEqual([
      'cancelTimer:intent',
      'cancelTimer:grace',
      'cancelTimer:loading',
      'closed',
    ]);
    expect(machine.state).toEqual({ open: null, intent: null });
  });
});
