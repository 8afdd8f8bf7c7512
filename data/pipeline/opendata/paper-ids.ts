/**
 * The identifiers of a paper in the open data: its document number (`2024D43182`), and the
 * official publication id that follows from its numbers: `kst-{dossier}[-{toevoeging}]-{volgnummer}`
 * for a kamerstuk, `ah-tk-{vergaderjaar}-{nr}` for an answer in the Aanhangsel, where
 * `aanhangselnummer` 242500520 reads as session 2024-2025, nr. 520. A DocumentVersie may state
 * the official id too (`externeidentifier`); when the stated and the derived id disagree, both
 * are reported and neither is used.
 */
import { isCanonicalId } from '../../citations/canonical-id';

const DOCUMENT_NUMBER = /^(?:19|20)\d{2}D\d{5,6}$/;
const ZAAK_NUMBER = /^(?:19|20)\d{2}Z\d{5,6}$/;
const AANHANGSEL_NUMBER = /^(\d{2})(\d{2})(\d{5})$/;
const VERGADERJAAR = /^(\d{4})-(\d{4})$/;

/** True for a well-formed document number (`2024D43182`). */
export function isDocumentNumber(value: string): boolean {
  return DOCUMENT_NUMBER.test(value);
}

/** True for a well-formed zaak number (`2024Z15690`). */
export function isZaakNumber(value: string): boolean {
  return ZAAK_NUMBER.test(value);
}

/** The dossier id of the dataset (`34352`, `36600-XV`) from a kamerstukdossier's number and toevoeging. */
export function dossierId(nummer: string, toevoeging: string | null): string {
  const suffix = toevoeging?.trim().replace(/^-/, '') ?? '';
  return suffix === '' ? nummer : `${nummer}-${suffix}`;
}

/** `kst-…` for a paper with a dossier and a positive volgnummer; null when it has none or the form is not canonical. */
export function kamerstukId(dossier: string | null, volgnummer: string | null): string | null {
  if (dossier === null || volgnummer === null || !/^[1-9]\d*$/.test(volgnummer)) return null;
  const id = `kst-${dossier}-${volgnummer}`;
  return isCanonicalId(id) ? id : null;
}

/** What an aanhangselnummer says: the session and the number; null when it is not of that form. */
export function readAanhangselnummer(value: string): { vergaderjaar: string; number: string } | null {
  const match = AANHANGSEL_NUMBER.exec(value);
  if (!match) return null;
  const [, from, to, nr] = match as unknown as [string, string, string, string];
  if ((Number(from) + 1) % 100 !== Number(to) || Number(nr) === 0) return null;
  const century = Number(from) >= 90 ? 1900 : 2000;
  return {
    vergaderjaar: `${century + Number(from)}-${century + Number(from) + 1}`,
    number: String(Number(nr)),
  };
}

/** `ah-tk-20242025-520` from a session and number. */
export function aanhangselId(vergaderjaar: string, number: string): string | null {
  const match = VERGADERJAAR.exec(vergaderjaar);
  if (!match) return null;
  const id = `ah-tk-${match[1]}${match[2]}-${number}`;
  return isCanonicalId(id) ? id : null;
}
