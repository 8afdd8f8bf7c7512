import type { CardModel, PopoverActions, PopoverContent } from '../../../components/popover/card-model';
import type { Citation } from '../../../data/citations/types';
import {
  DEFAULT_TIMING,
  type PopoverController,
  type PopoverControllerOptions,
} from './popover-controller-types';
import { createReferenceFinder, type MarkedRef } from './popover-marks';
import { type ReferenceAria, setReferenceAria } from './reference-aria';

export {
  DEFAULT_TIMING,
  type PopoverController,
  type PopoverControllerOptions,
  type PopoverTiming,
} from './popover-controller-types';

/** Why the popover is open; it closes when no reason is left. A pin outlasts hover and focus. */
type Reason = 'hover' | 'focus' | 'pin';

interface OpenPopover extends MarkedRef {
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
  aria: ReferenceAria;
  token: number;
}

/** A pointerdown this recent means the focus that follows came from the pointer, not the keyboard. */
const POINTER_FOCUS_WINDOW_MS = 1000;

/**
 * Creates the controller and starts listening on the document (event delegation, capture phase, so
 * marks added later work and page handlers that stop propagation do not blind us).
 */
export function createPopoverController(options: PopoverControllerOptions): PopoverController {
  const { document: doc, signal, surface, resolver } = options;
  const refs = createReferenceFinder(options.marks);
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  let current: OpenPopover | null = null;
  let intent: { key: number; timer: ReturnType<typeof setTimeout>; since: number } | null = null;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let loadingTimer: ReturnType<typeof setTimeout> | undefined;
  /** A reference dismissed with Escape while hovered stays closed until the pointer leaves it. */
  let dismissedKey: number | null = null;
  let lastPointer = { type: '', time: Number.NEGATIVE_INFINITY };
  let returningFocus = false;
  let token = 0;

  const actions: PopoverActions = { ...options.actions, close: () => close(true) };

  const cancelIntent = () => {
    if (intent) clearTimeout(intent.timer);
    intent = null;
  };
  const cancelGrace = () => {
    clearTimeout(graceTimer);
    graceTimer = undefined;
  };

  const render = () => {
    if (!current?.content) return;
    const dialog = current.reasons.has('pin');
    const focus = dialog && current.focusPending;
    current.focusPending = false;
    const since = current.content.status === 'ready' ? current.enteredAt : null;
    if (since !== null) current.enteredAt = null;
    surface.show(
      {
        anchor: current.anchor,
        content: current.content,
        mode: dialog ? 'dialog' : 'tooltip',
        keyboardHint: current.keyboard && !dialog,
        actions,
      },
      {
        focus,
        onAnchorGone: () => close(false),
        onPlaced: since !== null && options.measure ? () => options.measure?.painted(since) : undefined,
      },
    );
  };

  const close = (returnFocus: boolean) => {
    if (!current) return;
    const closing = current;
    current = null;
    token += 1;
    cancelGrace();
    clearTimeout(loadingTimer);
    closing.aria.restore();
    const focusWasOurs = surface.contains(doc.activeElement) || refs.within(doc.activeElement, closing);
    surface.hide();
    if (returnFocus && (focusWasOurs || closing.reasons.has('pin'))) {
      returningFocus = true;
      try {
        closing.focusTarget.focus({ preventScroll: true });
      } finally {
        returningFocus = false;
      }
    }
  };

  const resolved = (citation: Citation, mine: number) => (card: CardModel) => {
    if (!current || current.token !== mine) return;
    clearTimeout(loadingTimer);
    current.content = { status: 'ready', citation, card };
    render();
  };

  const open = (
    ref: MarkedRef,
    reason: Reason,
    opts: { keyboard?: boolean; tapped?: boolean; since?: number } = {},
  ) => {
    if (current?.key === ref.key) {
      current.reasons.add(reason);
      if (reason === 'pin') pin(current, opts.tapped ?? false);
      else render();
      return;
    }
    close(false);
    cancelIntent();
    dismissedKey = null;
    token += 1;
    const mine = token;
    const { citation } = ref;
    current = {
      ...ref,
      reasons: new Set([reason]),
      content: null,
      keyboard: opts.keyboard ?? false,
      tapped: opts.tapped ?? false,
      focusPending: reason === 'pin',
      enteredAt: opts.since ?? null,
      aria: setReferenceAria(ref.focusTarget, surface.hostId),
      token: mine,
    };
    if (reason === 'pin') current.aria.expanded(true);
    loadingTimer = setTimeout(() => {
      if (!current || current.token !== mine || current.content) return;
      current.content = { status: 'loading', citation };
      render();
    }, timing.loadingMs);
    resolver
      .resolve(citation)
      .catch(
        (): CardModel => ({
          citation,
          papers: citation.ids.map((id) => ({ id, document: null, dossierTitle: null })),
          lookupOk: false,
          citingTitles: {},
        }),
      )
      .then(resolved(citation, mine));
  };

  const pin = (target: OpenPopover, tapped: boolean) => {
    target.reasons.add('pin');
    target.tapped ||= tapped;
    target.focusPending = true;
    target.aria.expanded(true);
    cancelGrace();
    render();
  };

  const scheduleGrace = () => {
    cancelGrace();
    graceTimer = setTimeout(() => {
      graceTimer = undefined;
      if (!current) return;
      current.reasons.delete('hover');
      if (current.reasons.size === 0) close(false);
    }, timing.graceMs);
  };

  const sameReference = (node: EventTarget | null) =>
    current !== null && (refs.keyAt(node) === current.key || node === current.focusTarget);

  const onPointerOver = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    if (surface.contains(event.target)) {
      cancelGrace();
      return;
    }
    const key = refs.keyAt(event.target);
    if (key === null) return;
    if (current?.key === key) {
      cancelGrace();
      current.reasons.add('hover');
      return;
    }
    if (dismissedKey === key || current?.reasons.has('pin') || intent?.key === key) return;
    cancelIntent();
    const target = event.target;
    const since = event.timeStamp;
    intent = {
      key,
      since,
      timer: setTimeout(() => {
        intent = null;
        const ref = refs.at(target);
        if (ref?.anchor.isConnected) open(ref, 'hover', { since });
      }, timing.intentMs),
    };
  };

  const onPointerOut = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    const to = event.relatedTarget;
    const fromKey = refs.keyAt(event.target);
    if (fromKey !== null) {
      if (refs.keyAt(to) === fromKey) return;
      if (dismissedKey === fromKey) dismissedKey = null;
      if (intent?.key === fromKey) cancelIntent();
    }
    if (!current || current.reasons.has('pin')) return;
    const leavingOurs = surface.contains(event.target) || fromKey === current.key;
    if (!leavingOurs || surface.contains(to) || sameReference(to)) return;
    scheduleGrace();
  };

  const onPointerDown = (event: PointerEvent) => {
    lastPointer = { type: event.pointerType, time: performance.now() };
    if (!current) return;
    if (surface.contains(event.target)) {
      // Using the card with the pointer makes it interactive: it stays until dismissed.
      if (!current.reasons.has('pin')) {
        current.reasons.add('pin');
        current.aria.expanded(true);
        cancelGrace();
        render();
      }
      return;
    }
    if (!sameReference(event.target)) close(false);
  };

  const onClick = (event: MouseEvent) => {
    if (surface.contains(event.target)) return;
    const ref = refs.at(event.target);
    if (!ref) return;
    const ownType = (event as Partial<PointerEvent>).pointerType;
    const keyboardClick = event.detail === 0 && !ownType;
    const pointerType = ownType || lastPointer.type;
    const link = ref.anchor.closest('a[href]');
    if (pointerType === 'touch' && !keyboardClick) {
      if (current?.key === ref.key && current.tapped) {
        if (link) close(false); // second tap: the link does what links do
        return;
      }
      if (link) event.preventDefault(); // first tap only opens
      open(ref, 'pin', { tapped: true });
      return;
    }
    if (keyboardClick || link) return; // Enter on a link, or a click on a link: follow it
    open(ref, 'pin');
  };

  const onFocusIn = (event: FocusEvent) => {
    if (surface.contains(event.target)) {
      cancelGrace();
      return;
    }
    if (returningFocus) return;
    const ref = refs.focusedAt(event.target);
    if (!ref) return;
    // Focus that follows a click or tap is handled by the click; only keyboard focus opens here.
    if (performance.now() - lastPointer.time < POINTER_FOCUS_WINDOW_MS) return;
    if (current?.key === ref.key) {
      current.reasons.add('focus');
      return;
    }
    open(ref, 'focus', { keyboard: true });
  };

  const onFocusOut = (event: FocusEvent) => {
    if (!current) return;
    const shown = current;
    const ours = (node: EventTarget | null) => surface.contains(node) || refs.within(node, shown);
    if (!ours(event.target) || ours(event.relatedTarget)) return;
    // A pinned dialog is non-modal: focus may wander; it stays until Escape, close or an outside click.
    if (shown.reasons.has('pin')) return;
    shown.reasons.delete('focus');
    if (shown.reasons.size === 0) close(false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      if (!current) return;
      const focusInside = surface.contains(doc.activeElement) || refs.within(doc.activeElement, current);
      if (current.reasons.has('hover')) dismissedKey = current.key;
      close(true);
      if (focusInside) {
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    if (event.key !== 'Enter' && event.key !== 'ArrowDown') return;
    const ref = refs.focusedAt(event.target);
    if (!ref || event.target !== ref.focusTarget) return;
    const isLink = ref.focusTarget.matches('a[href]');
    if (event.key === 'Enter' && isLink) return; // Enter on a link follows it
    if (event.key === 'ArrowDown' && current?.key !== ref.key) return;
    event.preventDefault();
    open(ref, 'pin', { keyboard: true });
  };

  const isTrusted = options.isTrusted ?? ((event: Event) => event.isTrusted);
  // Events a page script dispatched neither open, pin nor close the popover.
  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
    doc.addEventListener(
      type,
      (event) => {
        if (isTrusted(event)) handler(event);
      },
      { capture: true, signal },
    );
  listen('pointerover', onPointerOver);
  listen('pointerout', onPointerOut);
  listen('pointerdown', onPointerDown);
  listen('click', onClick);
  listen('focusin', onFocusIn);
  listen('focusout', onFocusOut);
  listen('keydown', onKeyDown);
  signal.addEventListener('abort', () => {
    cancelIntent();
    close(false);
  });

  return {
    open(mark, how) {
      const ref = refs.at(mark);
      if (ref) open(ref, how, { keyboard: how === 'focus' });
    },
    close,
    get openKey() {
      return current?.key ?? null;
    },
    get pinned() {
      return current?.reasons.has('pin') ?? false;
    },
  };
}
