/**
 * When the popover opens, what it shows and when it closes, without the DOM: events come in as
 * method calls with what the wiring (popover-controller.ts) read from the page, and the machine
 * answers through the effects it was made with, which the wiring carries out. The delays (hover
 * intent, loading state, close grace) are timers the wiring starts and reports back as events; the
 * clock comes in with the events, so the same events give the same effects on every run.
 */
import type { PopoverContent } from '../../../components/popover/card-model';
import type { Citation } from '../../../data/citations/types';

/** Delays in milliseconds (Wikipedia Page Previews' feel: 150 ms intent, card by ~500 ms, 300 ms grace). */
export interface PopoverTiming {
  /** Pointer dwell on a reference before the lookup is sent. */
  intentMs: number;
  /** After the lookup is sent, show a quiet loading state if no answer came yet. */
  loadingMs: number;
  /** After the pointer leaves reference and popover, wait this long before closing. */
  graceMs: number;
}

export const DEFAULT_TIMING: PopoverTiming = { intentMs: 150, loadingMs: 350, graceMs: 300 };

/** A pointerdown this recent means the focus that follows came from the pointer, not the keyboard. */
const POINTER_FOCUS_WINDOW_MS = 1000;

/** What the machine needs of a reference: the scanner's group number and its citation. */
export interface PopoverRef {
  key: number;
  citation: Citation;
}

/** Why the popover is open; it closes when no reason is left. A pin outlasts hover and focus. */
export type Reason = 'hover' | 'focus' | 'pin';

/** The popover's timers. */
export type PopoverTimer = 'intent' | 'loading' | 'grace';

/** The open popover. */
export interface OpenPopover<R extends PopoverRef> {
  ref: R;
  reasons: Set<Reason>;
  content: PopoverContent | null;
  /** Opened from the keyboard: the tooltip tells how to reach the actions. */
  keyboard: boolean;
  /** Opened by a tap: a second tap on a link follows it. */
  tapped: boolean;
  /** Move focus into the dialog at the next render. */
  focusPending: boolean;
  /** Timestamp of the pointer entering the reference, until the card's first paint is measured. */
  enteredAt: number | null;
  /** Which lookup answer belongs to this opening. */
  token: number;
}

/** What the wiring shows: the open reference, its content and how. */
export interface PopoverRender<R extends PopoverRef> {
  ref: R;
  content: PopoverContent;
  dialog: boolean;
  /** Move focus into the dialog once it is on screen. */
  focus: boolean;
  keyboardHint: boolean;
  /** When the pointer entered the reference, for the first paint of a ready card (else null). */
  since: number | null;
}

/** What the machine asks of the wiring, in the order it asks. */
export interface PopoverEffects<R extends PopoverRef> {
  /** Start (or restart) a timer; when it runs out, call the machine's `elapsed(timer)`. */
  startTimer(timer: PopoverTimer, ms: number): void;
  cancelTimer(timer: PopoverTimer): void;
  /** The popover opened for `ref`: point its ARIA at the popover. */
  opened(ref: R): void;
  /** The open popover became a dialog (`aria-expanded`). */
  expanded(): void;
  /** Look the reference up; hand the answer to `resolved(token, …)`. */
  lookup(ref: R, token: number): void;
  render(render: PopoverRender<R>): void;
  /** The popover closed: restore the ARIA, hide it, and put focus back on the reference when asked. */
  closed(ref: R, returnFocus: boolean, pinned: boolean): void;
}

/**
 * The events. `key` is a reference's group (null: none); `inSurface`, that the event's node is in
 * the popover; `time`, `performance.now()`. Those that return a boolean answer whether the wiring
 * takes the event from the page (`preventDefault`).
 */
export interface PopoverMachine<R extends PopoverRef> {
  /** The open popover, or null. */
  readonly open: OpenPopover<R> | null;
  /** The reference the pointer rests on before the intent delay ran out (`target`: the event's). */
  readonly intent: { key: number; since: number; target: unknown } | null;
  pointerOver(key: number | null, inSurface: boolean, target: unknown, since: number): void;
  /** The pointer left `fromKey` or the popover (`fromSurface`) for `toKey`, the popover, or a node of the open reference (`toOpen`). */
  pointerOut(
    fromKey: number | null,
    toKey: number | null,
    fromSurface: boolean,
    toSurface: boolean,
    toOpen: boolean,
  ): void;
  /** `onOpen`: the pointer went down on the open reference. */
  pointerDown(pointerType: string, time: number, inSurface: boolean, onOpen: boolean): void;
  /** A click on a reference outside the popover; `pointerType` is empty when the event has none. */
  click(ref: R, pointerType: string, keyboardClick: boolean, link: boolean): boolean;
  /** Focus came to a reference (`ref`), the popover, or elsewhere. */
  focusIn(ref: R | null, inSurface: boolean, time: number): void;
  /** Focus left something; `fromOurs`/`toOurs`: the popover or the open reference. */
  focusOut(fromOurs: boolean, toOurs: boolean): void;
  /** Escape; `focusInside`: focus is in the popover or on the open reference. Also stops propagation. */
  escape(focusInside: boolean): boolean;
  /** Enter or ArrowDown on a reference's focus target. */
  activate(ref: R, key: 'Enter' | 'ArrowDown', isLink: boolean): boolean;
  /** A timer ran out; for `intent`, `ref` is the reference still under the pointer's target, if on the page. */
  elapsed(timer: PopoverTimer, ref?: R | null): void;
  /** The lookup answered. */
  resolved(token: number, content: PopoverContent): void;
  /** Opens for a reference directly (the side panel's "reveal"). */
  show(ref: R, how: 'focus' | 'pin'): void;
  close(returnFocus: boolean): void;
  /** Everything stops (the signal aborted). */
  stop(): void;
}

/** Creates the machine, closed. */
export function createPopoverMachine<R extends PopoverRef>(
  effects: PopoverEffects<R>,
  timing: PopoverTiming = DEFAULT_TIMING,
): PopoverMachine<R> {
  let current: OpenPopover<R> | null = null;
  let intent: { key: number; since: number; target: unknown } | null = null;
  /** A reference dismissed with Escape while hovered stays closed until the pointer leaves it. */
  let dismissedKey: number | null = null;
  let lastPointer = { type: '', time: Number.NEGATIVE_INFINITY };
  let token = 0;

  const cancelIntent = () => {
    if (intent) effects.cancelTimer('intent');
    intent = null;
  };
  const cancelGrace = () => effects.cancelTimer('grace');

  const render = () => {
    if (!current?.content) return;
    const dialog = current.reasons.has('pin');
    const focus = dialog && current.focusPending;
    current.focusPending = false;
    const since = current.content.status === 'ready' ? current.enteredAt : null;
    if (since !== null) current.enteredAt = null;
    effects.render({
      ref: current.ref,
      content: current.content,
      dialog,
      focus,
      keyboardHint: current.keyboard && !dialog,
      since,
    });
  };

  const close = (returnFocus: boolean) => {
    if (!current) return;
    const closing = current;
    current = null;
    token += 1;
    cancelGrace();
    effects.cancelTimer('loading');
    effects.closed(closing.ref, returnFocus, closing.reasons.has('pin'));
  };

  const pin = (target: OpenPopover<R>, tapped: boolean) => {
    target.reasons.add('pin');
    target.tapped ||= tapped;
    target.focusPending = true;
    effects.expanded();
    cancelGrace();
    render();
  };

  const open = (
    ref: R,
    reason: Reason,
    opts: { keyboard?: boolean; tapped?: boolean; since?: number } = {},
  ) => {
    if (current?.ref.key === ref.key) {
      current.reasons.add(reason);
      if (reason === 'pin') pin(current, opts.tapped ?? false);
      else render();
      return;
    }
    close(false);
    cancelIntent();
    dismissedKey = null;
    token += 1;
    current = {
      ref,
      reasons: new Set([reason]),
      content: null,
      keyboard: opts.keyboard ?? false,
      tapped: opts.tapped ?? false,
      focusPending: reason === 'pin',
      enteredAt: opts.since ?? null,
      token,
    };
    effects.opened(ref);
    if (reason === 'pin') effects.expanded();
    effects.startTimer('loading', timing.loadingMs);
    effects.lookup(ref, token);
  };

  return {
    get open() {
      return current;
    },
    get intent() {
      return intent;
    },

    pointerOver(key, inSurface, target, since) {
      if (inSurface) return cancelGrace();
      if (key === null) return;
      if (current?.ref.key === key) {
        cancelGrace();
        current.reasons.add('hover');
        return;
      }
      if (dismissedKey === key || current?.reasons.has('pin') || intent?.key === key) return;
      cancelIntent();
      intent = { key, since, target };
      effects.startTimer('intent', timing.intentMs);
    },

    pointerOut(fromKey, toKey, fromSurface, toSurface, toOpen) {
      if (fromKey !== null) {
        if (toKey === fromKey) return;
        if (dismissedKey === fromKey) dismissedKey = null;
        if (intent?.key === fromKey) cancelIntent();
      }
      if (!current || current.reasons.has('pin')) return;
      const leavingOurs = fromSurface || fromKey === current.ref.key;
      if (!leavingOurs || toSurface || toOpen) return;
      cancelGrace();
      effects.startTimer('grace', timing.graceMs);
    },

    pointerDown(pointerType, time, inSurface, onOpen) {
      lastPointer = { type: pointerType, time };
      if (!current) return;
      if (inSurface) {
        // Using the card with the pointer makes it interactive: it stays until dismissed.
        if (!current.reasons.has('pin')) {
          current.reasons.add('pin');
          effects.expanded();
          cancelGrace();
          render();
        }
        return;
      }
      if (!onOpen) close(false);
    },

    click(ref, pointerType, keyboardClick, link) {
      if ((pointerType || lastPointer.type) === 'touch' && !keyboardClick) {
        if (current?.ref.key === ref.key && current.tapped) {
          if (link) close(false); // second tap: the link does what links do
          return false;
        }
        open(ref, 'pin', { tapped: true });
        return link; // first tap only opens
      }
      if (keyboardClick || link) return false; // Enter on a link, or a click on a link: follow it
      open(ref, 'pin');
      return false;
    },

    focusIn(ref, inSurface, time) {
      if (inSurface) return cancelGrace();
      if (!ref) return;
      // Focus that follows a click or tap is handled by the click; only keyboard focus opens here.
      if (time - lastPointer.time < POINTER_FOCUS_WINDOW_MS) return;
      if (current?.ref.key === ref.key) {
        current.reasons.add('focus');
        return;
      }
      open(ref, 'focus', { keyboard: true });
    },

    focusOut(fromOurs, toOurs) {
      if (!current || !fromOurs || toOurs) return;
      // A pinned dialog is non-modal: focus may wander; it stays until Escape, close or an outside click.
      if (current.reasons.has('pin')) return;
      current.reasons.delete('focus');
      if (current.reasons.size === 0) close(false);
    },

    escape(focusInside) {
      if (!current) return false;
      if (current.reasons.has('hover')) dismissedKey = current.ref.key;
      close(true);
      return focusInside;
    },

    activate(ref, key, isLink) {
      if (key === 'Enter' && isLink) return false; // Enter on a link follows it
      if (key === 'ArrowDown' && current?.ref.key !== ref.key) return false;
      open(ref, 'pin', { keyboard: true });
      return true;
    },

    elapsed(timer, ref) {
      if (timer === 'intent') {
        const since = intent?.since;
        intent = null;
        if (ref) open(ref, 'hover', { since });
      } else if (timer === 'grace') {
        if (!current) return;
        current.reasons.delete('hover');
        if (current.reasons.size === 0) close(false);
      } else if (current && !current.content) {
        current.content = { status: 'loading', citation: current.ref.citation };
        render();
      }
    },

    resolved(answered, content) {
      if (!current || current.token !== answered) return;
      effects.cancelTimer('loading');
      current.content = content;
      render();
    },

    show: (ref, how) => open(ref, how, { keyboard: how === 'focus' }),
    close,
    stop() {
      cancelIntent();
      close(false);
    },
  };
}
