/**
 * A popover surface whose card UI is loaded on first use: it has its host id (which the reference's
 * `aria-describedby` names) from the start, and hands each show and hide to the real surface once
 * that is loaded, keeping only the latest request while it loads.
 */

import type { PopoverSurface } from '../../../components/popover/popover-surface';
import { randomSuffix } from '../own-host';
import { POPOVER_HOST_ID_PREFIX } from '../own-names';

/** Builds the real surface once its code is there. */
export type SurfaceLoader = (hostId: string) => Promise<PopoverSurface>;

/** The lazy surface, plus `preload` to start loading before the first show (first contact with a mark). */
export interface LazyPopoverSurface extends PopoverSurface {
  preload(): void;
}

/** Creates the surface; `onError` hears why the UI could not be loaded (the card then stays closed). */
export function createLazyPopoverSurface(
  load: SurfaceLoader,
  onError: (error: unknown) => void,
): LazyPopoverSurface {
  const hostId = `${POPOVER_HOST_ID_PREFIX}${randomSuffix()}`;
  let real: PopoverSurface | null = null;
  let pending: Promise<PopoverSurface | null> | null = null;
  let latest = 0;

  const ensure = () => {
    pending ??= load(hostId).then(
      (surface) => {
        real = surface;
        return surface;
      },
      (error: unknown) => {
        pending = null; // the next contact tries again
        onError(error);
        return null;
      },
    );
    return pending;
  };

  return {
    hostId,
    preload() {
      void ensure();
    },
    show(view, options) {
      latest += 1;
      if (real) {
        real.show(view, options);
        return;
      }
      const mine = latest;
      void ensure().then((surface) => {
        if (surface && mine === latest) surface.show(view, options);
      });
    },
    hide() {
      latest += 1;
      real?.hide();
    },
    get container() {
      return real?.container ?? null;
    },
    contains(node) {
      return real?.contains(node) ?? false;
    },
  };
}
