import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { I18n } from '../i18n';
import { I18nContext } from '../i18n-context';
import type { PopoverActions, PopoverContent, PopoverMode } from './card-model';
import { Popover } from './Popover';

/** What the controller asks the surface to show. */
export interface PopoverView {
  /** The marked piece the card is positioned against. */
  anchor: HTMLElement;
  content: PopoverContent;
  mode: PopoverMode;
  keyboardHint: boolean;
  actions: PopoverActions;
}

/** Where the popover is drawn: a shadow-root host in the page, created on first use. */
export interface PopoverSurface {
  /** Id of the light-DOM host element (what `aria-describedby` on the reference points at). */
  readonly hostId: string;
  /** Renders the view; `focus` moves focus into the dialog once it is on screen. */
  show(view: PopoverView, options: ShowOptions): void;
  hide(): void;
  /** The element inside the shadow root the card is rendered into (null before first use). */
  readonly container: HTMLElement | null;
  /** True for the host element and anything inside it (events at the document are retargeted to the host). */
  contains(node: EventTarget | null): boolean;
}

/** How a view is shown. */
export interface ShowOptions {
  /** Move focus into the dialog once it is on screen. */
  focus: boolean;
  /** Called when the anchor left the page (the page replaced its content). */
  onAnchorGone: () => void;
  /** Called once the card is rendered and positioned (the benchmark's paint measure starts here). */
  onPlaced?: () => void;
}

/** The parts of a mounted shadow-root UI the surface needs (WXT's `createShadowRootUi` provides them). */
export interface ShadowMount {
  shadowHost: HTMLElement;
  /** The host's shadow root, given here: a closed one is not on `shadowHost.shadowRoot`. */
  shadow: ShadowRoot;
  uiContainer: HTMLElement;
}

/**
 * Creates the surface (`hostId`: the host element's id, chosen by the content script). `mountHost`
 * builds and mounts the shadow host (called once, on the first show);
 * positioning uses floating-ui against the anchor and follows scroll and resize while open.
 */
export function createPopoverSurface(
  i18n: I18n,
  mountHost: () => Promise<ShadowMount>,
  hostId: string,
): PopoverSurface {
  let mount: Promise<ShadowMount> | null = null;
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let container: HTMLElement | null = null;
  let latest = 0;
  /** Focus goes into the dialog once it is visible (a hidden element cannot take focus). */
  let wantFocus = false;
  let tracking: { anchor: HTMLElement; floating: HTMLElement; stop: () => void } | null = null;

  const stopTracking = () => {
    tracking?.stop();
    tracking = null;
  };

  /** Keeps the card placed against the anchor; `whenPlaced` runs once it is visible. */
  const track = (
    anchor: HTMLElement,
    floating: HTMLElement,
    onAnchorGone: () => void,
    whenPlaced: () => void,
  ) => {
    if (tracking?.anchor === anchor && tracking.floating === floating) {
      whenPlaced();
      return;
    }
    stopTracking();
    let placed = whenPlaced;
    floating.style.visibility = 'hidden';
    const place = () => {
      if (!anchor.isConnected) {
        onAnchorGone();
        return;
      }
      void computePosition(anchor, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          // A long card scrolls inside itself rather than running off screen.
          size({
            padding: 8,
            apply({ availableHeight }) {
              floating.style.maxHeight = `${Math.max(160, Math.min(560, Math.floor(availableHeight)))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${Math.round(x)}px`;
        floating.style.top = `${Math.round(y)}px`;
        floating.style.visibility = '';
        const run = placed;
        placed = () => {};
        run();
      });
    };
    tracking = { anchor, floating, stop: autoUpdate(anchor, floating, place) };
  };

  return {
    hostId,
    show(view, { focus, onAnchorGone, onPlaced }) {
      latest += 1;
      const mine = latest;
      wantFocus ||= focus;
      mount ??= mountHost().then((mounted) => {
        host = mounted.shadowHost;
        shadow = mounted.shadow;
        host.id = hostId;
        container = mounted.uiContainer;
        return mounted;
      });
      void mount.then(({ uiContainer }) => {
        if (mine !== latest) return; // a later show or hide superseded this one
        const { content, mode, keyboardHint, actions } = view;
        render(
          h(I18nContext.Provider, { value: i18n }, h(Popover, { content, mode, keyboardHint, actions })),
          uiContainer,
        );
        const floating = uiContainer.querySelector<HTMLElement>('.kl-popover');
        if (!floating) return;
        track(view.anchor, floating, onAnchorGone, () => {
          onPlaced?.();
          if (!wantFocus || !floating.isConnected) return;
          wantFocus = false;
          floating.focus({ preventScroll: true });
        });
      });
    },
    hide() {
      latest += 1;
      wantFocus = false;
      stopTracking();
      const pending = mount;
      const mine = latest;
      void pending?.then(({ uiContainer }) => {
        if (mine === latest) render(null, uiContainer);
      });
    },
    get container() {
      return container;
    },
    contains(node) {
      if (!host || !(node instanceof Node)) return false;
      return node === host || host.contains(node) || node.getRootNode() === shadow;
    },
  };
}
