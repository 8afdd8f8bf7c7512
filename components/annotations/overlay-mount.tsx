/**
 * Renders the annotation overlay (toolbar; editor and card frames) into its shadow root. Part of the
 * lazily loaded UI script: the content script's state is plain watched values, mirrored here into
 * Preact signals, which the components then track.
 */
import { type Signal, signal } from '@preact/signals';
import { render } from 'preact';
import type { I18n } from '../i18n';
import { I18nContext } from '../i18n-context';
import type { Watched } from '../shared/watched';
import { AnnotateOverlay, type OverlayActions } from './AnnotateOverlay';
import type { NoteFrameHost } from './NoteFrame';
import type { OverlayState } from './overlay-state';

/** What the overlay is drawn from. */
export interface AnnotateOverlayProps {
  i18n: I18n;
  state: OverlayState;
  actions: OverlayActions;
  frames: NoteFrameHost;
}

/** A signal that follows `source` until `stops` run. */
function mirror<T>(source: Watched<T>, stops: (() => void)[]): Signal<T> {
  const copy = signal(source.value);
  stops.push(
    source.subscribe((value) => {
      copy.value = value;
    }),
  );
  return copy;
}

/** Renders the overlay into `container`; the returned function takes it down. */
export function mountAnnotateOverlay(container: HTMLElement, props: AnnotateOverlayProps): () => void {
  const stops: (() => void)[] = [];
  const state = { ...props.state, view: mirror(props.state.view, stops) };
  const frames = { ...props.frames, size: mirror(props.frames.size, stops) };
  render(
    <I18nContext.Provider value={props.i18n}>
      <AnnotateOverlay state={state} actions={props.actions} frames={frames} />
    </I18nContext.Provider>,
    container,
  );
  return () => {
    for (const stop of stops) stop();
    render(null, container);
  };
}
