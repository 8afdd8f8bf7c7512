/**
 * Outgoing references of one document: every reference the recognizer finds in its paragraphs and
 * footnotes, with the sentence around it, what the text calls it, and where it stands (question,
 * section, footnote). A reference in a footnote is quoted with the sentence the footnote annotates.
 */
import type { Citation } from '../../citations/types';
import type { ReferenceRecord } from '../../dataset/types';
import type { Para } from '../layout/layout-types';
import { stripMarks } from '../layout/markers';
import type { PlacedFootnote } from '../record/footnotes';
import { sentenceAt, splitSentences } from '../summary/sentences';
import { citedAsBefore } from './cited-as';
import type { Recognizer } from './pipeline-recognizer';

/** Where a paragraph stands in its document. */
export interface Place {
  qa?: string;
  section?: string;
}

/** A reference with the citation it was read from (the citation keeps chamber and year for stubs). */
export interface FoundReference {
  record: ReferenceRecord;
  citation: Citation;
}

/** Everything `recognizer` finds in `paras` (skipping those with a null place-index) and `footnotes`, in reading order. */
export function collectReferences(
  paras: Para[],
  places: (Place | null)[],
  footnotes: PlacedFootnote[],
  documentText: string,
  recognizer: Recognizer,
): FoundReference[] {
  const found: { key: [number, number]; ref: FoundReference }[] = [];
  paras.forEach((para, index) => {
    const text = stripMarks(para.text);
    const sentences = splitSentences(text);
    for (const citation of recognizer.find(text)) {
      const sentence = sentenceAt(sentences, citation.start);
      const start = sentence?.start ?? 0;
      found.push({
        key: [index, citation.start],
        ref: reference(
          citation,
          sentence?.text ?? text,
          citedAsBefore(text.slice(start, citation.start), documentText),
          places[index] ?? null,
        ),
      });
    }
  });
  for (const placed of footnotes) {
    const note = placed.footnote;
    const citations = recognizer.find(note.text);
    const sentences = splitSentences(note.text);
    const place = placed.para === null ? null : (places[placed.para] ?? null);
    for (const citation of citations) {
      const sentence = sentenceAt(sentences, citation.start);
      const ownLabel = citedAsBefore(note.text.slice(sentence?.start ?? 0, citation.start), documentText);
      // A footnote that is only a reference takes its label from the sentence it annotates.
      const label = ownLabel ?? (citations.length === 1 ? citedAsBefore(placed.before, documentText) : null);
      found.push({
        key: [placed.para ?? Number.MAX_SAFE_INTEGER, placed.offset],
        ref: reference(citation, note.anchor ?? note.text, label, { ...place, footnote: note.number }),
      });
    }
  }
  found.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
  return found.map((entry) => entry.ref);
}

function reference(
  citation: Citation,
  context: string,
  citedAs: string | null,
  location: (Place & { footnote?: string }) | null,
): FoundReference {
  const where = location && Object.keys(location).length > 0 ? location : null;
  return {
    citation,
    record: {
      ids: citation.ids,
      raw: citation.raw,
      kind: citation.kind,
      context,
      citedAs,
      location: where,
      targets: [],
    },
  };
}
