// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { PopoverContent } from '../../../../components/popover/card-model';
import type { Citation } from '../../../../data/citations/types';
import {
  createPopoverMachine,
  DEFAULT_TIMING,
  type PopoverEffects,
  type PopoverRef,
  type PopoverRender,
} from '../../../../entrypoints/content/popover/popover-machine';

const { intentMs, loadingMs, graceMs } = DEFAULT_TIMING;

const ref = (key: number): PopoverRef => ({ key, citation: { ids: [`kst-34352-${key}`] } as Citation });
const A = ref(1);
const B = ref(2);

/** A machine whose effects are written down as short strings: `startTimer:intent@150`, `render:ready:tooltip`, … */
function recorded() {
  let log: string[] = [];
  const renders: PopoverRender<PopoverRef>[] = [];
  const effects: PopoverEffects<PopoverRef> = {
    startTimer: (timer, ms) => log.push(`startTimer:${timer}@${ms}`),
    cancelTimer: (timer) => log.push(`cancelTimer:${timer}`),
    opened: () => log.push('opened'),
    expanded: () => log.push('expanded'),
    lookup: (_ref, token) => log.push(`lookup:${token}`),
    render: (render) => {
      renders.push(render);
      log.push(
        `render:${render.content.status}:${render.dialog ? 'dialog' : 'tooltip'}${render.focus ? ':focus' : ''}`,
      );
    },
    closed: (_ref, returnFocus) => log.push(returnFocus ? 'closed:returnFocus' : 'closed'),
  };
  const machine = createPopoverMachine(effects);
  return {
    machine,
    renders,
    /** The effects of what `act` did. */
    effects(act: () => unknown): string[] {
      log = [];
      act();
      return log;
    },
  };
}

const ready = (of: PopoverRef): PopoverContent =>
  ({ status: 'ready', citation: of.citation, card: {} }) as PopoverContent;

/** A machine hovered open over A with its answer in (lookup token 1). */
function hoveredOpen() {
  const run = recorded();
  run.machine.pointerOver(A.key, false, A, 42);
  run.machine.elapsed('intent', A);
  run.machine.resolved(1, ready(A));
  return run;
}

describe('popover machine: hover', () => {
  it('waits for the intent delay, looks the reference up, and renders the answer as a tooltip', () => {
    const { machine, effects, renders } = recorded();
    expect(effects(() => machine.pointerOver(A.key, false, A, 42))).toEqual([
      `startTimer:intent@${intentMs}`,
    ]);
    expect(machine.open).toBeNull();
    expect(machine.intent).toEqual({ key: A.key, since: 42, target: A });
    expect(effects(() => machine.elapsed('intent', A))).toEqual([
      'opened',
      `startTimer:loading@${loadingMs}`,
      'lookup:1',
    ]);
    expect(effects(() => machine.resolved(1, ready(A)))).toEqual([
      'cancelTimer:loading',
      'render:ready:tooltip',
    ]);
    // The first ready render carries the time the pointer entered (the paint measure), once.
    expect(renders.map((r) => r.since)).toEqual([42]);
    expect(effects(() => machine.pointerOver(A.key, false, A, 50))).toEqual(['cancelTimer:grace']);
  });

  it('shows the loading state when the answer is slow, and ignores an answer for an earlier opening', () => {
    const { machine, effects } = recorded();
    machine.pointerOver(A.key, false, A, 0);
    machine.elapsed('intent', A);
    expect(effects(() => machine.elapsed('loading'))).toEqual(['render:loading:tooltip']);
    machine.close(false);
    machine.pointerOver(B.key, false, B, 0);
    machine.elapsed('intent', B);
    expect(effects(() => machine.resolved(1, ready(A)))).toEqual([]);
    expect(effects(() => machine.resolved(3, ready(B)))).toEqual([
      'cancelTimer:loading',
      'render:ready:tooltip',
    ]);
  });

  it('does not open when the pointer left before the intent delay or the reference left the page', () => {
    const { machine, effects } = recorded();
    machine.pointerOver(A.key, false, A, 0);
    expect(effects(() => machine.pointerOut(A.key, null, false, false, false))).toEqual([
      'cancelTimer:intent',
    ]);
    machine.pointerOver(A.key, false, A, 0);
    expect(effects(() => machine.elapsed('intent', null))).toEqual([]);
    expect(machine.open).toBeNull();
  });

  it('closes after the grace delay once the pointer left reference and card', () => {
    const { machine, effects } = hoveredOpen();
    expect(effects(() => machine.pointerOut(A.key, null, false, false, false))).toEqual([
      'cancelTimer:grace',
      `startTimer:grace@${graceMs}`,
    ]);
    expect(effects(() => machine.elapsed('grace'))).toEqual([
      'cancelTimer:grace',
      'cancelTimer:loading',
      'closed',
    ]);
    expect(machine.open).toBeNull();
  });

  it.each([
    ['into the card', [A.key, null, false, true, false]],
    ['to another piece of the same reference', [A.key, null, false, false, true]],
    ['within the reference', [A.key, A.key, false, false, false]],
  ] as const)(
    'keeps the card when the pointer moves %s',
    (_name, [from, to, fromSurface, toSurface, toOpen]) => {
      const { machine, effects } = hoveredOpen();
      expect(effects(() => machine.pointerOut(from, to, fromSurface, toSurface, toOpen))).toEqual([]);
    },
  );
});

describe('popover machine: pin, focus and close', () => {
  it('pins on click: a dialog that takes focus once, and that leaving with the pointer does not close', () => {
    const { machine, effects } = recorded();
    expect(effects(() => machine.click(A, 'mouse', false, false))).toEqual([
      'opened',
      'expanded',
      `startTimer:loading@${loadingMs}`,
      'lookup:1',
    ]);
    expect(effects(() => machine.resolved(1, ready(A)))).toEqual([
      'cancelTimer:loading',
      'render:ready:dialog:focus',
    ]);
    expect(effects(() => machine.pointerOut(A.key, null, false, false, false))).toEqual([]);
    expect(effects(() => machine.click(A, 'mouse', false, false))).toEqual([
      'expanded',
      'cancelTimer:grace',
      'render:ready:dialog:focus',
    ]);
  });

  it('pins a hovered card when the pointer goes down in it, and closes on a pointerdown elsewhere', () => {
    const { machine, effects } = hoveredOpen();
    expect(effects(() => machine.pointerDown('mouse', 0, true, false))).toEqual([
      'expanded',
      'cancelTimer:grace',
      'render:ready:dialog',
    ]);
    expect(machine.open?.reasons.has('pin')).toBe(true);
    expect(effects(() => machine.pointerDown('mouse', 0, false, true))).toEqual([]);
    expect(effects(() => machine.pointerDown('mouse', 0, false, false))).toEqual([
      'cancelTimer:grace',
      'cancelTimer:loading',
      'closed',
    ]);
  });

  it('opens on keyboard focus as a tooltip with the keyboard hint, not on focus that follows a pointerdown', () => {
    const { machine, effects, renders } = recorded();
    machine.pointerDown('mouse', 5000, false, false);
    expect(effects(() => machine.focusIn(A, false, 5500))).toEqual([]);
    machine.focusIn(A, false, 6000);
    machine.resolved(1, ready(A));
    expect(renders.at(-1)?.keyboardHint).toBe(true);
    expect(effects(() => machine.focusOut(true, true))).toEqual([]);
    expect(effects(() => machine.focusOut(true, false))).toEqual([
      'cancelTimer:grace',
      'cancelTimer:loading',
      'closed',
    ]);
  });

  it('ArrowDown pins only the open reference; Enter pins any but a link', () => {
    const { machine } = recorded();
    expect(machine.activate(A, 'ArrowDown', false)).toBe(false);
    expect(machine.activate(A, 'Enter', true)).toBe(false);
    expect(machine.open).toBeNull();
    expect(machine.activate(A, 'Enter', false)).toBe(true);
    expect(machine.open?.keyboard).toBe(true);
    expect(machine.activate(A, 'ArrowDown', false)).toBe(true);
  });

  it('Escape closes with focus back; a hovered reference stays closed until the pointer leaves it', () => {
    const { machine, effects } = hoveredOpen();
    let taken = false;
    expect(effects(() => (taken = machine.escape(true)))).toEqual([
      'cancelTimer:grace',
      'cancelTimer:loading',
      'closed:returnFocus',
    ]);
    expect(taken).toBe(true);
    expect(effects(() => machine.pointerOver(A.key, false, A, 0))).toEqual([]);
    machine.pointerOut(A.key, null, false, false, false);
    expect(effects(() => machine.pointerOver(A.key, false, A, 0))).toEqual([`startTimer:intent@${intentMs}`]);
    expect(machine.escape(true)).toBe(false);
  });

  it('a first tap on a linked reference opens it instead of following; the second tap follows', () => {
    const { machine, effects } = recorded();
    expect(machine.click(A, 'touch', false, true)).toBe(true);
    expect(machine.open?.tapped).toBe(true);
    let taken = true;
    expect(effects(() => (taken = machine.click(A, 'touch', false, true)))).toEqual([
      'cancelTimer:grace',
      'cancelTimer:loading',
      'closed',
    ]);
    expect(taken).toBe(false);
  });

  it('takes the pointer type of the last pointerdown when the click has none', () => {
    const { machine } = recorded();
    machine.pointerDown('touch', 0, false, false);
    expect(machine.click(A, '', false, true)).toBe(true);
  });

  it('stops: cancels the intent and closes', () => {
    const { machine, effects } = hoveredOpen();
    machine.pointerOver(B.key, false, B, 0);
    expect(effects(() => machine.stop())).toEqual([
      'cancelTimer:intent',
      'cancelTimer:grace',
      'cancelTimer:loading',
      'closed',
    ]);
    expect([machine.open, machine.intent]).toEqual([null, null]);
  });
});
