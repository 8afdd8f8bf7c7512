/**
 * Building canonical ids: `kst-34352-349`, `kst-36600-XV-85`, `kst-36582-F`,
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

// Checks on identifiers arriving from outside, and the dossier an id belongs to.

/** Longest identifier accepted; real ones stay under 40 characters. */
export const MAX_ID_LENGTH = 100;

const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** True for strings shaped like a dataset identifier (`kst-34352-349`, `2024Z15690`, `local-…`). */
export function isWellFormedId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_SHAPE.test(value);
}

// kst-<dossier>[-<suffix>]-<nr>; dossier-<dossier>[-<suffix>]. Suffixes: roman chapter, number or letters.
const KAMERSTUK_ID = /^kst-(\d+)(?:-([A-Za-z0-9]+))?-[A-Za-z0-9]+$/;
const DOSSIER_ID = /^dossier-(\d+)(?:-([A-Za-z0-9]+))?$/;

/**
 * Dossier keys (`36600-XV`, then `36600`) an id belongs to, most specific first; [] when the id
 * does not name a dossier (handelingen, aanhangsel, zaak, document ids).
 */
export function dossierKeysOfId(id: string): string[] {
  const match = KAMERSTUK_ID.exec(id) ?? DOSSIER_ID.exec(id);
  if (!match?.[1]) return [];
  return dossierKeys(match[1], match[2] ?? null);
}

/** Dossier keys for a dossier number and optional suffix, most specific first. */
export function dossierKeys(dossier: string | null, suffix: string | null): string[] {
  if (!dossier) return [];
  return suffix ? [`${dossier}-${suffix}`, dossier] : [dossier];
}
