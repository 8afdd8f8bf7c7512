/**
 * The synced entities with the lookups the mapping needs: dossiers, zaken and versions by GUID,
 * actors by the paper or zaak they belong to, and the papers of each zaak.
 */
import type { Category } from './categories';
import type { RawEntity } from './entity';

/** Entities of every category, by GUID, plus reverse indexes. */
export interface OpenDataIndex {
  documents: Map<string, RawEntity>;
  dossiers: Map<string, RawEntity>;
  zaken: Map<string, RawEntity>;
  versions: Map<string, RawEntity>;
  /** Document GUID → its DocumentActors. */
  documentActors: Map<string, RawEntity[]>;
  /** Zaak GUID → its ZaakActors. */
  zaakActors: Map<string, RawEntity[]>;
  /** Document GUID → its DocumentVersies. */
  documentVersions: Map<string, RawEntity[]>;
  /** Zaak GUID → GUIDs of its documents, in GUID order. */
  zaakDocuments: Map<string, string[]>;
}

/** Index the stored entities (`load(category)` gives a category's current entities). */
export function indexOpenData(load: (category: Category) => Map<string, RawEntity>): OpenDataIndex {
  const documents = load('Document');
  const byRef = (entities: Map<string, RawEntity>, ref: string) => {
    const index = new Map<string, RawEntity[]>();
    for (const entity of entities.values()) {
      for (const target of entity.refs[ref] ?? []) index.set(target, [...(index.get(target) ?? []), entity]);
    }
    return index;
  };
  const zaakDocuments = new Map<string, string[]>();
  for (const [zaak, list] of byRef(documents, 'zaak')) zaakDocuments.set(zaak, list.map((d) => d.id).sort());
  const versions = load('DocumentVersie');
  return {
    documents,
    dossiers: load('Kamerstukdossier'),
    zaken: load('Zaak'),
    versions,
    documentActors: byRef(load('DocumentActor'), 'document'),
    zaakActors: byRef(load('ZaakActor'), 'zaak'),
    documentVersions: byRef(versions, 'document'),
    zaakDocuments,
  };
}
