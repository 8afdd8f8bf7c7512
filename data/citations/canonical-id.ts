/**
 * Reading canonical ids back into what they say, so that a stub (an id with no document in the
 * dataset) can still be described and formatted: `parseCanonicalId('kst-36600-XV-85')`.
 */
import type { CitationParts } from './citation';
import { emptyParts } from './citation';
import {
  aanhangselParts,
  handelingenParts,
  kamerstukParts,
  registryNumberEnd,
  registryParts,
} from './identifiers';
import { MAX_ID_LENGTH } from './ids';
import type { CitationIdentity } from './types';

/**
 * What a canonical id tells: kind, chamber, session year, dossier, suffix, numbers, item.
 * Accepts the ids `findCitations` produces (and official ids with a `-n1` version suffix, or a
 * `kv-tk-…` written-questions id, normalized); null for anything else.
 */
export function parseCanonicalId(id: string): CitationIdentity | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return null;
  const parts = partsOf(id);
  if (parts === null) return null;
  const canonical = parts.ids[0];
  if (canonical === undefined) return null;
  return {
    id: canonical,
    kind: parts.kind,
    chamber: parts.chamber,
    vergaderjaar: parts.vergaderjaar,
    dossier: parts.dossier,
    dossierSuffix: parts.dossierSuffix,
    numbers: parts.numbers,
    item: parts.item,
  };
}

/** True when `id` is exactly a canonical id as `findCitations` writes it. */
export function isCanonicalId(id: string): boolean {
  return parseCanonicalId(id)?.id === id;
}

function partsOf(id: string): CitationParts | null {
  if (registryNumberEnd(id, 0) === id.length) return registryParts(id);
  if (!/^[a-zA-Z0-9-]+$/.test(id)) return null;
  const segments = id.split('-');
  const last = segments[segments.length - 1] ?? '';
  const core = segments.length > 2 && /^n\d{1,2}$/.test(last) ? segments.slice(0, -1) : segments;
  switch (core[0]) {
    case 'kst':
      return kamerstukParts(core);
    case 'ah':
      return aanhangselParts(core);
    case 'h':
      return handelingenParts(core);
    case 'dossier':
      return dossierParts(core);
    case 'kv':
      return core.length === 3 && (core[1] === 'tk' || core[1] === 'ek') ? kamervragen(core) : null;
    default:
      return null;
  }
}

function dossierParts(core: string[]): CitationParts | null {
  const dossier = core[1] ?? '';
  const suffix = core.length === 3 ? (core[2] ?? '') : null;
  if (core.length > 3 || !/^[1-9]\d{3,5}$/.test(dossier)) return null;
  if (suffix !== null && !/^(?:[A-Z]{1,5}|\d{1,4})$/.test(suffix)) return null;
  const parts = emptyParts('dossier', [
    suffix === null ? `dossier-${dossier}` : `dossier-${dossier}-${suffix}`,
  ]);
  parts.dossier = dossier;
  parts.dossierSuffix = suffix;
  return parts;
}

function kamervragen(core: string[]): CitationParts | null {
  const zaak = core[2] ?? '';
  if (registryNumberEnd(zaak, 0) !== zaak.length || zaak.charCodeAt(4) !== 90) return null;
  const parts = registryParts(zaak);
  parts.chamber = core[1] === 'tk' ? 'TK' : 'EK';
  return parts;
}
