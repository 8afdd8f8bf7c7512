import { describe, expect, it } from 'vitest';
import { createLinkedNames, referencedDocuments } from '../../../components/annotations/linked-names';
import { MAX_LOOKUP_IDS } from '../../../data/messages';

describe('linked names', () => {
  it('names the documents a text refers to by the citation as written', () => {
    expect(
      referencedDocuments('zie Kamerstukken II 2025/26, 34352, nr. 349').map((d) => [d.id, d.citation]),
    ).toEqual([['kst-34352-349', 'Kamerstukken II 2025/26, 34352, nr. 349']]);
  });

  it('asks the dataset once per id, in batches of at most MAX_LOOKUP_IDS', async () => {
    const asked: string[][] = [];
    const names = createLinkedNames(async (ids) => {
      asked.push(ids);
      return {
        ok: true,
        value: ids.map((id) => ({
          id,
          document:
            id === 'kst-1-1' ? ({ citation: 'Kamerstukken 1, nr. 1', title: 'Brief' } as never) : null,
          dossierTitle: null,
          citingTitles: {},
        })),
      };
    });
    const ids = Array.from({ length: MAX_LOOKUP_IDS + 1 }, (_, i) => `kst-${i + 1}-1`);
    const named = await names.resolve(ids);
    expect(asked.map((batch) => batch.length)).toEqual([MAX_LOOKUP_IDS, 1]);
    expect(named[0]).toMatchObject({ id: 'kst-1-1', citation: 'Kamerstukken 1, nr. 1', title: 'Brief' });
    await names.resolve(['kst-1-1']);
    expect(asked).toHaveLength(2);
    expect(names.now(['kst-1-1'])[0]?.title).toBe('Brief');
  });
});
