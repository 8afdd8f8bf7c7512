/**
 * The signature closing a letter: `De Staatssecretaris Participatie en Integratie,` and, a few blank
 * lines below, the name (`J.N.J. Nobel`). Read into authors and removed from the letter's sections.
 */

import type { Person } from '../../dataset/types';
import type { Para } from '../layout/layout-types';
import { stripMarks } from '../layout/markers';
import { parseOfficeHolder } from './people';

const SIGNATURE_OFFICE = /^De\s+(?:Minister|Staatssecretaris|minister|staatssecretaris)\b.*,$/;
const NAME =
  /^(?:\p{Lu}\.)*\p{Lu}\.?(?:\s*\p{Lu}\.?)*\s+(?:(?:van|de|der|den|ter|ten)\s+)*\p{Lu}[\p{L}'’-]+$|^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}$/u;

/** Authors signing at the end of `paras`, and the index where the signature begins (or paras.length). */
export function readSignature(paras: Para[]): { authors: Person[]; start: number } {
  const authors: Person[] = [];
  let start = paras.length;
  const from = Math.max(0, paras.length - 8);
  for (let i = from; i < paras.length; i++) {
    const office = stripMarks((paras[i] as Para).text);
    if (!SIGNATURE_OFFICE.test(office)) continue;
    const person = parseOfficeHolder(office.replace(/\s+/g, ' '));
    if (!person) continue;
    start = Math.min(start, i);
    const next = paras[i + 1] ? stripMarks((paras[i + 1] as Para).text) : '';
    if (NAME.test(next)) {
      person.name = next;
      i++;
    }
    authors.push(person);
  }
  return { authors, start };
}
