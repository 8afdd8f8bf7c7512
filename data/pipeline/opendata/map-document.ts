/**
 * Mapping one open-data Document (with its dossier, zaken, actors and versions) to a dataset
 * record with metadata only: kind, identifiers, title and subject, date, session, dossier,
 * senders, addressees and zaken. A record built here has no text, no summary and no questions:
 * it says what the Kamer's records say and nothing more.
 */
import { parseCanonicalId } from '../../citations/canonical-id';
import { formatCitation } from '../../citations/format';
import { officialUrl } from '../../citations/official-url';
import type { DocumentRecord, ZaakRecord } from '../../dataset/types';
import { textlessRecord } from '../record/textless-record';
import { documentPeople, zaakAskers } from './actors';
import { type OpenDataReport, skip } from './build-report';
import type { RawEntity } from './entity';
import type { OpenDataIndex } from './open-data-index';
import {
  aanhangselId,
  dossierId,
  isDocumentNumber,
  isZaakNumber,
  kamerstukId,
  readAanhangselnummer,
} from './paper-ids';
import { documentKind } from './soorten';

const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])/;
const VERGADERJAAR = /^\d{4}-\d{4}$/;

/** A mapped paper: the record, and the GUIDs of its zaken (to list their other papers later). */
export interface MappedDocument {
  guid: string;
  documentNumber: string;
  record: DocumentRecord;
  zaakGuids: string[];
}

/** Map `entity`, or skip it (counted in `report`) when its number is missing or malformed. */
export function mapDocument(
  entity: RawEntity,
  index: OpenDataIndex,
  report: OpenDataReport,
): MappedDocument | null {
  const f = entity.fields;
  const number = f.documentNummer?.trim() ?? '';
  if (number === '') return skipped(report, 'document without documentNummer', entity.id);
  if (!isDocumentNumber(number))
    return skipped(report, 'document with a malformed documentNummer', `${entity.id} (${number})`);
  const dossier = dossierOf(entity, index, report);
  const vergaderjaar = f.vergaderjaar && VERGADERJAAR.test(f.vergaderjaar) ? f.vergaderjaar : null;
  const official = officialId(entity, number, dossier?.id ?? null, vergaderjaar, index, report);
  const zaken = zakenOf(entity, index, report);
  const actors = documentPeople(index.documentActors.get(entity.id) ?? []);
  const kind = f.soort?.trim() ? documentKind(f.soort.trim()) : null;
  // For a kamerstuk `titel` is the dossier's title; the paper's own title is its `onderwerp`.
  const own = official?.startsWith('kst-') ? (f.onderwerp ?? f.titel) : (f.titel ?? f.onderwerp);
  const title = clean(own);
  const subject = clean(f.onderwerp);
  const askedBy =
    kind?.group === 'antwoord'
      ? zaken.flatMap(({ guid }) => zaakAskers(index.zaakActors.get(guid) ?? []))
      : [];
  const identity = official ? parseCanonicalId(official) : null;
  const id = official ?? number;
  const record = textlessRecord({
    id,
    // Zaak numbers stay in `zaken`: a zaak has several papers, and an id names one record.
    ids: [...new Set([id, number])],
    type: identity?.kind ?? 'document',
    title,
    date: f.datum && ISO_DATE.test(f.datum) ? f.datum.slice(0, 10) : null,
    authors: actors.senders,
    askedBy: askedBy.filter((p, i) => askedBy.findIndex((q) => q.name === p.name) === i),
    chamber: 'TK',
    vergaderjaar,
    dossier: dossier?.nummer ?? null,
    dossierSuffix: dossier?.suffix ?? null,
    dossierTitle: dossier?.title ?? null,
    citation: identity
      ? formatCitation({ ...identity, chamber: 'TK', vergaderjaar, ids: [identity.id] })
      : null,
    officialUrl: officialUrl(official ?? number),
    provenance: {
      identifiers: `Tweede Kamer open data, document ${number}`,
      title: 'opendata',
      date: 'opendata',
    },
    kind,
    subject: subject !== title ? subject : null,
    addressees: actors.addressees,
    zaken: zaken.map((z) => z.zaak),
  });
  return { guid: entity.id, documentNumber: number, record, zaakGuids: zaken.map((z) => z.guid) };
}

function skipped(report: OpenDataReport, reason: string, example: string): null {
  skip(report, reason, example);
  return null;
}

function clean(text: string | null | undefined): string | null {
  const trimmed = text?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

interface Dossier {
  id: string;
  nummer: string;
  suffix: string | null;
  title: string | null;
}

function dossierOf(entity: RawEntity, index: OpenDataIndex, report: OpenDataReport): Dossier | null {
  const guid = entity.refs.kamerstukdossier?.[0];
  if (guid === undefined) return null;
  const dossier = index.dossiers.get(guid);
  if (!dossier)
    return skipped(
      report,
      'dossier link to a dossier not synced (paper kept without its dossier)',
      `${entity.id} → ${guid}`,
    );
  const nummer = dossier.fields.nummer?.trim() ?? '';
  if (!/^[1-9]\d{3,5}$/.test(nummer)) return null;
  const id = dossierId(nummer, dossier.fields.toevoeging ?? null);
  return {
    id,
    nummer,
    suffix: id === nummer ? null : id.slice(nummer.length + 1),
    title: clean(dossier.fields.titel),
  };
}

function officialId(
  entity: RawEntity,
  number: string,
  dossier: string | null,
  vergaderjaar: string | null,
  index: OpenDataIndex,
  report: OpenDataReport,
): string | null {
  let derived = kamerstukId(dossier, entity.fields.volgnummer ?? null);
  const aanhangsel = entity.fields.aanhangselnummer?.trim();
  if (derived === null && aanhangsel) {
    const read = readAanhangselnummer(aanhangsel);
    // A number that contradicts the paper's own session makes every official id doubtful.
    if (read === null) {
      report.identifierDisagreements.push(
        `${number}: aanhangselnummer ${aanhangsel} is not of the form yyyy + number`,
      );
      return null;
    }
    if (vergaderjaar !== null && read.vergaderjaar !== vergaderjaar) {
      report.identifierDisagreements.push(
        `${number}: aanhangselnummer ${aanhangsel} says ${read.vergaderjaar}, vergaderjaar says ${vergaderjaar}`,
      );
      return null;
    }
    derived = aanhangselId(read.vergaderjaar, read.number);
  }
  const stated = statedId(entity, index);
  if (stated !== null && derived !== null && stated !== derived) {
    report.identifierDisagreements.push(
      `${number}: externeidentifier ${stated}, derived from its numbers ${derived}; neither used`,
    );
    return null;
  }
  return derived ?? stated;
}

// The current version's externeidentifier, when it is an official id we can read.
function statedId(entity: RawEntity, index: OpenDataIndex): string | null {
  const current = entity.refs.huidigeDocumentVersie?.[0];
  const version =
    (current ? index.versions.get(current) : undefined) ?? index.documentVersions.get(entity.id)?.[0];
  const stated = version?.fields.externeidentifier?.trim();
  if (!stated) return null;
  const identity = parseCanonicalId(stated);
  return identity && (identity.kind === 'kamerstuk' || identity.kind === 'aanhangsel') ? identity.id : null;
}

function zakenOf(
  entity: RawEntity,
  index: OpenDataIndex,
  report: OpenDataReport,
): { guid: string; zaak: ZaakRecord }[] {
  const found: { guid: string; zaak: ZaakRecord }[] = [];
  for (const guid of entity.refs.zaak ?? []) {
    const zaak = index.zaken.get(guid);
    if (!zaak) continue;
    const nummer = zaak.fields.nummer?.trim() ?? '';
    if (!isZaakNumber(nummer)) {
      skip(report, 'zaak without a well-formed nummer', `${guid} (${nummer || 'none'})`);
      continue;
    }
    found.push({
      guid,
      zaak: {
        id: nummer,
        soort: clean(zaak.fields.soort),
        title: clean(zaak.fields.onderwerp ?? zaak.fields.titel),
        documents: [],
      },
    });
  }
  return found;
}
