/**
 * When the popover opens, what it shows and when it closes, without the DOM: events come in with
 * what the wiring (popover-controller.ts) read from the page, and the machine answers with effects
 * for the wiring to carry out in order. The delays (hover intent, loading state, close grace) are
 * timers the wiring starts and reports back as events; the clock comes in with the events, so the
 * transitions are the same on every run.
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

/** What the wiring reports; `*Surface` means the node is in the popover, `Key` a reference's group. */
export type PopoverEvent<R extends PopoverRef> =
  | {
      type: 'pointerOver';
      touch: boolean;
      inSurface: boolean;
      key: number | null;
      target: unknown;
      since: number;
    }
  | {
      type: 'pointerOut';
      touch: boolean;
      fromKey: number | null;
      toKey: number | null;
      fromSurface: boolean;
      toSurface: boolean;
      /** The pointer went to the open reference (a piece or its focus target). */
      toOpen: boolean;
    }
  | { type: 'pointerDown'; pointerType: string; time: number; inSurface: boolean; onOpen: boolean }
  /** A click on a reference (not in the popover); `pointerType` is empty when the event has none. */
  | { type: 'click'; ref: R; pointerType: string; keyboardClick: boolean; link: boolean }
  | { type: 'focusIn'; inSurface: boolean; ref: R | null; time: number }
  /** Focus left something; `fromOurs`/`toOurs`: the popover or the open reference. */
  | { type: 'focusOut'; fromOurs: boolean; toOurs: boolean }
  /** Escape; `focusInside`: focus is in the popover or on the open reference. */
  | { type: 'escape'; focusInside: boolean }
  /** Enter or ArrowDown on a reference's focus target. */
  | { type: 'activate'; key: 'Enter' | 'ArrowDown'; ref: R; isLink: boolean }
  /** The intent timer ran out; `ref`: the reference still under the pointer's target, if on the page. */
  | { type: 'intentElapsed'; ref: R | null }
  | { type: 'loadingElapsed' }
  | { type: 'graceElapsed' }
  | { type: 'resolved'; token: number; content: PopoverContent }
  | { type: 'open'; ref: R; how: 'focus' | 'pin' }
  | { type: 'close'; returnFocus: boolean }
  /** The signal aborted: everything stops. */
  | { type: 'stop' };

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

/** What the wiring does, in order. */
export type PopoverEffect<R extends PopoverRef> =
  | { type: 'startTimer'; timer: PopoverTimer; ms: number }
  | { type: 'cancelTimer'; timer: PopoverTimer }
  /** The popover opened for `ref`: point its ARIA at the popover. */
  | { type: 'opened'; ref: R }
  /** The open popover became a dialog (`aria-expanded`). */
  | { type: 'expanded' }
  | { type: 'lookup'; ref: R; token: number }
  | { type: 'render'; render: PopoverRender<R> }
  /** The popover closed: restore the ARIA, hide it, and put focus back on the reference when asked. */
  | { type: 'closed'; ref: R; returnFocus: boolean; pinned: boolean }
  /** Take the event from the page: `preventDefault`, and `stopPropagation` when `stop`. */
  | { type: 'consume'; stop: boolean };

/** The machine's state, read by the wiring. */
export interface PopoverState<R extends PopoverRef> {
  readonly open: OpenPopover<R> | null;
  readonly intent: { key: number; since: number; target: unknown } | null;
}

/** A popover state machine: `dispatch` applies an event and returns the effects to carry out. */
export interface PopoverMachine<R extends PopoverRef> {
  readonly state: PopoverState<R>;
  dispatch(event: PopoverEvent<R>): PopoverEffect<R>[];
}

/** Creates the machine, closed. */
export function createPopoverMachine<R extends PopoverRef>(
  timing: PopoverTiming = DEFAULT_TIMING,
): PopoverMachine<R> {
  let current: OpenPopover<R> | null = null;
  let intent: { key: number; since: number; target: unknown } | null = null;
  /** A reference dismissed with Escape while hovered stays closed until the pointer leaves it. */
  let dismissedKey: number | null = null;
  let lastPointer = { type: '', time: Number.NEGATIVE_INFINITY };
  let token = 0;
  let effects: PopoverEffect<R>[] = [];

  const cancelIntent = () => {
    if (intent) effects.push({ type: 'cancelTimer', timer: 'intent' });
    intent = null;
  };
  const cancelGrace = (): void => {
    effects.push({ type: 'cancelTimer', timer: 'grace' });
  };

  const render = () => {
    if (!current?.content) return;
    const dialog = current.reasons.has('pin');
    const focus = dialog && current.focusPending;
    current.focusPending = false;
    const since = current.content.status === 'ready' ? current.enteredAt : null;
    if (since !== null) current.enteredAt = null;
    effects.push({
      type: 'render',
      render: {
        ref: current.ref,
        content: current.content,
        dialog,
        focus,
        keyboardHint: current.keyboard && !dialog,
        since,
      },
    });
  };

  const close = (returnFocus: boolean) => {
    if (!current) return;
    const closing = current;
    current = null;
    token += 1;
    cancelGrace();
    effects.push({ type: 'cancelTimer', timer: 'loading' });
    effects.push({ type: 'closed', ref: closing.ref, returnFocus, pinned: closing.reasons.has('pin') });
  };

  const pin = (target: OpenPopover<R>, tapped: boolean) => {
    target.reasons.add('pin');
    target.tapped ||= tapped;
    target.focusPending = true;
    effects.push({ type: 'expanded' });
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
    effects.push({ type: 'opened', ref });
    if (reason === 'pin') effects.push({ type: 'expanded' });
    effects.push({ type: 'startTimer', timer: 'loading', ms: timing.loadingMs });
    effects.push({ type: 'lookup', ref, token });
  };

  const apply = (event: PopoverEvent<R>): void => {
    switch (event.type) {
      case 'pointerOver': {
        if (event.touch) return;
        if (event.inSurface) {
          cancelGrace();
          return;
        }
        const { key } = event;
        if (key === null) return;
        if (current?.ref.key === key) {
          cancelGrace();
          current.reasons.add('hover');
          return;
        }
        if (dismissedKey === key || current?.reasons.has('pin') || intent?.key === key) return;
        cancelIntent();
        intent = { key, since: event.since, target: event.target };
        effects.push({ type: 'startTimer', timer: 'intent', ms: timing.intentMs });
        return;
      }
      case 'intentElapsed': {
        const since = intent?.since;
        intent = null;
        if (event.ref) open(event.ref, 'hover', { since });
        return;
      }
      case 'pointerOut': {
        if (event.touch) return;
        const { fromKey } = event;
        if (fromKey !== null) {
          if (event.toKey === fromKey) return;
          if (dismissedKey === fromKey) dismissedKey = null;
          if (intent?.key === fromKey) cancelIntent();
        }
        if (!current || current.reasons.has('pin')) return;
        const leavingOurs = event.fromSurface || fromKey === current.ref.key;
        if (!leavingOurs || event.toSurface || event.toOpen) return;
        cancelGrace();
        effects.push({ type: 'startTimer', timer: 'grace', ms: timing.graceMs });
        return;
      }
      case 'graceElapsed': {
        if (!current) return;
        current.reasons.delete('hover');
        if (current.reasons.size === 0) close(false);
        return;
      }
      case 'pointerDown': {
        lastPointer = { type: event.pointerType, time: event.time };
        if (!current) return;
        if (event.inSurface) {
          // Using the card with the pointer makes it interactive: it stays until dismissed.
          if (!current.reasons.has('pin')) {
            current.reasons.add('pin');
            effects.push({ type: 'expanded' });
            cancelGrace();
            render();
          }
          return;
        }
        if (!event.onOpen) close(false);
        return;
      }
      case 'click': {
        const { ref } = event;
        const pointerType = event.pointerType || lastPointer.type;
        if (pointerType === 'touch' && !event.keyboardClick) {
          if (current?.ref.key === ref.key && current.tapped) {
            if (event.link) close(false); // second tap: the link does what links do
            return;
          }
          if (event.link) effects.push({ type: 'consume', stop: false }); // first tap only opens
          open(ref, 'pin', { tapped: true });
          return;
        }
        if (event.keyboardClick || event.link) return; // Enter on a link, or a click on a link: follow it
        open(ref, 'pin');
        return;
      }
      case 'focusIn': {
        if (event.inSurface) {
          cancelGrace();
          return;
        }
        const { ref } = event;
        if (!ref) return;
        // Focus that follows a click or tap is handled by the click; only keyboard focus opens here.
        if (event.time - lastPointer.time < POINTER_FOCUS_WINDOW_MS) return;
        if (current?.ref.key === ref.key) {
          current.reasons.add('focus');
          return;
        }
        open(ref, 'focus', { keyboard: true });
        return;
      }
      case 'focusOut': {
        if (!current || !event.fromOurs || event.toOurs) return;
        // A pinned dialog is non-modal: focus may wander; it stays until Escape, close or an outside click.
        if (current.reasons.has('pin')) return;
        current.reasons.delete('focus');
        if (current.reasons.size === 0) close(false);
        return;
      }
      case 'escape': {
        if (!current) return;
        if (current.reasons.has('hover')) dismissedKey = current.ref.key;
        close(true);
        if (event.focusInside) effects.push({ type: 'consume', stop: true });
        return;
      }
      case 'activate': {
        if (event.key === 'Enter' && event.isLink) return; // Enter on a link follows it
        if (event.key === 'ArrowDown' && current?.ref.key !== event.ref.key) return;
        effects.push({ type: 'consume', stop: false });
        open(event.ref, 'pin', { keyboard: true });
        return;
      }
      case 'loadingElapsed': {
        if (!current || current.content) return;
        current.content = { status: 'loading', citation: current.ref.citation };
        render();
        return;
      }
      case 'resolved': {
        if (!current || current.token !== event.token) return;
        effects.push({ type: 'cancelTimer', timer: 'loading' });
        current.content = event.content;
        render();
        return;
      }
      case 'open':
        open(event.ref, event.how, { keyboard: event.how === 'focus' });
        return;
      case 'close':
        close(event.returnFocus);
        return;
      case 'stop':
        cancelIntent();
        close(false);
        return;
    }
  };

  return {
    get state() {
      return { open: current, intent };
    },
    dispatch(event) {
      effects = [];
      apply(event);
      return effects;
    },
  };
}
