import type { PopoverActions } from '../../../components/popover/card-model';
import type { PopoverSurface } from '../../../components/popover/popover-surface';
import type { CardResolver } from './card-lookup';
import type { ReferenceMarks } from './popover-marks';
import type { PopoverMeasure } from './popover-measure';

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
