/** The library before its stored index is open: typed references answer, text results follow. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp } from '../../../components/sidepanel/PanelApp';
import { createPanelState, memoryHash, type PanelState } from '../../../components/sidepanel/panel-state';
import type { OpenedLibrary } from '../../../data/search/open-segments';
import { TRANSLATORS } from '../../fixtures/translators';
import { fakeSources, settle } from './render-panel';

const root = document.createElement('div');
afterEach(() => {
  render(null, root);
  root.remove();
});

/** A started, rendered panel whose library is opened only on `release()`. */
async function panelWithHeldLibrary(): Promise<{ state: PanelState; release: () => void }> {
  const fake = fakeSources();
  const open = fake.sources.openLibrary;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  fake.sources.openLibrary = async (): Promise<OpenedLibrary> => {
    await held;
    return open();
  };
  const state = createPanelState(fake.sources, { hash: memoryHash('#/'), pollMs: 1 });
  void state.start();
  document.body.append(root);
  act(() => {
    render(<PanelApp state={state} t={TRANSLATORS.nl} locale="nl" />, root);
  });
  await settle();
  return { state, release };
}

async function type(value: string) {
  const input = root.querySelector('#search-input') as HTMLInputElement;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

const titles = () => [...root.querySelectorAll('.result-title')].map((n) => n.textContent);

describe('search while the library is being opened', () => {
  it('shows no text results yet, then those of the query typed meanwhile', async () => {
    const { state, release } = await panelWithHeldLibrary();
    expect(state.searchReady.value).toBe(false);
    await type('loonkostensubsidie');
    expect(titles()).toEqual([]);
    expect(state.library.value.pending).toBe(true);
    release();
    await settle();
    expect(state.searchReady.value).toBe(true);
    expect(titles()).toEqual([
      'Antwoord op vragen van het lid De Kort over het rapport Re-integratiedienstverlening',
      'Monitoringsbrief Participatiewet 2025',
    ]);
    expect(root.querySelector('.result-count')?.textContent).toBe('2 resultaten');
  });

  it('a typed reference is listed and opens on Enter before the library is open', async () => {
    const { state } = await panelWithHeldLibrary();
    await type('kst-34352-349');
    expect(state.searchReady.value).toBe(false);
    expect(state.library.value.references.map((r) => r.doc?.id)).toEqual(['kst-34352-349']);
    const form = root.querySelector('search form');
    form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(state.route.value).toMatchObject({ name: 'doc', id: 'kst-34352-349' });
  });
});
