/**
 * Official citation style (Aanwijzingen voor de regelgeving 3.43): `Kamerstukken II 2025/26, 34352,
 * nr. 349`, `Kamerstukken I 2025/26, 36582, F`, `Kamerstukken II, 17050, nrs. 601, 603 en 605`,
 * `Kamerstukken 34352, nr. 340` (chamber and year left out when unknown),
 * `Handelingen II 2024/25, nr. 112, item 5`, `Aanhangsel Handelingen II 2024/25, nr. 520`.
 * Zaak and document numbers, and numeric Aanhangsel ids, are cited as themselves.
 */
import { parseCanonicalId } from './canonical-id';
import { chamberNumeral } from './chamber';
import type { Citation } from './types';
import { formatVergaderjaar } from './vergaderjaar';

/** The fields formatting needs; a `Citation` and a `parseCanonicalId` result both qualify. */
export type FormattableCitation = Pick<
  Citation,
  'kind' | 'chamber' | 'vergaderjaar' | 'dossier' | 'dossierSuffix' | 'numbers' | 'item' | 'ids'
> &
  Partial<Pick<Citation, 'pages' | 'rijkswet' | 'chamberInferred'>>;

/** The reference in the official citation style; an inferred chamber is not written (the text did not state it). */
export function formatCitation(citation: FormattableCitation): string {
  const c = citation.chamberInferred ? { ...citation, chamber: null } : citation;
  switch (c.kind) {
    case 'kamerstuk':
    case 'dossier':
      return formatKamerstuk(c);
    case 'handelingen':
    case 'aanhangsel':
      return formatRecord(c);
    default:
      return c.ids[0] ?? '';
  }
}

/** The official citation for a canonical id (`kst-34352-349` → `Kamerstukken 34352, nr. 349`), or null. */
export function formatId(id: string): string | null {
  const identity = parseCanonicalId(id);
  return identity === null ? null : formatCitation({ ...identity, ids: [identity.id] });
}

function formatKamerstuk(c: FormattableCitation): string {
  const head = `Kamerstukken${chamberAndYear(c)}`;
  const dossiers = dossiersOf(c);
  const joinedDossiers = joinList(dossiers);
  const withDossier =
    c.chamber !== null && c.vergaderjaar === null
      ? `${head}, ${joinedDossiers}`
      : `${head}${c.vergaderjaar === null ? ' ' : ', '}${joinedDossiers}`;
  if (c.kind === 'dossier' || c.numbers.length === 0) return withDossier;
  const letters = c.numbers.every((n) => /^[A-Z]+$/.test(n));
  const numbers = letters
    ? joinList(c.numbers)
    : `${c.numbers.length > 1 ? 'nrs.' : 'nr.'} ${joinList(c.numbers)}`;
  return `${withDossier}, ${numbers}${pinpoint(c)}`;
}

function formatRecord(c: FormattableCitation): string {
  if (c.vergaderjaar === null || c.numbers.length === 0) return c.ids[0] ?? '';
  const label = c.kind === 'aanhangsel' ? 'Aanhangsel Handelingen' : 'Handelingen';
  const item = c.item === null ? '' : `, item ${c.item}`;
  return `${label}${chamberAndYear(c)}, nr. ${c.numbers[0]}${item}${pinpoint(c)}`;
}

/** ` II 2025/26`, ` II`, ` 2025/26` or nothing. */
function chamberAndYear(c: FormattableCitation): string {
  const chamber = c.chamber === null ? '' : ` ${chamberNumeral(c.chamber)}`;
  const year = c.vergaderjaar === null ? '' : ` ${formatVergaderjaar(c.vergaderjaar)}`;
  return chamber + year;
}

/** The dossiers the ids name (one paper may sit in two), else the citation's own dossier. */
function dossiersOf(c: FormattableCitation): string[] {
  const seen: string[] = [];
  for (const id of c.ids) {
    const identity = parseCanonicalId(id);
    if (identity?.dossier == null) continue;
    const text = dossierText(identity.dossier, identity.dossierSuffix, c.rijkswet ?? null);
    if (!seen.includes(text)) seen.push(text);
  }
  if (seen.length === 0 && c.dossier !== null)
    seen.push(dossierText(c.dossier, c.dossierSuffix, c.rijkswet ?? null));
  return seen;
}

/** `36600 XV`, `21501-32`, `35212 (R2101)`. */
function dossierText(dossier: string, suffix: string | null, rijkswet: string | null): string {
  const withSuffix =
    suffix === null ? dossier : /^\d/.test(suffix) ? `${dossier}-${suffix}` : `${dossier} ${suffix}`;
  return rijkswet === null ? withSuffix : `${withSuffix} (${rijkswet})`;
}

function pinpoint(c: FormattableCitation): string {
  return c.pages ? `, p. ${c.pages}` : '';
}

/** `a`, `a en b`, `a, b en c`. */
function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
