// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../../../data/pipeline/opendata/build-report';
import type { Category } from '../../../../data/pipeline/opendata/categories';
import type { RawEntity } from '../../../../data/pipeline/opendata/entity';
import { mapDocument } from '../../../../data/pipeline/opendata/map-document';
import { indexOpenData } from '../../../../data/pipeline/opendata/open-data-index';
import { fixtureRawEntities } from '../../../fixtures/opendata/fixture-store';

const FILES: Record<Category, string> = {
  Kamerstukdossier: 'kamerstukdossier.xml',
  Document: 'document.xml',
  DocumentVersie: 'documentversie.xml',
  DocumentActor: 'documentactor.xml',
  Zaak: 'zaak.xml',
  ZaakActor: 'zaakactor.xml',
};

function setup(edit: (e: RawEntity) => RawEntity = (e) => e) {
  const index = indexOpenData(
    (category) => new Map(fixtureRawEntities(FILES[category]).map((e) => [e.id, edit(e)])),
  );
  const report = emptyReport();
  const map = (guid: string) => {
    const entity = index.documents.get(`d0c00000-0000-4000-8000-${guid}`);
    if (!entity) throw new Error(`no fixture document ${guid}`);
    return mapDocument(entity, index, report)?.record ?? null;
  };
  return { map, report };
}

describe('mapDocument, entity by entity', () => {
  it('a letter to parliament: the kst id from dossier and volgnummer, onderwerp as its title, titel as the dossier title', () => {
    const { map, report } = setup();
    expect(map('000000000001')).toMatchObject({
      id: 'kst-34352-330',
      ids: ['kst-34352-330', '2024D50204'],
      stub: true,
      source: null,
      type: 'kamerstuk',
      title: 'Voortgang Participatiewet in balans',
      subject: null,
      date: '2024-12-16',
      vergaderjaar: '2024-2025',
      chamber: 'TK',
      dossier: '34352',
      dossierSuffix: null,
      dossierTitle: 'Uitvoering en evaluatie Participatiewet',
      citation: 'Kamerstukken II 2024/25, 34352, nr. 330',
      officialUrl: 'https://zoek.officielebekendmakingen.nl/kst-34352-330.html',
      kind: {
        soort: 'Brief regering',
        group: 'brief',
        nl: 'Brief regering',
        en: 'Letter from the government',
      },
      authors: [
        {
          name: 'J.N.J. Nobel',
          role: 'staatssecretaris',
          portfolio: 'Participatie en Integratie',
          party: null,
        },
      ],
      addressees: [
        {
          name: 'Voorzitter van de Tweede Kamer der Staten-Generaal',
          role: null,
          portfolio: null,
          party: null,
        },
      ],
      zaken: [
        {
          id: '2024Z21268',
          soort: 'Brief regering',
          title: 'Voortgang Participatiewet in balans',
          documents: [],
        },
      ],
      summary: null,
      summarySource: null,
      qa: [],
    });
    expect(report.identifierDisagreements).toEqual([]);
  });

  it('an answer to written questions: the ah-tk id from aanhangselnummer, the askers from its zaak', () => {
    const record = setup().map('000000000002');
    expect(record).toMatchObject({
      id: 'ah-tk-20242025-520',
      ids: ['ah-tk-20242025-520', '2024D43182'],
      type: 'aanhangsel',
      dossier: null,
      citation: 'Aanhangsel Handelingen II 2024/25, nr. 520',
      askedBy: [{ name: 'H.D. de Kort', role: 'lid', party: 'VVD', portfolio: null }],
      kind: { group: 'antwoord', en: 'Answer to written questions' },
    });
    expect(record?.title).toMatch(/^Antwoord op vragen van het lid De Kort over/);
    expect(record?.subject).toMatch(/^Antwoord op vragen van het lid De Kort \(VVD\) over/);
  });

  it('written questions with only a document number: the D number is the id, linked to the tweedekamer.nl page', () => {
    expect(setup().map('000000000003')).toMatchObject({
      id: '2024D39310',
      ids: ['2024D39310'],
      type: 'document',
      citation: null,
      officialUrl: 'https://www.tweedekamer.nl/kamerstukken/detail?did=2024D39310',
      authors: [{ name: 'H.D. de Kort', role: 'lid', party: 'VVD' }],
      kind: { soort: 'Schriftelijke vragen', group: 'vragen', en: 'Written questions' },
    });
  });

  it('a motion: signatories in order with their parties, dossier with toevoeging', () => {
    expect(setup().map('000000000004')).toMatchObject({
      id: 'kst-36600-XV-86',
      dossier: '36600',
      dossierSuffix: 'XV',
      title: 'Motie van het lid Jansen over een onafhankelijke evaluatie van de re-integratie',
      authors: [
        { name: 'A. Jansen', role: 'lid', party: 'SP' },
        { name: 'B. de Vries', role: 'lid', party: 'CDA' },
      ],
      kind: { soort: 'Motie', group: 'motie', en: 'Motion' },
    });
  });

  it('an unknown soort keeps its own label in both languages', () => {
    expect(setup().map('000000000005')?.kind).toEqual({
      soort: 'Lijst van toezeggingen',
      group: 'onbekend',
      nl: 'Lijst van toezeggingen',
      en: 'Lijst van toezeggingen',
    });
  });

  it('a stated externeidentifier that disagrees with the derived id: reported, neither used', () => {
    const { map, report } = setup();
    const record = map('000000000006');
    expect(record?.id).toBe('2025D41200');
    expect(record?.ids).toEqual(['2025D41200']);
    expect(report.identifierDisagreements).toEqual([
      '2025D41200: externeidentifier kst-22112-4410, derived from its numbers kst-22112-4401; neither used',
    ]);
  });

  it('an aanhangselnummer whose session disagrees with vergaderjaar: reported, no ah id', () => {
    const { map, report } = setup((e) =>
      e.fields.documentNummer === '2024D43182'
        ? { ...e, fields: { ...e.fields, vergaderjaar: '2023-2024' }, refs: { zaak: e.refs.zaak ?? [] } }
        : e,
    );
    expect(map('000000000002')?.id).toBe('2024D43182');
    expect(report.identifierDisagreements).toEqual([
      '2024D43182: aanhangselnummer 242500520 says 2024-2025, vergaderjaar says 2023-2024',
    ]);
  });

  it.each([
    ['00000000bad1', 'document without documentNummer'],
    ['00000000bad2', 'document with a malformed documentNummer'],
  ])('skips %s and counts it (%s)', (guid, reason) => {
    const { map, report } = setup();
    expect(map(guid)).toBeNull();
    expect(report.skipped).toEqual({ [reason]: 1 });
  });
});
