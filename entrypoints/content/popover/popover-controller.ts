/**
 * The popover's DOM wiring: page events become the state machine's events (popover-machine.ts),
 * with what they mean read from the page (which reference, inside the popover or not), and the
 * machine's effects become timers, lookups, ARIA, focus and the surface's show and hide.
 */
import type { CardModel, PopoverActions } from '../../../components/popover/card-model';
import type { PopoverSurface } from '../../../components/popover/popover-surface';
import type { CardResolver } from './card-lookup';
import {
  createPopoverMachine,
  DEFAULT_TIMING,
  type PopoverEffects,
  type PopoverTimer,
  type PopoverTiming,
} from './popover-machine';
import { createReferenceFinder, type MarkedRef, type ReferenceMarks } from './popover-marks';
import type { PopoverMeasure } from './popover-measure';
import { type ReferenceAria, setReferenceAria } from './reference-aria';

/** How the controller is made. */
export interface PopoverControllerOptions {
  document: Document;
  /** Aborting removes every listener and timer and closes the popover (the content script's lifetime, lifetime.ts). */
  signal: AbortSignal;
  /** The scanner's registry: which reference a mark belongs to, and its pieces. */
  marks: ReferenceMarks;
  resolver: CardResolver;
  surface: PopoverSurface;
  actions: Omit<PopoverActions, 'close'>;
  timing?: Partial<PopoverTiming>;
  /** Benchmark hooks (only on pages that opt in). */
  measure?: PopoverMeasure;
  /** Whether the browser made the event, not a page script (default `event.isTrusted`). */
  isTrusted?(event: Event): boolean;
}

/** Drives the popover from page events; also callable directly (the side panel's "reveal"). */
export interface PopoverController {
  /** Opens the popover for a marked piece: `focus` as a tooltip, `pin` as a dialog with focus inside. */
  open(mark: HTMLElement, how: 'focus' | 'pin'): void;
  /** Closes the popover; `returnFocus` puts focus back on the reference. */
  close(returnFocus: boolean): void;
  /** The scanner group the popover is open for, or null. */
  readonly openKey: number | null;
  /** True when the open popover is a pinned dialog. */
  readonly pinned: boolean;
}

/** The card shown when the lookup failed: every id, nothing found. */
function unresolvedCard(ref: MarkedRef): CardModel {
  const { citation } = ref;
  return {
    citation,
    papers: citation.ids.map((id) => ({ id, document: null, dossierTitle: null })),
    lookupOk: false,
    citingTitles: {},
  };
}

/**
 * Creates the controller and starts listening on the document (event delegation, capture phase, so
 * marks added later work and page handlers that stop propagation do not blind us).
 */
export function createPopoverController(options: PopoverControllerOptions): PopoverController {
  const { document: doc, signal, surface, resolver, measure } = options;
  const refs = createReferenceFinder(options.marks);
  const timers = new Map<PopoverTimer, ReturnType<typeof setTimeout>>();
  let aria: ReferenceAria | null = null;
  let returningFocus = false;

  const actions: PopoverActions = { ...options.actions, close: () => machine.close(true) };

  const effects: PopoverEffects<MarkedRef> = {
    startTimer(timer, ms) {
      clearTimeout(timers.get(timer));
      timers.set(
        timer,
        setTimeout(() => {
          timers.delete(timer);
          if (timer !== 'intent') return machine.elapsed(timer);
          const ref = refs.at(machine.intent?.target as EventTarget | null);
          machine.elapsed(timer, ref?.anchor.isConnected ? ref : null);
        }, ms),
      );
    },
    cancelTimer(timer) {
      clearTimeout(timers.get(timer));
      timers.delete(timer);
    },
    opened(ref) {
      aria = setReferenceAria(ref.focusTarget, surface.hostId);
    },
    expanded() {
      aria?.expanded(true);
    },
    lookup(ref, token) {
      const { citation } = ref;
      resolver
        .resolve(citation)
        .catch(() => unresolvedCard(ref))
        .then((card) => machine.resolved(token, { status: 'ready', citation, card }));
    },
    render({ ref, content, dialog, focus, keyboardHint, since }) {
      surface.show(
        { anchor: ref.anchor, content, mode: dialog ? 'dialog' : 'tooltip', keyboardHint, actions },
        {
          focus,
          onAnchorGone: () => machine.close(false),
          onPlaced: since !== null && measure ? () => measure.painted(since) : undefined,
        },
      );
    },
    closed(ref, returnFocus, pinned) {
      aria?.restore();
      aria = null;
      const focusWasOurs = surface.contains(doc.activeElement) || refs.within(doc.activeElement, ref);
      surface.hide();
      if (returnFocus && (focusWasOurs || pinned)) {
        returningFocus = true;
        try {
          ref.focusTarget.focus({ preventScroll: true });
        } finally {
          returningFocus = false;
        }
      }
    },
  };
  const machine = createPopoverMachine(effects, { ...DEFAULT_TIMING, ...options.timing });

  /** Whether `node` is a piece or the focus target of the open reference. */
  const isOpenRef = (node: EventTarget | null) => {
    const ref = machine.open?.ref;
    return !!ref && (refs.keyAt(node) === ref.key || node === ref.focusTarget);
  };
  /** Whether `node` is in the popover or the open reference. */
  const isOurs = (node: EventTarget | null) => {
    const ref = machine.open?.ref;
    return !!ref && (surface.contains(node) || refs.within(node, ref));
  };

  const onPointerOver = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    machine.pointerOver(
      refs.keyAt(event.target),
      surface.contains(event.target),
      event.target,
      event.timeStamp,
    );
  };

  const onPointerOut = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    const to = event.relatedTarget;
    machine.pointerOut(
      refs.keyAt(event.target),
      refs.keyAt(to),
      surface.contains(event.target),
      surface.contains(to),
      isOpenRef(to),
    );
  };

  const onPointerDown = (event: PointerEvent) =>
    machine.pointerDown(
      event.pointerType,
      performance.now(),
      surface.contains(event.target),
      isOpenRef(event.target),
    );

  const onClick = (event: MouseEvent) => {
    if (surface.contains(event.target)) return;
    const ref = refs.at(event.target);
    if (!ref) return;
    const ownType = (event as Partial<PointerEvent>).pointerType;
    const link = ref.anchor.closest('a[href]') !== null;
    if (machine.click(ref, ownType ?? '', event.detail === 0 && !ownType, link)) event.preventDefault();
  };

  const onFocusIn = (event: FocusEvent) => {
    if (surface.contains(event.target)) return machine.focusIn(null, true, 0);
    if (!returningFocus) machine.focusIn(refs.focusedAt(event.target), false, performance.now());
  };

  const onFocusOut = (event: FocusEvent) =>
    machine.focusOut(isOurs(event.target), isOurs(event.relatedTarget));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      if (machine.escape(isOurs(doc.activeElement))) {
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    if (event.key !== 'Enter' && event.key !== 'ArrowDown') return;
    const ref = refs.focusedAt(event.target);
    if (!ref || event.target !== ref.focusTarget) return;
    if (machine.activate(ref, event.key, ref.focusTarget.matches('a[href]'))) event.preventDefault();
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
  signal.addEventListener('abort', () => machine.stop());

  return {
    open(mark, how) {
      const ref = refs.at(mark);
      if (ref) machine.show(ref, how);
    },
    close: (returnFocus) => machine.close(returnFocus),
    get openKey() {
      return machine.open?.ref.key ?? null;
    },
    get pinned() {
      return machine.open?.reasons.has('pin') ?? false;
    },
  };
}
