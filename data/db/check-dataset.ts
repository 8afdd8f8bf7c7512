/**
 * The gate before an import. The full record validator belongs to the dataset pipeline
 * (`data/documents`); this module adds what the database itself relies on (schema version,
 * keys the indexes are built from) so a wrong file fails with a clear message instead of half-way.
 */
import { DATASET_SCHEMA_VERSION, type DatasetFile } from '../documents/types';
import type { Result } from '../messages';

/** Accept `json` as a `DatasetFile`, or say what is wrong with it. */
export function checkDatasetFile(json: unknown): Result<DatasetFile> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'Dataset is not a JSON object.' };
  }
  const file = json as Partial<Record<keyof DatasetFile, unknown>>;
  if (file.schemaVersion !== DATASET_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `Dataset schema version ${String(file.schemaVersion)} is not the supported version ${DATASET_SCHEMA_VERSION}.`,
    };
  }
  if (typeof file.datasetVersion !== 'string' || file.datasetVersion === '') {
    return { ok: false, error: 'Dataset has no datasetVersion.' };
  }
  if (typeof file.contentHash !== 'string') return { ok: false, error: 'Dataset has no contentHash.' };
  if (!Array.isArray(file.documents)) return { ok: false, error: 'Dataset has no documents array.' };
  if (!Array.isArray(file.dossiers)) return { ok: false, error: 'Dataset has no dossiers array.' };
  if (!Array.isArray(file.sources)) return { ok: false, error: 'Dataset has no sources array.' };
  const keyProblem = findKeyProblem(file.documents, file.dossiers);
  if (keyProblem) return { ok: false, error: keyProblem };
  return { ok: true, value: json as DatasetFile };
}

/** The keys IndexedDB indexes: unique string ids, string alias lists, reference id lists. */
function findKeyProblem(documents: unknown[], dossiers: unknown[]): string | null {
  const seen = new Set<string>();
  for (const [index, value] of documents.entries()) {
    const document = value as { id?: unknown; ids?: unknown; references?: unknown } | null;
    const where = `documents[${index}]`;
    if (typeof document?.id !== 'string' || document.id === '') return `${where} has no id.`;
    if (seen.has(document.id)) return `${where}: duplicate id ${document.id}.`;
    seen.add(document.id);
    if (!isStringArray(document.ids)) return `${where} (${document.id}): ids is not a list of strings.`;
    if (!Array.isArray(document.references)) return `${where} (${document.id}): references is not a list.`;
    for (const [at, reference] of document.references.entries()) {
      const ref = reference as { ids?: unknown; context?: unknown; raw?: unknown } | null;
      if (!isStringArray(ref?.ids) || typeof ref.context !== 'string' || typeof ref.raw !== 'string') {
        return `${where} (${document.id}): references[${at}] needs ids, context and raw.`;
      }
    }
  }
  const dossierIds = new Set<string>();
  for (const [index, value] of dossiers.entries()) {
    const dossier = value as { id?: unknown; title?: unknown } | null;
    if (typeof dossier?.id !== 'string' || typeof dossier.title !== 'string') {
      return `dossiers[${index}] needs a string id and title.`;
    }
    if (dossierIds.has(dossier.id)) return `dossiers[${index}]: duplicate id ${dossier.id}.`;
    dossierIds.add(dossier.id);
  }
  return null;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
