import { describe, expect, it, vi } from 'vitest';
import type { Citation } from '../../../../data/citations/types';
import type { CitedByRecord, DocumentRecord } from '../../../../data/dataset/types';
import type { LookupEntry } from '../../../../data/messages';
import type { Result } from '../../../../data/result';
import { createCardResolver } from '../../../../entrypoints/content/popover/card-lookup';
import { makeCitation, makeDocument } from '../../../fixtures/builders';

/** A citation with only ids to look up: no chamber, year or numbers for the card to fall back on. */
function citation(ids: string[]): Citation {
  return makeCitation({ ids, chamber: null, vergaderjaar: null, numbers: [], raw: '', end: 0 });
}

function doc(id: string, title: string, citedBy: CitedByRecord[] = []): DocumentRecord {
  return makeDocument({ id, title, chamber: 'TK', citedBy });
}

const DATASET: Record<string, DocumentRecord> = {
  'kst-34352-349': doc('kst-34352-349', 'Monitoringsbrief Participatiewet 2025', [
    { documentId: 'ah-tk-20242025-520', qa: '2', context: 'Zie de monitoringsbrief.', raw: 'kst-34352-349' },
  ]),
  'ah-tk-20242025-520': doc('ah-tk-20242025-520', 'Antwoorden op vragen van het lid De Kort'),
  'ah-ek-20252026-12': doc('ah-ek-20252026-12', 'Antwoord op vragen van het lid Van Rooijen (Eerste Kamer)'),
};

/** `Aanhangsel Handelingen, vergaderjaar …, nr. N`: no chamber named, the Tweede Kamer inferred. */
function inferredAanhangsel(session: string, nr: string): Citation {
  return {
    ...citation([`ah-tk-${session}-${nr}`]),
    kind: 'aanhangsel',
    chamber: 'TK',
    dossier: null,
    chamberInferred: true,
    alternativeIds: [`ah-ek-${session}-${nr}`],
  };
}

/** A background that answers from DATASET, as `lookupCards` does, and records every batch it receives. */
function fakeBackground() {
  const batches: string[][] = [];
  const transport = vi.fn(async (ids: string[]): Promise<Result<LookupEntry[]>> => {
    batches.push(ids);
    return {
      ok: true,
      value: ids.map((id) => ({
        id,
        document: DATASET[id] ?? null,
        dossierTitle: id.includes('34352') ? 'Uitvoering en evaluatie Participatiewet' : null,
        citingTitles: Object.fromEntries(
          (DATASET[id]?.citedBy ?? []).map((place) => [
            place.documentId,
            DATASET[place.documentId]?.title ?? null,
          ]),
        ),
      })),
    };
  });
  return { transport, batches };
}

describe('card resolver', () => {
  it('resolves papers, dossier titles and the titles of citing documents in one lookup', async () => {
    const { transport, batches } = fakeBackground();
    const card = await createCardResolver(transport).resolve(citation(['kst-34352-349']));
    expect(card.lookupOk).toBe(true);
    expect(card.papers[0]?.document?.title).toBe('Monitoringsbrief Participatiewet 2025');
    expect(card.papers[0]?.dossierTitle).toBe('Uitvoering en evaluatie Participatiewet');
    expect(card.citingTitles).toEqual({ 'ah-tk-20242025-520': 'Antwoorden op vragen van het lid De Kort' });
    expect(batches).toEqual([['kst-34352-349']]);
  });

  it('batches the ids asked for in one task into one message and answers repeats from the cache', async () => {
    const { transport, batches } = fakeBackground();
    const resolver = createCardResolver(transport);
    await Promise.all([
      resolver.resolve(citation(['kst-17050-601', 'kst-17050-603'])),
      resolver.resolve(citation(['kst-17050-603', 'kst-17050-605'])),
    ]);
    expect(batches).toEqual([['kst-17050-601', 'kst-17050-603', 'kst-17050-605']]);
    const again = await resolver.resolve(citation(['kst-17050-605']));
    expect(again.papers[0]?.document).toBeNull();
    expect(transport).toHaveBeenCalledTimes(1);
  });

  it('does not keep an answer given while the data is still being imported, and says so on the card', async () => {
    let importing = true;
    const batches: string[][] = [];
    const resolver = createCardResolver(async (ids) => {
      batches.push(ids);
      return {
        ok: true,
        value: ids.map((id) => ({
          id,
          document: importing ? null : (DATASET[id] ?? null),
          dossierTitle: null,
          citingTitles: {},
          ...(importing ? { pending: true } : {}),
        })),
      };
    });
    const during = await resolver.resolve(citation(['kst-34352-349']));
    expect(during.dataPending).toBe(true);
    expect(during.papers[0]?.document).toBeNull();
    importing = false;
    const after = await resolver.resolve(citation(['kst-34352-349']));
    expect(after.dataPending).toBe(false);
    expect(after.papers[0]?.document?.title).toBe('Monitoringsbrief Participatiewet 2025');
    // Asked again after the import; from the cache once the answer was final.
    await resolver.resolve(citation(['kst-34352-349']));
    expect(batches).toEqual([['kst-34352-349'], ['kst-34352-349']]);
  });

  it('splits batches at the protocol limit of 200 ids', async () => {
    const { batches, transport } = fakeBackground();
    const ids = Array.from({ length: 450 }, (_, i) => `kst-1-${i}`);
    const card = await createCardResolver(transport).resolve(citation(ids));
    expect(batches.map((b) => b.length)).toEqual([200, 200, 50]);
    expect(card.papers).toHaveLength(450);
  });

  it('shows the other reading of an inferred chamber when only that one is in the dataset', async () => {
    const { transport, batches } = fakeBackground();
    const card = await createCardResolver(transport).resolve(inferredAanhangsel('20252026', '12'));
    expect(batches).toEqual([['ah-tk-20252026-12'], ['ah-ek-20252026-12']]);
    expect(card.papers.map((paper) => [paper.id, paper.document?.title])).toEqual([
      ['ah-ek-20252026-12', 'Antwoord op vragen van het lid Van Rooijen (Eerste Kamer)'],
    ]);
    expect(card.citation).toMatchObject({
      chamber: 'EK',
      chamberInferred: true,
      ids: ['ah-ek-20252026-12'],
      alternativeIds: ['ah-tk-20252026-12'],
    });
  });

  it('keeps the likelier reading when it is in the dataset, or when neither is', async () => {
    const { transport, batches } = fakeBackground();
    const resolver = createCardResolver(transport);
    const held = await resolver.resolve(inferredAanhangsel('20242025', '520'));
    expect(held.citation.ids).toEqual(['ah-tk-20242025-520']);
    expect(batches).toEqual([['ah-tk-20242025-520']]);
    const neither = await resolver.resolve(inferredAanhangsel('20252026', '99'));
    expect(neither.citation.ids).toEqual(['ah-tk-20252026-99']);
    expect(neither.citation.chamber).toBe('TK');
    expect(neither.papers[0]?.document).toBeNull();
  });

  it.each([
    ['an error result', async (): Promise<Result<LookupEntry[]>> => ({ ok: false, error: 'db closed' })],
    [
      'a thrown transport error',
      async (): Promise<Result<LookupEntry[]>> => Promise.reject(new Error('gone')),
    ],
  ])('turns %s into a card without data, and asks again next time', async (_name, failing) => {
    const { transport } = fakeBackground();
    const flaky = vi.fn(failing);
    const resolver = createCardResolver((ids) => (flaky.mock.calls.length === 0 ? flaky() : transport(ids)));
    const failed = await resolver.resolve(citation(['kst-34352-349']));
    expect(failed.lookupOk).toBe(false);
    expect(failed.papers).toEqual([{ id: 'kst-34352-349', document: null, dossierTitle: null }]);
    const retried = await resolver.resolve(citation(['kst-34352-349']));
    expect(retried.lookupOk).toBe(true);
    expect(retried.papers[0]?.document?.id).toBe('kst-34352-349');
  });
});
