/** Dates and people as the panel writes them. */
import type { Person } from '../../data/documents/types';

/** `2025-12-12` → `12 december 2025` (nl) / `12 December 2025` (en); anything else as is. */
export function formatDate(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
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

/** `Nobel (staatssecretaris, Sociale Zaken en Werkgelegenheid)`, `De Kort (VVD)`. */
export function formatPerson(person: Person): string {
  // A member's role ("lid") says nothing the party does not; offices do.
  const office = person.role === 'lid' ? [] : [person.role, person.portfolio];
  const details = [...office, person.party].filter((part): part is string => Boolean(part)).join(', ');
  return details ? `${person.name} (${details})` : person.name;
}
