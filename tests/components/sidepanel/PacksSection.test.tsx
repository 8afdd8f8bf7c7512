import { afterEach, describe, expect, it } from 'vitest';
import type { PackRecord } from '../../../data/db/records';
import type { PackImportProgress } from '../../../data/messages';
import { fakeSources, type RenderedPanel, renderPanel, settle } from './render-panel';

let panel: RenderedPanel | undefined;
afterEach(() => panel?.unmount());

const PACK: PackRecord = {
  id: 'vergaderjaar-2024-2025',
  split: 'vergaderjaar',
  key: '2024-2025',
  version: '1-aaaaaaaaaaaa',
  contentHash: 'a'.repeat(64),
  counts: { documents: 15, dossiers: 4 },
  inBundled: 2,
  bytes: 3 * 1024,
  fileName: 'jaar.pack.json.gz',
  importedAt: '2026-05-01T12:00:00.000Z',
};

function done(fields: Partial<PackImportProgress>): PackImportProgress {
  const base = { fraction: 1, fileName: 'jaar.pack.json.gz', replaced: null, error: null };
  return { state: 'done', packId: PACK.id, version: PACK.version, ...base, ...fields };
}

/** Chooses `file` in the pack file input, as a reader does. */
async function choose(root: HTMLElement, file: File) {
  const input = root.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

describe('the packs in "about the data"', () => {
  it('lists every pack with version, counts, size and date, under a labelled file input', async () => {
    const { sources } = fakeSources({ listPacks: async () => [PACK] });
    panel = await renderPanel('#/about', sources);
    expect(panel.all('.pack-name')).toEqual(['vergaderjaar-2024-2025']);
    expect(panel.text('.pack-facts')).toBe(
      'versie 1-aaaaaaaaaaaa · 15 documenten, 4 dossiers · 3 kB · geladen op 1 mei 2026',
    );
    const input = panel.root.querySelector('input[type=file]');
    expect(panel.root.querySelector(`label[for="${input?.id}"]`)?.textContent).toBe(
      'Pakket toevoegen uit een bestand',
    );
  });

  it('adds a pack and says when it updated one, reading the library again', async () => {
    let packs: PackRecord[] = [];
    let reads = 0;
    const open = fakeSources().sources.openLibrary;
    const { sources } = fakeSources({
      listPacks: async () => packs,
      openLibrary: () => {
        reads += 1;
        return open();
      },
      addPack: async () => {
        packs = [PACK];
        return { ok: true, value: done({ replaced: '1-000000000000' }) };
      },
    });
    panel = await renderPanel('#/about', sources, 'en');
    const before = reads;
    await choose(panel.root, new File(['x'], 'jaar.pack.json.gz'));
    expect(panel.text('.pack-status')).toBe(
      'Pack vergaderjaar-2024-2025 is updated: version 1-000000000000 was replaced by version 1-aaaaaaaaaaaa.',
    );
    expect(panel.all('.pack-name')).toEqual(['vergaderjaar-2024-2025']);
    expect(reads).toBeGreaterThan(before);
  });

  it('shows a refusal in an alert, and follows an import across a background that stopped', async () => {
    const refused = fakeSources({
      addPack: async () => ({
        ok: true,
        value: done({ state: 'failed', packId: null, version: null, error: 'Not a usable pack: x.' }),
      }),
    }).sources;
    panel = await renderPanel('#/about', refused);
    await choose(panel.root, new File(['x'], 'kapot.gz'));
    expect(panel.text('.pack-error')).toBe(
      'kapot.gz is niet geladen; de gegevens die al geladen waren, blijven zoals ze waren. Reden: Not a usable pack: x.',
    );
    panel.unmount();

    let polls = 0;
    const stopped = fakeSources({
      addPack: async () => ({ ok: false, error: 'The message port closed before a response was received.' }),
      packImportStatus: async () => {
        polls += 1;
        return polls < 3
          ? { progress: done({ state: 'importing', fraction: 0.25 }), waiting: 1 }
          : { progress: done({}), waiting: 0 };
      },
    }).sources;
    panel = await renderPanel('#/about', stopped, 'nl', { pollMs: 1 });
    await choose(panel.root, new File(['x'], 'jaar.pack.json.gz'));
    await settle();
    expect(panel.text('.pack-status')).toBe(
      'Pakket vergaderjaar-2024-2025 (versie 1-aaaaaaaaaaaa) is geladen.',
    );
  });

  it('removes a pack only after the reader confirms', async () => {
    let packs = [PACK];
    const removed: string[] = [];
    const { sources } = fakeSources({
      listPacks: async () => packs,
      removePack: async (id) => {
        removed.push(id);
        packs = [];
        return true;
      },
    });
    panel = await renderPanel('#/about', sources);
    await panel.click(panel.root.querySelector('.pack-remove'));
    expect(removed).toEqual([]);
    const confirm = panel.root.querySelector<HTMLButtonElement>('.pack-confirm button');
    expect(document.activeElement).toBe(confirm);
    await panel.click(panel.root.querySelectorAll('.pack-confirm button')[1]);
    expect(removed).toEqual([]);
    await panel.click(panel.root.querySelector('.pack-remove'));
    await panel.click(panel.root.querySelector('.pack-confirm button'));
    expect(removed).toEqual(['vergaderjaar-2024-2025']);
    expect(panel.text('.pack-status')).toBe('Pakket vergaderjaar-2024-2025 is verwijderd.');
    expect(panel.text('.packs-none')).toBe('Er zijn geen pakketten toegevoegd.');
  });

  it('follows an import it did not start (the bundled packs on a first start) and lists the packs when it ends', async () => {
    let packs: PackRecord[] = [];
    let polls = 0;
    const { sources } = fakeSources({
      listPacks: async () => packs,
      packImportStatus: async () => {
        polls += 1;
        if (polls < 3) return { progress: done({ state: 'idle', packId: null, version: null }), waiting: 0 };
        if (polls < 6) return { progress: done({ state: 'importing', fraction: 0.5 }), waiting: 1 };
        packs = [PACK];
        return { progress: done({}), waiting: 0 };
      },
    });
    panel = await renderPanel('#/about', sources, 'nl', { pollMs: 1 });
    for (let i = 0; i < 50 && panel.all('.pack-name').length === 0; i++) await settle();
    expect(panel.all('.pack-name')).toEqual(['vergaderjaar-2024-2025']);
    expect(polls).toBeGreaterThanOrEqual(6);
  });

  it('lists a pack whose import started and ended between two looks', async () => {
    let packs: PackRecord[] = [];
    let polls = 0;
    const { sources } = fakeSources({
      listPacks: async () => packs,
      packImportStatus: async () => {
        polls += 1;
        if (polls < 3) return { progress: done({ state: 'idle', packId: null, version: null }), waiting: 0 };
        packs = [PACK];
        return { progress: done({}), waiting: 0 };
      },
    });
    panel = await renderPanel('#/about', sources, 'nl', { pollMs: 1 });
    for (let i = 0; i < 50 && panel.all('.pack-name').length === 0; i++) await settle();
    expect(panel.all('.pack-name')).toEqual(['vergaderjaar-2024-2025']);
  });

  it("words a refusal in the reader's language, with its detail", async () => {
    const refusing = (refusal: PackImportProgress['refusal']) =>
      fakeSources({
        addPack: async () => ({
          ok: true,
          value: done({
            state: 'failed',
            packId: null,
            version: null,
            error: 'Not a usable pack: x.',
            refusal,
          }),
        }),
      }).sources;
    panel = await renderPanel('#/about', refusing({ code: 'tampered', detail: '' }));
    await choose(panel.root, new File(['x'], 'jaar.pack.json.gz'));
    expect(panel.text('.pack-error')).toBe(
      'jaar.pack.json.gz is niet geladen; de gegevens die al geladen waren, blijven zoals ze waren. Reden: de inhoud klopt niet met de hash: het bestand is veranderd nadat het gemaakt is.',
    );
    panel.unmount();
    panel = await renderPanel('#/about', refusing({ code: 'schema', detail: '9' }), 'en');
    await choose(panel.root, new File(['x'], 'year.pack.json.gz'));
    expect(panel.text('.pack-error')).toBe(
      'year.pack.json.gz was not loaded; the data already loaded stays as it was. Reason: its records have schema 9, which this version of Kamerlens does not read; use a pack made for this version.',
    );
  });
});
