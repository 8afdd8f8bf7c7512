// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../../data/dataset/types';
import { buildDataset } from '../../../../data/pipeline/build';
import { buildWithOpenData } from '../../../../data/pipeline/opendata/build-opendata';
import { formatReport } from '../../../../data/pipeline/opendata/build-report';
import { commitPage, loadEntities, readState } from '../../../../data/pipeline/opendata/store';
import { fixtureRawEntities, fixtureStore, tempDir } from '../../../fixtures/opendata/fixture-store';

const byId = (documents: DocumentRecord[], id: string) => documents.find((d) => d.ids.includes(id));

describe('buildWithOpenData', () => {
  const { dataset, report } = buildWithOpenData({ opendataDir: fixtureStore() });
  const base = buildDataset().dataset;

  it('merges a paper known to both into one record: text from the source, metadata added', () => {
    const letter = byId(dataset.documents, '2024D50204');
    const source = byId(base.documents, 'kst-34352-330');
    expect(letter?.id).toBe('kst-34352-330');
    expect(letter).toMatchObject({
      stub: false,
      source: source?.source,
      summary: source?.summary,
      sections: source?.sections,
      authors: source?.authors,
      kind: { soort: 'Brief regering' },
      addressees: [{ name: 'Voorzitter van de Tweede Kamer der Staten-Generaal' }],
      zaken: [{ id: '2024Z21268', documents: [] }],
    });
    expect(dataset.documents.filter((d) => d.ids.includes('2024D50204'))).toHaveLength(1);
  });

  it('fills a stub the sources cite, keeping where it is cited', () => {
    const motion = byId(dataset.documents, 'kst-36600-XV-86');
    const stub = byId(base.documents, 'kst-36600-XV-86');
    expect(stub?.citedBy.length).toBeGreaterThan(0);
    expect(motion).toMatchObject({
      stub: true,
      citedBy: stub?.citedBy,
      ids: ['kst-36600-XV-86', '2024D46110'],
      title: 'Motie van het lid Jansen over een onafhankelijke evaluatie van de re-integratie',
      date: '2024-11-21',
      kind: { group: 'motie' },
    });
  });

  it('lists the other papers of a zaak by their record ids', () => {
    expect(byId(dataset.documents, '2024D43182')?.zaken).toEqual([
      {
        id: '2024Z15690',
        soort: 'Schriftelijke vragen',
        title: expect.stringMatching(/^Vragen van het lid/),
        documents: ['2024D39310'],
      },
    ]);
    expect(byId(dataset.documents, '2024D39310')?.zaken?.[0]?.documents).toEqual(['ah-tk-20242025-520']);
  });

  it('adds metadata-only records honestly: no summary, no text, stub with open-data provenance', () => {
    const added = dataset.documents.filter(
      (d) => d.provenance?.title === 'opendata' && d.citedBy.length === 0,
    );
    expect(added.map((d) => d.id).sort()).toEqual(['2024D39310', '2025D09876', '2025D41200']);
    for (const record of added) {
      expect(record).toMatchObject({
        stub: true,
        source: null,
        summary: null,
        keyPoints: [],
        sections: [],
        qa: [],
      });
    }
  });

  it('keeps the source value on a conflict and reports it; reports skips and disagreements', () => {
    expect(byId(dataset.documents, 'ah-tk-20242025-520')?.title).toBe(
      byId(base.documents, 'ah-tk-20242025-520')?.title,
    );
    const lines = formatReport(report);
    expect(lines[0]).toBe(
      'open data: 6 papers mapped; 2 merged with source documents, 1 filled in cited stubs, 3 added with metadata only, 0 left out by filters',
    );
    expect(lines).toContain(
      'skipped 1: document without documentNummer (e.g. d0c00000-0000-4000-8000-00000000bad1)',
    );
    expect(lines).toContain(
      'skipped 1: dossier without a well-formed nummer (e.g. 0d055e00-0000-4000-8000-00000000bad1 (none))',
    );
    expect(lines.filter((l) => l.startsWith('conflict: ah-tk-20242025-520 title:'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('identifiers disagree:'))).toHaveLength(1);
  });

  it('reports a date conflict with a source document and keeps the source date', () => {
    const store = fixtureStore((entities) =>
      entities.map((e) =>
        e.fields.documentNummer === '2024D50204'
          ? { ...e, fields: { ...e.fields, datum: '2024-12-17T00:00:00' } }
          : e,
      ),
    );
    const built = buildWithOpenData({ opendataDir: store });
    expect(byId(built.dataset.documents, 'kst-34352-330')?.date).toBe('2024-12-16');
    expect(built.report.conflicts).toContain(
      'kst-34352-330 date: "2024-12-16" kept, open data says "2024-12-17"',
    );
  });

  it('adds the dossiers its records name, and the manifest title wins', () => {
    expect(dataset.dossiers.find((d) => d.id === '22112')).toEqual({
      id: '22112',
      title: 'Nieuwe Commissievoorstellen en initiatieven van de lidstaten van de Europese Unie',
      provenance: 'Tweede Kamer open data (Kamerstukdossier).',
    });
    expect(dataset.dossiers.find((d) => d.id === '34352')).toEqual(
      base.dossiers.find((d) => d.id === '34352'),
    );
  });

  it.each([
    [{ since: '2025-01-01' }, ['2025D09876', '2025D41200']],
    [{ dossiers: ['36600-XV'] }, ['2024D46110']],
    [{ dossiers: ['22112'] }, ['2025D41200']],
    [{ kinds: ['motie'] }, ['2024D46110']],
    [{ kinds: ['Schriftelijke vragen'] }, ['2024D39310']],
  ])('filters open-data papers by %j; source documents stay', (filters, kept) => {
    const built = buildWithOpenData({ opendataDir: fixtureStore(), filters });
    const fromOpenData = built.dataset.documents
      .filter((d) => d.kind)
      .flatMap((d) => d.ids.filter((id) => /D\d/.test(id)));
    expect(fromOpenData.sort()).toEqual(kept);
    expect(built.dataset.documents.filter((d) => !d.stub)).toHaveLength(
      base.documents.filter((d) => !d.stub).length,
    );
  });

  it('after a second sync, updates replace and deletions remove', () => {
    const dir = fixtureStore();
    const changes = fixtureRawEntities('updates.xml');
    for (const [category, element] of [
      ['Document', 'document'],
      ['Kamerstukdossier', 'kamerstukdossier'],
    ] as const) {
      commitPage(
        dir,
        readState(dir, category),
        changes.filter((e) => e.element === element),
        '2',
      );
    }
    const built = buildWithOpenData({ opendataDir: dir });
    expect(byId(built.dataset.documents, '2025D09876')).toBeUndefined();
    expect(byId(built.dataset.documents, 'kst-36600-XV-86')?.kind?.soort).toBe('Motie (gewijzigd/nader)');
    expect(byId(built.dataset.documents, '2025D51855')).toMatchObject({
      id: 'kst-34352-349',
      stub: false,
      kind: { soort: 'Brief regering' },
    });
    expect(built.report.mergedWithSource).toBe(3);
  });

  it('two papers whose numbers give the same official id: reported, both keep only their D number', () => {
    const store = fixtureStore((entities) =>
      entities.map((e) =>
        e.fields.documentNummer === '2025D09876'
          ? {
              ...e,
              fields: { ...e.fields, volgnummer: '330' },
              refs: { kamerstukdossier: ['0d055e00-0000-4000-8000-000000034352'] },
            }
          : e,
      ),
    );
    const built = buildWithOpenData({ opendataDir: store });
    expect(built.report.identifierDisagreements).toContain(
      'kst-34352-330 follows from the numbers of 2024D50204, 2025D09876; none of them gets it',
    );
    expect(byId(built.dataset.documents, '2025D09876')).toMatchObject({
      id: '2025D09876',
      ids: ['2025D09876'],
      citation: null,
    });
    // The source document keeps its own id and still merges by its D number.
    expect(byId(built.dataset.documents, '2024D50204')?.id).toBe('kst-34352-330');
  });

  it('is deterministic', () => {
    expect(buildWithOpenData({ opendataDir: fixtureStore() }).dataset.contentHash).toBe(dataset.contentHash);
  });

  it('refuses a folder with no synced documents', () => {
    expect(() => buildWithOpenData({ opendataDir: tempDir() })).toThrow('no synced Document category here');
  });

  it('sanity: the fixture store holds what the fixtures hold', () => {
    const dir = fixtureStore();
    expect(loadEntities(dir, 'Document').size).toBe(fixtureRawEntities('document.xml').length);
  });
});
