/**
 * One source text → one full `DocumentRecord` (references not yet linked to other documents):
 * layout, kind, metadata, questions and answers or sections, footnotes, references, summary.
 */

import type { CitationIdentity } from '../../citations/types';
import type { DocumentRecord } from '../../dataset/types';
import type { Para } from '../layout/layout-types';
import { stripMarks } from '../layout/markers';
import { readLayout } from '../layout/read-layout';
import type { Recognizer } from '../references/pipeline-recognizer';
import { collectReferences, type FoundReference } from '../references/references';
import type { EditorialSummary } from '../source/editorial';
import { MANIFEST_FILE, type ManifestDocument } from '../source/manifest';
import { SourceError } from '../source/source-error';
import { pickSummary } from '../summary/summary-choice';
import { readAnswer } from './answer-body';
import { placeFootnotes } from './footnotes';
import { readLetter } from './letter-body';
import { matchAnswerHeader } from './qa-headers';
import { readSignature } from './signature';

/** One source as the build hands it to the parser. */
export interface SourceInput {
  file: string;
  text: string;
  manifest: ManifestDocument | null;
  editorial: EditorialSummary | null;
}

/** A parsed document: its record, the citations behind its references, and its full cleaned text. */
export interface ParsedDocument {
  record: DocumentRecord;
  found: FoundReference[];
  /** Every paragraph and footnote, cleaned: what summaries are checked against. */
  text: string;
}

/** Parse one source. Throws `SourceError` (file and line) when it cannot be read faithfully. */
export function parseSourceDocument(input: SourceInput, recognizer: Recognizer): ParsedDocument {
  const { file, manifest } = input;
  const layout = readLayout(file, input.text);
  const { paras } = layout;
  const signature = readSignature(paras);
  const isAnswer = paras.some((para) => matchAnswerHeader(para.text) !== null);
  if (!isAnswer && signature.authors.length === 0) {
    throw new SourceError(
      file,
      paras[0]?.line ?? 1,
      'not recognizable as an answer to written questions (no "Antwoord …" headers) or a letter (no signature)',
    );
  }
  const text = [
    ...paras.map((para) => stripMarks(para.text)),
    ...layout.footnotes.map((note) => note.text),
  ].join('\n');
  const footnotes = placeFootnotes(paras, layout.footnotes);
  const base = isAnswer
    ? readAnswer(
        file,
        paras,
        layout.footnotes.map((n) => n.text),
      )
    : readLetter(paras, signature);
  const found = collectReferences(paras, base.places, footnotes, text, recognizer);
  const date = settleDate(file, paras, base.date, manifest);
  const title = base.title ?? manifest?.title ?? null;
  const summary = pickSummary(input.editorial, base, paras);
  const ids = manifest?.ids ?? [];
  const id = ids[0] ?? `local-${file.replace(/\.txt$/, '')}`;
  const identity = documentIdentity(file, ids[0], manifest, recognizer);
  const record: DocumentRecord = {
    id,
    ids: ids.length > 0 ? [...ids] : [id],
    stub: false,
    source: file,
    type: isAnswer ? 'antwoord' : 'brief',
    title,
    date,
    authors: base.authors,
    askedBy: base.askedBy,
    submitted: base.submitted,
    newsArticle: base.newsArticle,
    chamber: identity?.chamber ?? null,
    vergaderjaar: identity?.vergaderjaar ?? null,
    dossier: identity?.dossier ?? null,
    dossierSuffix: identity?.dossierSuffix ?? null,
    dossierTitle: null,
    citation: identity ? recognizer.format(identity) : null,
    officialUrl: ids[0] ? recognizer.url(ids[0]) : null,
    summary: summary.summary,
    summarySource: summary.source,
    keyPoints: summary.keyPoints,
    qa: base.qa,
    sections: base.sections,
    footnotes: footnotes.map((placed) => placed.footnote),
    references: [],
    citedBy: [],
    provenance: {
      identifiers: ids.length > 0 ? (manifest?.provenance ?? null) : null,
      title: base.title !== null ? 'text' : title !== null ? 'manifest' : null,
      date: base.date !== null ? 'text' : date !== null ? 'manifest' : null,
    },
  };
  return { record, found, text };
}

// What the canonical id says, completed with chamber and session year from the manifest (an id like
// `kst-34352-330` names neither). Where both say something, they must agree.
function documentIdentity(
  file: string,
  id: string | undefined,
  manifest: ManifestDocument | null,
  recognizer: Recognizer,
): CitationIdentity | null {
  if (!id) return null;
  const identity = recognizer.identity(id);
  if (!identity)
    throw new SourceError(
      MANIFEST_FILE,
      1,
      `${file}: ${id} is not a canonical id the recognizer understands`,
    );
  for (const key of ['chamber', 'vergaderjaar'] as const) {
    const known = manifest?.[key] ?? null;
    if (known !== null && identity[key] !== null && identity[key] !== known) {
      throw new SourceError(MANIFEST_FILE, 1, `${file}: ${key} ${known} contradicts ${id}`);
    }
  }
  return {
    ...identity,
    chamber: identity.chamber ?? manifest?.chamber ?? null,
    vergaderjaar: identity.vergaderjaar ?? manifest?.vergaderjaar ?? null,
  };
}

// The date in the text wins; the manifest fills it in when the text has none. When both are
// present they must agree, since a mismatch means one of them is wrong.
function settleDate(
  file: string,
  paras: Para[],
  fromText: string | null,
  manifest: ManifestDocument | null,
): string | null {
  const fromManifest = manifest?.date ?? null;
  if (fromText && fromManifest && fromText !== fromManifest) {
    throw new SourceError(
      file,
      paras[0]?.line ?? 1,
      `date in the text (${fromText}) differs from the manifest (${fromManifest})`,
    );
  }
  return fromText ?? fromManifest;
}
