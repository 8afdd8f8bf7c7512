/**
 * The header of an answer document: who answered and when it was received
 * ("Antwoord van minister Aartsen (Werk en Participatie) (ontvangen 31 maart 2026)"), and, when
 * printed, who asked, about what and when ("Vragen van het lid De Kort (VVD) aan de … over het
 * rapport «…» (ingezonden 11 oktober 2024)").
 */

import type { Person } from '../../dataset/types';
import { dateAfter } from './dutch-dates';
import { parseMembers, parseOfficeHolders } from './people';

/** What the header of an answer document says. */
export interface AnswerHeader {
  authors: Person[];
  /** ISO date the answer was received, from the text. */
  received: string | null;
  askedBy: Person[];
  /** `het lid` / `de leden`, as printed. */
  askedByLabel: string | null;
  /** What the questions are about: "het rapport «…»". */
  subject: string | null;
  submitted: string | null;
}

const ANSWERED = /Antwoord van\s+(.+?)\s*\(ontvangen\s+[^)]*\)/isu;
const ASKED =
  /Vragen van\s+(het lid|de leden)\s+(.+?)\s+aan\s+(?:de|het)\s+.+?\s+over\s+(.+?)\s*\(ingezonden\s+[^)]*\)/isu;

/** Read the answer header from `text` (the paragraphs before the first question, joined). */
export function readAnswerHeader(text: string): AnswerHeader {
  const flat = text.replace(/\s+/g, ' ');
  const answered = ANSWERED.exec(flat);
  const asked = ASKED.exec(flat);
  return {
    authors: answered ? parseOfficeHolders((answered[1] as string).replace(/,$/, '')) : [],
    received: dateAfter(flat, 'ontvangen'),
    askedBy: asked ? parseMembers(asked[2] as string) : [],
    askedByLabel: asked ? (asked[1] as string) : null,
    subject: asked ? (asked[3] as string).trim() : null,
    submitted: dateAfter(flat, 'ingezonden'),
  };
}
