/**
 * Sections of a letter, one per heading (`I. Spoor 1: de wet direct verbeteren`, `Recente rapporten`).
 * A numbered heading whose number comes back later is a table-of-contents line (a `Leeswijzer`),
 * not a heading, and stays with the text.
 */

import type { Section } from '../../dataset/types';
import type { Para } from '../layout/layout-types';
import { headingLabel } from '../layout/line-kinds';
import { stripMarks } from '../layout/markers';

/** Sections of `paras`, and for each paragraph the heading of its section (null before the first). */
export function parseSections(paras: Para[]): { sections: Section[]; places: (string | null)[] } {
  const headings = paras.map((para, i) => para.headingLike && !isContentsLine(paras, i));
  const sections: Section[] = [];
  const places: (string | null)[] = [];
  let current: Section | null = null;
  paras.forEach((para, i) => {
    const text = stripMarks(para.text);
    if (headings[i]) {
      current = { heading: text, paragraphs: [] };
      sections.push(current);
    } else {
      if (!current) {
        current = { heading: null, paragraphs: [] };
        sections.push(current);
      }
      current.paragraphs.push(text);
    }
    places.push(current.heading);
  });
  return { sections, places };
}

function isContentsLine(paras: Para[], index: number): boolean {
  const label = headingLabel((paras[index] as Para).text);
  if (label === null) return false;
  return paras.slice(index + 1).some((para) => para.headingLike && headingLabel(para.text) === label);
}
