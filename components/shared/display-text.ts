/** How dates, people and dossiers are written in the popover and the side panel alike. */
import type { Person } from '../../data/dataset/types';

/** `2025-12-12` → `12 december 2025` (nl) / `12 December 2025` (en); also the date of an ISO timestamp; anything else as is. */
export function formatDate(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A minister or member as one line: `J. Nobel (staatssecretaris, Participatie en Integratie)`, `De Kort (VVD)`. */
export function formatPerson(person: Person): string {
  // Unnamed office holders are recorded by their office ("minister van Sociale Zaken en
  // Werkgelegenheid"): the office in brackets would only say it twice.
  const name = person.name.toLowerCase();
  const namedByOffice =
    person.role !== null &&
    name.includes(person.role.toLowerCase()) &&
    (person.portfolio === null || name.includes(person.portfolio.toLowerCase()));
  if (namedByOffice && !person.party) return person.name;
  // Members are known by their party; "lid" would only repeat what "asked by" already says.
  const office = person.portfolio
    ? [person.role, person.portfolio].filter(Boolean).join(', ')
    : person.role && person.role !== 'lid'
      ? person.role
      : null;
  const details = [office, person.party].filter(Boolean).join('; ');
  return details ? `${person.name} (${details})` : person.name;
}

/** Shortens long context sentences at a word boundary so the card stays a card. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Dossier number with its suffix as printed: `36600 XV`, `21501-32`. */
export function formatDossier(dossier: string, suffix: string | null): string {
  if (!suffix) return dossier;
  return /^\d+$/.test(suffix) ? `${dossier}-${suffix}` : `${dossier} ${suffix}`;
}

/** Bytes as kilobytes (below a megabyte), megabytes or gigabytes in the reader's locale (`52,4 MB`). */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, size] =
    bytes >= 1024 ** 3
      ? (['gigabyte', 1024 ** 3] as const)
      : bytes >= 1024 ** 2
        ? (['megabyte', 1024 ** 2] as const)
        : (['kilobyte', 1024] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(
    bytes / size,
  );
}
