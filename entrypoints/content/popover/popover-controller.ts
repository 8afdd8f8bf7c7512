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
  type PopoverEffect,
  type PopoverEvent,
  type PopoverTimer,
  type PopoverTiming,
} from './popover-machine';
import { createReferenceFinder, type MarkedRef, type ReferenceMarks } from './popover-marks';
import type { PopoverMeasure } from './popover-measure';
import { type ReferenceAria, setReferenceAria } from './reference-aria';

/** How the controller is made. */
export interface PopoverControllerOptions {
  document: Document;
  /** Aborting removes every listener and timer and closes the popover (WXT's `ctx.signal`). */
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
  const machine = createPopoverMachine<MarkedRef>({ ...DEFAULT_TIMING, ...options.timing });
  const timers = new Map<PopoverTimer, ReturnType<typeof setTimeout>>();
  let aria: ReferenceAria | null = null;
  let returningFocus = false;

  const actions: PopoverActions = {
    ...options.actions,
    close: () => send({ type: 'close', returnFocus: true }),
  };

  const elapsed = (timer: PopoverTimer): PopoverEvent<MarkedRef> => {
    if (timer === 'loading') return { type: 'loadingElapsed' };
    if (timer === 'grace') return { type: 'graceElapsed' };
    const ref = refs.at(machine.state.intent?.target as EventTarget | null);
    return { type: 'intentElapsed', ref: ref?.anchor.isConnected ? ref : null };
  };

  const carryOut = (effect: PopoverEffect<MarkedRef>, event: Event | null): void => {
    switch (effect.type) {
      case 'startTimer':
        clearTimeout(timers.get(effect.timer));
        timers.set(
          effect.timer,
          setTimeout(() => {
            timers.delete(effect.timer);
            send(elapsed(effect.timer));
          }, effect.ms),
        );
        return;
      case 'cancelTimer':
        clearTimeout(timers.get(effect.timer));
        timers.delete(effect.timer);
        return;
      case 'opened':
        aria = setReferenceAria(effect.ref.focusTarget, surface.hostId);
        return;
      case 'expanded':
        aria?.expanded(true);
        return;
      case 'lookup': {
        const { ref, token } = effect;
        resolver
          .resolve(ref.citation)
          .catch(() => unresolvedCard(ref))
          .then((card) =>
            send({ type: 'resolved', token, content: { status: 'ready', citation: ref.citation, card } }),
          );
        return;
      }
      case 'render': {
        const { ref, content, dialog, focus, keyboardHint, since } = effect.render;
        surface.show(
          { anchor: ref.anchor, content, mode: dialog ? 'dialog' : 'tooltip', keyboardHint, actions },
          {
            focus,
            onAnchorGone: () => send({ type: 'close', returnFocus: false }),
            onPlaced: since !== null && measure ? () => measure.painted(since) : undefined,
          },
        );
        return;
      }
      case 'closed': {
        aria?.restore();
        aria = null;
        const focusWasOurs =
          surface.contains(doc.activeElement) || refs.within(doc.activeElement, effect.ref);
        surface.hide();
        if (effect.returnFocus && (focusWasOurs || effect.pinned)) {
          returningFocus = true;
          try {
            effect.ref.focusTarget.focus({ preventScroll: true });
          } finally {
            returningFocus = false;
          }
        }
        return;
      }
      case 'consume':
        event?.preventDefault();
        if (effect.stop) event?.stopPropagation();
        return;
    }
  };

  function send(event: PopoverEvent<MarkedRef>, from: Event | null = null): void {
    for (const effect of machine.dispatch(event)) carryOut(effect, from);
  }

  /** The open reference, for events that ask whether a node belongs to it. */
  const openRef = () => machine.state.open?.ref ?? null;
  const isOpenRef = (node: EventTarget | null) => {
    const ref = openRef();
    return ref !== null && (refs.keyAt(node) === ref.key || node === ref.focusTarget);
  };
  const isOurs = (node: EventTarget | null) => {
    const ref = openRef();
    return ref !== null && (surface.contains(node) || refs.within(node, ref));
  };

  const onPointerOver = (event: PointerEvent) =>
    send({
      type: 'pointerOver',
      touch: event.pointerType === 'touch',
      inSurface: surface.contains(event.target),
      key: refs.keyAt(event.target),
      target: event.target,
      since: event.timeStamp,
    });

  const onPointerOut = (event: PointerEvent) =>
    send({
      type: 'pointerOut',
      touch: event.pointerType === 'touch',
      fromKey: refs.keyAt(event.target),
      toKey: refs.keyAt(event.relatedTarget),
      fromSurface: surface.contains(event.target),
      toSurface: surface.contains(event.relatedTarget),
      toOpen: isOpenRef(event.relatedTarget),
    });

  const onPointerDown = (event: PointerEvent) =>
    send({
      type: 'pointerDown',
      pointerType: event.pointerType,
      time: performance.now(),
      inSurface: surface.contains(event.target),
      onOpen: isOpenRef(event.target),
    });

  const onClick = (event: MouseEvent) => {
    if (surface.contains(event.target)) return;
    const ref = refs.at(event.target);
    if (!ref) return;
    const ownType = (event as Partial<PointerEvent>).pointerType;
    send(
      {
        type: 'click',
        ref,
        pointerType: ownType ?? '',
        keyboardClick: event.detail === 0 && !ownType,
        link: ref.anchor.closest('a[href]') !== null,
      },
      event,
    );
  };

  const onFocusIn = (event: FocusEvent) => {
    const inSurface = surface.contains(event.target);
    if (!inSurface && returningFocus) return;
    const ref = inSurface ? null : refs.focusedAt(event.target);
    send({ type: 'focusIn', inSurface, ref, time: performance.now() });
  };

  const onFocusOut = (event: FocusEvent) =>
    send({ type: 'focusOut', fromOurs: isOurs(event.target), toOurs: isOurs(event.relatedTarget) });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      send({ type: 'escape', focusInside: isOurs(doc.activeElement) }, event);
      return;
    }
    if (event.key !== 'Enter' && event.key !== 'ArrowDown') return;
    const ref = refs.focusedAt(event.target);
    if (!ref || event.target !== ref.focusTarget) return;
    send({ type: 'activate', key: event.key, ref, isLink: ref.focusTarget.matches('a[href]') }, event);
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
  signal.addEventListener('abort', () => send({ type: 'stop' }));

  return {
    open(mark, how) {
      const ref = refs.at(mark);
      if (ref) send({ type: 'open', ref, how });
    },
    close: (returnFocus) => send({ type: 'close', returnFocus }),
    get openKey() {
      return machine.state.open?.ref.key ?? null;
    },
    get pinned() {
      return machine.state.open?.reasons.has('pin') ?? false;
    },
  };
}
