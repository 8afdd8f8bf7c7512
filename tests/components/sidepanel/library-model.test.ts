/**
 * The library model reads records by query: a keystroke reads only the records its view adds to
 * those the last views showed, and shows the same items as a model that reads them all again.
 */
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../components/sidepanel/facets';
import { createLibraryModel } from '../../../components/sidepanel/library-model';
import { FIXTURE_DOCUMENTS, FIXTURE_DOSSIERS } from '../../fixtures/sidepanel/sample-documents';
import { memoryLibrary } from './memory-library';
import { fakeRecognize } from './render-panel';

async function modelOver() {
  const library = memoryLibrary(FIXTURE_DOCUMENTS, FIXTURE_DOSSIERS);
  const model = createLibraryModel(
    await library.openLibrary(),
    (ids) => library.readRecords(ids),
    (ids) => library.readDocuments(ids),
    fakeRecognize,
  );
  return { model, reads: library.reads.documents };
}

const titles = (view: Awaited<ReturnType<ReturnType<typeof createLibraryModel>['view']>>) =>
  view.items.map((item) => item.doc.title);

describe('library model reads', () => {
  it('the next keystroke of a word reads no record the last view already showed', async () => {
    const { model, reads } = await modelOver();
    const first = await model.view('loonkost', NO_FILTERS, 50);
    expect(first.items.length).toBeGreaterThan(0);
    expect(reads.flat()).toEqual(first.items.map((item) => item.doc.id));
    const before = reads.length;
    for (const prefix of ['loonkoste', 'loonkosten', 'loonkostensubsidie']) {
      const view = await model.view(prefix, NO_FILTERS, 50);
      expect(titles(view)).toEqual(titles(first));
    }
    expect(reads.length).toBe(before);
  });

  it('a view that adds documents reads only those, and shows what a fresh model shows', async () => {
    const { model, reads } = await modelOver();
    const first = await model.view('loonkostensubsidie', NO_FILTERS, 50);
    const shownBefore = new Set(first.items.map((item) => item.doc.id));
    const before = reads.length;
    const second = await model.view('gemeenten ', NO_FILTERS, 50);
    const added = second.items.map((item) => item.doc.id).filter((id) => !shownBefore.has(id));
    expect(added.length).toBeGreaterThan(0);
    expect(reads.slice(before).flat().sort()).toEqual(added.sort());
    const fresh = await (await modelOver()).model.view('gemeenten ', NO_FILTERS, 50);
    expect(titles(second)).toEqual(titles(fresh));
    expect(second.facets).toEqual(fresh.facets);
  });
});
