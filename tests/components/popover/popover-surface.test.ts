import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PopoverActions } from '../../../components/popover/card-model';
import { createPopoverSurface, type PopoverView } from '../../../components/popover/popover-surface';

// The surface's job is hosting and placing; the card text is covered by the component tests.
vi.mock('../../../data/citations', () => ({
  formatCitation: () => 'Kamerstukken II 2025/26, 34352, nr. 349',
  officialUrl: () => null,
  parseCanonicalId: () => null,
}));

const i18n = { t: (key: string) => key, locale: 'nl' };
const HOST_ID = 'kamerlens-popover-test';
const actions: PopoverActions = {
  openSidePanel: async () => ({ ok: true, value: { shown: true } }),
  copyText: async () => true,
  close: () => {},
};

/** Hosts with a shadow root of `mode` (the release build's is closed); `roots` keeps each root. */
function hostFactory(mode: ShadowRootMode = 'open') {
  const mounts: HTMLElement[] = [];
  const roots: ShadowRoot[] = [];
  const mountHost = vi.fn(async () => {
    const shadowHost = document.createElement('div');
    const shadow = shadowHost.attachShadow({ mode });
    const uiContainer = document.createElement('div');
    shadow.append(uiContainer);
    document.body.append(shadowHost);
    mounts.push(shadowHost);
    roots.push(shadow);
    return { shadowHost, shadow, uiContainer };
  });
  return { mountHost, mounts, roots };
}

function view(anchor: HTMLElement, mode: PopoverView['mode'] = 'tooltip'): PopoverView {
  const citation = {
    kind: 'kamerstuk' as const,
    chamber: 'TK' as const,
    vergaderjaar: '2025-2026',
    dossier: '34352',
    dossierSuffix: null,
    rijkswet: null,
    numbers: ['349'],
    item: null,
    pages: null,
    ids: ['kst-34352-349'],
    raw: 'Kamerstukken II 2025/26, 34352, nr. 349',
    start: 0,
    end: 0,
  };
  return { anchor, content: { status: 'loading', citation }, mode, keyboardHint: false, actions };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('popover surface', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('creates the shadow host lazily, once, with the id the reference points at', async () => {
    const anchor = document.createElement('span');
    document.body.append(anchor);
    const { mountHost, mounts } = hostFactory();
    const surface = createPopoverSurface(i18n, mountHost, HOST_ID);
    expect(mountHost).not.toHaveBeenCalled();
    surface.show(view(anchor), { focus: false, onAnchorGone: () => {} });
    surface.show(view(anchor), { focus: false, onAnchorGone: () => {} });
    await settle();
    expect(mountHost).toHaveBeenCalledTimes(1);
    expect(mounts[0]?.id).toBe(HOST_ID);
    expect(surface.hostId).toBe(HOST_ID);
    const card = mounts[0]?.shadowRoot?.querySelector('.kl-popover');
    expect(card?.getAttribute('role')).toBe('tooltip');
    expect(surface.contains(mounts[0] ?? null)).toBe(true);
    expect(surface.contains(card ?? null)).toBe(true);
    expect(surface.contains(anchor)).toBe(false);
  });

  it('counts what is inside a closed root as its own', async () => {
    const anchor = document.createElement('span');
    document.body.append(anchor);
    const { mountHost, roots } = hostFactory('closed');
    const surface = createPopoverSurface(i18n, mountHost, HOST_ID);
    surface.show(view(anchor), { focus: false, onAnchorGone: () => {} });
    await settle();
    const card = roots[0]?.querySelector('.kl-popover');
    expect(card).toBeTruthy();
    expect(surface.contains(card ?? null)).toBe(true);
    expect(surface.contains(anchor)).toBe(false);
  });

  it('moves focus into a dialog once it is placed, and empties the host on hide', async () => {
    const anchor = document.createElement('span');
    document.body.append(anchor);
    const { mountHost, mounts } = hostFactory();
    const surface = createPopoverSurface(i18n, mountHost, HOST_ID);
    surface.show(view(anchor, 'dialog'), { focus: true, onAnchorGone: () => {} });
    await settle();
    const shadow = mounts[0]?.shadowRoot;
    expect(shadow?.activeElement?.getAttribute('role')).toBe('dialog');
    surface.hide();
    await settle();
    expect(shadow?.querySelector('.kl-popover')).toBeNull();
  });

  it('reports an anchor that left the page', async () => {
    const anchor = document.createElement('span');
    document.body.append(anchor);
    const { mountHost } = hostFactory();
    const surface = createPopoverSurface(i18n, mountHost, HOST_ID);
    const gone = vi.fn();
    surface.show(view(anchor), { focus: false, onAnchorGone: gone });
    await settle();
    anchor.remove();
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(gone).toHaveBeenCalled();
  });
});
