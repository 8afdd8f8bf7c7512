/**
 * Building canonical ids (CITATIONS.md §1): `kst-34352-349`, `kst-36600-XV-85`, `kst-36582-F`,
 * `dossier-36600-XV`, `h-tk-20242025-112-5`, `ah-tk-20242025-520`, `2024Z15690`.
 * When the text names no chamber, Handelingen and Aanhangsel ids leave it out
 * (`ah-20252026-1181`): the recognizer never invents a chamber, not even inside an id.
 */
import type { Chamber } from './types';
import { compactVergaderjaar } from './vergaderjaar';

/** `kst-<dossier>[-<suffix>]-<number>`. */
export function kamerstukId(dossier: string, suffix: string | null, number: string): string {
  return suffix === null ? `kst-${dossier}-${number}` : `kst-${dossier}-${suffix}-${number}`;
}

/** `dossier-<dossier>[-<suffix>]`. */
export function dossierId(dossier: string, suffix: string | null): string {
  return suffix === null ? `dossier-${dossier}` : `dossier-${dossier}-${suffix}`;
}

/** `h-<chamber>-<yyyyyyyy>-<nr>[-<item>]`; the chamber part is left out when unknown. */
export function handelingenId(
  chamber: Chamber | null,
  vergaderjaar: string,
  nr: string,
  item: string | null,
): string {
  const base = `h-${chamberPart(chamber)}${compactVergaderjaar(vergaderjaar)}-${nr}`;
  return item === null ? base : `${base}-${item}`;
}

/** `ah-<chamber>-<yyyyyyyy>-<nr>`; the chamber part is left out when unknown. */
export function aanhangselId(chamber: Chamber | null, vergaderjaar: string, nr: string): string {
  return `ah-${chamberPart(chamber)}${compactVergaderjaar(vergaderjaar)}-${nr}`;
}

function chamberPart(chamber: Chamber | null): string {
  return chamber === null ? '' : `${chamber.toLowerCase()}-`;
}
