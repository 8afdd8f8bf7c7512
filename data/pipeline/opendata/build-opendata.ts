/**
 * Building the dataset with the Tweede Kamer's open data (Node only): the source documents are
 * built as always, the synced entities are mapped to records, filtered (`--since`, `--dossier`,
 * `--kind`), merged with the source records, and the result hashed and validated like any build.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { officialUrl } from '../../citations/official-url';
import { hashedContent } from '../../dataset/canonical-json';
import {
  DATASET_SCHEMA_VERSION,
  type DatasetFile,
  type DocumentRecord,
  type DossierRecord,
} from '../../dataset/types';
import { validateDataset } from '../../dataset/validate';
import { buildDataset } from '../build';
import { emptyReport, type OpenDataReport, skip } from './build-report';
import type { Category } from './categories';
import type { RawEntity } from './entity';
import { type MappedDocument, mapDocument } from './map-document';
import { mergeRecords } from './merge-records';
import { indexOpenData } from './open-data-index';
import { dossierId } from './paper-ids';
import { loadEntities } from './store';

/** Which open-data papers to keep (source documents are always kept). */
export interface OpenDataFilters {
  /** ISO date: keep papers dated on or after it. */
  since?: string;
  /** Dossier ids (`34352`, `36600-XV`): keep papers of these dossiers. */
  dossiers?: string[];
  /** Kind groups or soorten (`motie`, `Brief regering`): keep papers of these kinds. */
  kinds?: string[];
}

/** Where the open data is, and what to keep. */
export interface OpenDataBuildOptions {
  opendataDir: string;
  sourcesDir?: string;
  filters?: OpenDataFilters;
}

/** Build the dataset from the sources and the synced open data. */
export function buildWithOpenData(options: OpenDataBuildOptions): {
  dataset: DatasetFile;
  report: OpenDataReport;
} {
  if (!existsSync(join(options.opendataDir, 'Document', 'state.json')))
    throw new Error(`${options.opendataDir}: no synced Document category here (run npm run data:sync first)`);
  const base = buildDataset({ sourcesDir: options.sourcesDir }).dataset;
  const report = emptyReport();
  const index = indexOpenData((category: Category) => loadCategory(options.opendataDir, category));
  const mapped: MappedDocument[] = [];
  const seen = new Map<string, string>();
  for (const entity of [...index.documents.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const result = mapDocument(entity, index, report);
    if (!result) continue;
    const earlier = seen.get(result.documentNumber);
    if (earlier !== undefined) {
      skip(
        report,
        'documentNummer already used by another document',
        `${entity.id} (${result.documentNumber}, also ${earlier})`,
      );
      continue;
    }
    seen.set(result.documentNumber, entity.id);
    mapped.push(result);
  }
  demoteSharedOfficialIds(mapped, report);
  report.mapped = mapped.length;
  const kept = mapped.filter(({ record }) => keep(record, options.filters ?? {}));
  report.filteredOut = mapped.length - kept.length;
  const { documents, finalId } = mergeRecords(
    base.documents,
    kept.map((m) => m.record),
    report,
  );
  listZaakDocuments(mapped, index.zaakDocuments, finalId);
  const dossiers = mergeDossiers(base.dossiers, openDataDossiers(index.dossiers, report), documents, report);
  const contentHash = sha256(hashedContent({ documents, dossiers }));
  const dataset: DatasetFile = {
    schemaVersion: DATASET_SCHEMA_VERSION,
    datasetVersion: `${DATASET_SCHEMA_VERSION}-${contentHash.slice(0, 12)}`,
    contentHash,
    sources: base.sources,
    documents,
    dossiers,
  };
  const valid = validateDataset(dataset);
  if (!valid.ok) throw new Error(`The built dataset does not pass its own schema: ${valid.error}`);
  return { dataset, report };
}

// Two papers whose numbers give the same official id cannot both be it, and picking one would be a
// guess: both keep only their document numbers, and the clash is reported.
function demoteSharedOfficialIds(mapped: MappedDocument[], report: OpenDataReport): void {
  const holders = new Map<string, MappedDocument[]>();
  for (const m of mapped) {
    if (m.record.id !== m.documentNumber) holders.set(m.record.id, [...(holders.get(m.record.id) ?? []), m]);
  }
  for (const [id, list] of holders) {
    if (list.length < 2) continue;
    report.identifierDisagreements.push(
      `${id} follows from the numbers of ${list.map((m) => m.documentNumber).join(', ')}; none of them gets it`,
    );
    for (const { record, documentNumber } of list) {
      record.id = documentNumber;
      record.ids = [documentNumber];
      record.type = 'document';
      record.citation = null;
      record.officialUrl = officialUrl(documentNumber);
    }
  }
}

function loadCategory(dir: string, category: Category): Map<string, RawEntity> {
  return existsSync(join(dir, category, 'state.json')) ? loadEntities(dir, category) : new Map();
}

function keep(record: DocumentRecord, filters: OpenDataFilters): boolean {
  if (filters.since !== undefined && (record.date === null || record.date < filters.since)) return false;
  if (filters.dossiers?.length) {
    const id = record.dossier === null ? null : dossierId(record.dossier, record.dossierSuffix);
    if (!filters.dossiers.some((d) => d === id || d === record.dossier)) return false;
  }
  if (filters.kinds?.length) {
    const kind = record.kind;
    const wanted = filters.kinds.map((k) => k.toLowerCase());
    if (!kind || !wanted.some((k) => k === kind.group || k === kind.soort.toLowerCase())) return false;
  }
  return true;
}

// Each zaak lists the other papers that belong to it, by the id of the record that holds each.
function listZaakDocuments(
  mapped: MappedDocument[],
  zaakDocuments: Map<string, string[]>,
  finalId: Map<string, string>,
): void {
  const idOfGuid = new Map(mapped.map((m) => [m.guid, finalId.get(m.record.id) ?? m.record.id]));
  for (const { guid, record, zaakGuids } of mapped) {
    const own = idOfGuid.get(guid);
    (record.zaken ?? []).forEach((zaak, i) => {
      const others = (zaakDocuments.get(zaakGuids[i] ?? '') ?? []).map((g) => idOfGuid.get(g));
      zaak.documents = [...new Set(others.filter((id): id is string => id !== undefined && id !== own))];
    });
  }
}

function openDataDossiers(
  entities: Map<string, RawEntity>,
  report: OpenDataReport,
): Map<string, DossierRecord> {
  const dossiers = new Map<string, DossierRecord>();
  for (const entity of entities.values()) {
    const nummer = entity.fields.nummer?.trim() ?? '';
    if (!/^[1-9]\d{3,5}$/.test(nummer)) {
      skip(report, 'dossier without a well-formed nummer', `${entity.id} (${nummer || 'none'})`);
      continue;
    }
    const title = entity.fields.titel?.replace(/\s+/g, ' ').trim();
    const id = dossierId(nummer, entity.fields.toevoeging ?? null);
    if (title) dossiers.set(id, { id, title, provenance: 'Tweede Kamer open data (Kamerstukdossier).' });
  }
  return dossiers;
}

// The source manifest's dossiers win; open data adds the dossiers the records name.
function mergeDossiers(
  manifest: DossierRecord[],
  openData: Map<string, DossierRecord>,
  documents: DocumentRecord[],
  report: OpenDataReport,
): DossierRecord[] {
  const result = new Map(manifest.map((d) => [d.id, d]));
  for (const d of manifest) {
    const other = openData.get(d.id);
    if (other && other.title !== d.title)
      report.conflicts.push(`dossier ${d.id} title: "${d.title}" kept, open data says "${other.title}"`);
  }
  for (const record of documents) {
    if (record.dossier === null) continue;
    const id = dossierId(record.dossier, record.dossierSuffix);
    const found = openData.get(id);
    if (found && !result.has(id)) result.set(id, found);
  }
  return [...result.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function sha256(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}
