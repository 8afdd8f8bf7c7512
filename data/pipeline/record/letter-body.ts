/** What a letter contributes to its record: sections and the signing authors. */

import type { Para } from '../layout/layout-types';
import type { DocumentBody } from './answer-body';
import { parseSections } from './sections';
import type { readSignature } from './signature';

/** Read sections (up to the signature) and authors of a letter. */
export function readLetter(paras: Para[], signature: ReturnType<typeof readSignature>): DocumentBody {
  const { sections, places } = parseSections(paras.slice(0, signature.start));
  let group = -1;
  let previous: string | null | undefined;
  const groups = paras.map((para, i) => {
    if (i >= signature.start || para.headingLike) return null;
    if (places[i] !== previous) {
      group++;
      previous = places[i];
    }
    return group;
  });
  return {
    title: null,
    date: null,
    authors: signature.authors,
    askedBy: [],
    submitted: null,
    newsArticle: null,
    qa: [],
    sections,
    places: paras.map((_, i) => (i < signature.start && places[i] ? { section: places[i] as string } : null)),
    groups,
  };
}
