/**
 * Generated open-data entities for the open-data benchmark: dossiers, zaken, documents and
 * actors shaped like the real feed, with the real vocabulary of document kinds, deterministic
 * for a given count. As stored entities (for the build) or as tkData XML (for the feed).
 */
import type { RawEntity } from '../../data/pipeline/opendata/entity';
import { KNOWN_SOORTEN } from '../../data/pipeline/opendata/soorten';

const UPDATED = '2025-06-01T12:00:00.0000000';
const guid = (kind: number, n: number) =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Entities of every category for `count` documents (one zaak and one actor per document). */
export function generatedEntities(count: number): Record<string, RawEntity[]> {
  const dossierCount = Math.max(1, Math.floor(count / 50));
  const entity = (element: string, id: string, fields: RawEntity['fields'], refs: RawEntity['refs'] = {}) =>
    ({ element, id, updated: UPDATED, deleted: false, fields, refs }) as RawEntity;
  const dossiers = Array.from({ length: dossierCount }, (_, i) =>
    entity('kamerstukdossier', guid(1, i), {
      titel: `Beleidsdossier ${i} over werk, inkomen en participatie`,
      nummer: String(30000 + i),
      toevoeging: i % 7 === 0 ? 'XV' : null,
    }),
  );
  const documents: RawEntity[] = [];
  const zaken: RawEntity[] = [];
  const actors: RawEntity[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2015 + (i % 11);
    const soort = KNOWN_SOORTEN[i % KNOWN_SOORTEN.length] as string;
    const answer = soort.startsWith('Antwoord');
    const number = String(i).padStart(5, '0');
    zaken.push(
      entity('zaak', guid(3, i), {
        nummer: `${year}Z${number}`,
        soort,
        onderwerp: `Zaak ${i} over ${soort.toLowerCase()}`,
      }),
    );
    documents.push(
      entity(
        'document',
        guid(2, i),
        {
          soort,
          documentNummer: `${year}D${number}`,
          titel: answer ? `Antwoord op vragen over onderwerp ${i}` : `Beleidsdossier ${i % dossierCount}`,
          onderwerp: `${soort} over onderwerp ${i} in het sociaal domein`,
          datum: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}T00:00:00`,
          volgnummer: answer ? '-1' : String(Math.floor(i / dossierCount) + 1),
          vergaderjaar: `${year}-${year + 1}`,
          aanhangselnummer: answer
            ? `${String(year % 100).padStart(2, '0')}${String((year + 1) % 100).padStart(2, '0')}${String((i % 99999) + 1).padStart(5, '0')}`
            : null,
        },
        answer
          ? { zaak: [guid(3, i)] }
          : { zaak: [guid(3, i)], kamerstukdossier: [guid(1, i % dossierCount)] },
      ),
    );
    actors.push(
      entity(
        'documentActor',
        guid(4, i),
        {
          actorNaam: `Persoon ${i % 300}`,
          actorFractie: i % 3 ? null : 'VVD',
          functie: i % 2 ? 'Tweede Kamerlid' : 'minister van Sociale Zaken en Werkgelegenheid',
          relatie: 'Afzender',
        },
        { document: [guid(2, i)] },
      ),
    );
  }
  return { Kamerstukdossier: dossiers, Document: documents, DocumentActor: actors, Zaak: zaken };
}

/** One entity as the feed sends it: tkData XML with its namespaces declared on itself. */
export function entityXml(entity: RawEntity): string {
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const refs = Object.entries(entity.refs).flatMap(([name, ids]) =>
    ids.map((id) => `<${name} ref="${id}"/>`),
  );
  const fields = Object.entries(entity.fields).map(([name, value]) =>
    value === null ? `<${name} xsi:nil="true"/>` : `<${name}>${escapeXml(value)}</${name}>`,
  );
  return `<${entity.element} xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="${entity.id}" tk:bijgewerkt="${entity.updated}" tk:verwijderd="false">${refs.join('')}${fields.join('')}</${entity.element}>`;
}
