/**
 * Renders the side panel over fixture data with injected sources, for component tests:
 * `await renderPanel('#/doc/…')` → the container, the state, and helpers to query it.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PanelApp } from '../../../components/sidepanel/PanelApp';
import type { PageScan, PanelDatasetInfo, PanelSources } from '../../../components/sidepanel/panel-sources';
import {
  createPanelState,
  memoryHash,
  type PanelState,
  type PanelStateOptions,
} from '../../../components/sidepanel/panel-state';
import type { Citation } from '../../../data/citations/types';
import type { DocumentRecord } from '../../../data/dataset/types';
import type { ImportProgress, PageReference } from '../../../data/messages';
import { makeCitation } from '../../fixtures/builders';
import { FIXTURE_DOCUMENTS, FIXTURE_DOSSIERS } from '../../fixtures/sidepanel/sample-documents';
import { type Lang, TRANSLATORS } from '../../fixtures/translators';
import { memoryLibrary } from './memory-library';

const FAKE_PATTERNS: [RegExp, (m: RegExpExecArray) => string[]][] = [
  [/\bkst-\d+-\d+\b/g, (m) => [m[0]]],
  [/\b\d{4}Z\d{5}\b/g, (m) => [m[0]]],
  [/Kamerstuk (\d\d) ?(\d{3}),? nr\.? (\d+)/g, (m) => [`kst-${m[1]}${m[2]}-${m[3]}`]],
  [/Aanhangsel Handelingen II 2024\/25, nr\. (\d+)/g, (m) => [`ah-tk-20242025-${m[1]}`]],
];

/** A small stand-in recognizer for the forms the fixtures use. */
export function fakeRecognize(text: string): Citation[] {
  const found: Citation[] = [];
  for (const [pattern, ids] of FAKE_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const exec = m as unknown as RegExpExecArray;
      found.push(makeCitation({ raw: m[0], ids: ids(exec), start: m.index ?? 0 }));
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export const LOADED_INFO: PanelDatasetInfo = {
  dataset: {
    datasetVersion: 'ds-1a2b3c',
    schemaVersion: 1,
    contentHash: 'abc123',
    importedAt: '2026-11-22T08:00:00.000Z',
    counts: { documents: 4, stubs: 2, references: 3, dossiers: 1 },
    sources: [{ file: '000_5b0e6dc1a4e276c7.txt', sha256: 'f'.repeat(64) }],
  },
  importState: 'done',
  importError: null,
};

/** Sources over the fixtures; `overrides` replace single functions (spies, failures). */
export function fakeSources(
  overrides: Partial<PanelSources> = {},
  documents: DocumentRecord[] = FIXTURE_DOCUMENTS,
) {
  const calls = { revealed: [] as number[], copied: [] as string[] };
  const progress: ImportProgress = { state: 'done', fraction: 1, datasetVersion: 'ds-1a2b3c', error: null };
  const references: PageReference[] = [];
  const library = memoryLibrary(documents, FIXTURE_DOSSIERS);
  const sources: PanelSources = {
    openLibrary: library.openLibrary,
    readRecords: library.readRecords,
    readDocuments: library.readDocuments,
    dossierTitles: library.dossierTitles,
    datasetInfo: async () => LOADED_INFO,
    importProgress: async () => progress,
    pageReferences: async (): Promise<PageScan> => ({
      ok: true,
      tabId: 7,
      title: 'Fixture page',
      url: 'http://127.0.0.1/page.html',
      references,
    }),
    revealReference: async (_tab, group) => {
      calls.revealed.push(group);
      return true;
    },
    watchActiveTab: () => () => undefined,
    watchPageReferences: () => () => undefined,
    copyText: async (text) => {
      calls.copied.push(text);
    },
    recognize: fakeRecognize,
    activeSite: async () => null,
    setSiteEnabled: async () => null,
    setAllSitesEnabled: async () => false,
    storageEstimate: async () => ({ usage: 52_428_800, quota: 2_147_483_648, persisted: false }),
    persistStorage: async () => true,
    listPacks: async () => [],
    addPack: async () => ({ ok: false, error: 'no background' }),
    packImportStatus: async () => ({
      progress: {
        state: 'idle',
        fraction: 0,
        fileName: null,
        packId: null,
        version: null,
        replaced: null,
        error: null,
      },
      waiting: 0,
    }),
    removePack: async () => false,
    ...overrides,
  };
  return { sources, calls, references, reads: library.reads };
}

/** Lets pending promises and signal effects settle, inside `act`. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export interface RenderedPanel {
  root: HTMLElement;
  state: PanelState;
  text(selector: string): string | null;
  all(selector: string): string[];
  click(element: Element | null | undefined): Promise<void>;
  type(input: Element | null, value: string): Promise<void>;
  unmount(): void;
}

/** Renders the panel at `hash` over `sources`, started and settled. */
export async function renderPanel(
  hash = '#/',
  sources: PanelSources = fakeSources().sources,
  lang: Lang = 'nl',
  options: PanelStateOptions = {},
): Promise<RenderedPanel> {
  const root = document.createElement('div');
  document.body.append(root);
  const state = createPanelState(sources, { hash: memoryHash(hash), pollMs: 1, ...options });
  await act(async () => {
    await state.start();
  });
  act(() => {
    render(<PanelApp state={state} t={TRANSLATORS[lang]} locale={lang} />, root);
  });
  await settle();
  const norm = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() ?? null;
  return {
    root,
    state,
    text: (selector) => norm(root.querySelector(selector)?.textContent),
    all: (selector) => [...root.querySelectorAll(selector)].map((n) => norm(n.textContent) ?? ''),
    async click(element) {
      if (!element) throw new Error('nothing to click');
      await act(() => {
        (element as HTMLElement).click();
      });
      await settle();
    },
    async type(input, value) {
      if (!(input instanceof HTMLInputElement)) throw new Error('not an input');
      await act(() => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await settle();
    },
    unmount() {
      render(null, root);
      root.remove();
    },
  };
}
