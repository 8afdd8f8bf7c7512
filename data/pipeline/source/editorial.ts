/**
 * Editorial summaries written for the seed documents (`data/sources/editorial/<source>.json`):
 * `{ "summary": "2–4 sentences", "keyPoints": ["…"] }`. Preferred over the extractive summary;
 * held to the same faithfulness rule (checked when the dataset is built).
 */
import { splitSentences } from '../summary/sentences';
import { lineAt, parseJsonSource, SourceError } from './source-error';

/** An editorial summary: 2–4 sentences and 2–6 key points. */
export interface EditorialSummary {
  summary: string;
  keyPoints: string[];
}

/** Parse and check one editorial file (`file` names it in errors). */
export function parseEditorial(text: string, file: string): EditorialSummary {
  const json = parseJsonSource(text, file);
  const entry =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : null;
  if (!entry) throw new SourceError(file, 1, 'must be an object with "summary" and "keyPoints"');
  for (const key of Object.keys(entry)) {
    if (!['$comment', 'summary', 'keyPoints'].includes(key))
      throw new SourceError(file, lineOfKey(text, key), `unknown field "${key}"`);
  }
  const { summary, keyPoints } = entry;
  if (typeof summary !== 'string')
    throw new SourceError(file, lineOfKey(text, 'summary'), '"summary" must be a string');
  const sentences = splitSentences(summary).length;
  if (sentences < 2 || sentences > 4) {
    throw new SourceError(
      file,
      lineOfKey(text, 'summary'),
      `"summary" must have 2–4 sentences, has ${sentences}`,
    );
  }
  if (
    !Array.isArray(keyPoints) ||
    keyPoints.length < 2 ||
    keyPoints.length > 6 ||
    !keyPoints.every((p) => typeof p === 'string' && p.trim() !== '')
  ) {
    throw new SourceError(
      file,
      lineOfKey(text, 'keyPoints'),
      '"keyPoints" must be a list of 2–6 non-empty strings',
    );
  }
  return { summary: summary.trim(), keyPoints: keyPoints.map((point) => (point as string).trim()) };
}

function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at === -1 ? 1 : lineAt(text, at);
}
