import { describe, expect, it, vi } from 'vitest';
import type {
  PopoverSurface,
  PopoverView,
  ShowOptions,
} from '../../../../components/popover/popover-surface';
import { POPOVER_HOST_ID_PREFIX } from '../../../../entrypoints/content/own-names';
import { createLazyPopoverSurface } from '../../../../entrypoints/content/popover/lazy-surface';

/** A surface that records what it was asked, and a loader the test resolves or rejects by hand. */
function forged() {
  const calls: string[] = [];
  const real: PopoverSurface = {
    hostId: '',
    show: (view) => calls.push(`show ${view.mode}`),
    hide: () => calls.push('hide'),
    container: null,
    contains: () => true,
  };
  const pending: { resolve: (s: PopoverSurface) => void; reject: (e: unknown) => void }[] = [];
  const load = vi.fn(
    (_hostId: string) => new Promise<PopoverSurface>((resolve, reject) => pending.push({ resolve, reject })),
  );
  return { calls, real, pending, load };
}

const view = (mode: PopoverView['mode']) => ({ mode }) as PopoverView;
const options: ShowOptions = { focus: false, onAnchorGone: () => {} };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lazy popover surface', () => {
  it('has its host id before loading, and hands the loader that id', async () => {
    const { load, pending, real } = forged();
    const surface = createLazyPopoverSurface(load, () => {});
    expect(surface.hostId.startsWith(POPOVER_HOST_ID_PREFIX)).toBe(true);
    expect(load).not.toHaveBeenCalled();
    surface.preload();
    surface.preload();
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith(surface.hostId);
    pending[0]?.resolve(real);
    await settle();
    expect(surface.contains(document.body)).toBe(true);
  });

  it('shows only the latest request made while loading, and nothing after a hide', async () => {
    const { load, pending, real, calls } = forged();
    const surface = createLazyPopoverSurface(load, () => {});
    surface.show(view('tooltip'), options);
    surface.show(view('dialog'), options);
    expect(surface.container).toBeNull();
    expect(surface.contains(document.body)).toBe(false);
    pending[0]?.resolve(real);
    await settle();
    expect(calls).toEqual(['show dialog']);

    const second = forged();
    const hidden = createLazyPopoverSurface(second.load, () => {});
    hidden.show(view('tooltip'), options);
    hidden.hide();
    second.pending[0]?.resolve(second.real);
    await settle();
    expect(second.calls).toEqual([]);
    hidden.show(view('tooltip'), options);
    expect(second.calls).toEqual(['show tooltip']);
  });

  it('reports a failed load and tries again at the next request', async () => {
    const { load, pending, real, calls } = forged();
    const onError = vi.fn();
    const surface = createLazyPopoverSurface(load, onError);
    surface.show(view('tooltip'), options);
    pending[0]?.reject(new Error('worker gone'));
    await settle();
    expect(onError).toHaveBeenCalledWith(new Error('worker gone'));
    expect(calls).toEqual([]);
    surface.show(view('tooltip'), options);
    expect(load).toHaveBeenCalledTimes(2);
    pending[1]?.resolve(real);
    await settle();
    expect(calls).toEqual(['show tooltip']);
  });
});
