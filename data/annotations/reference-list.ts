/**
 * A page's reference list: every parliamentary reference found on it, once per cited paper set
 * (the same ids), in the official citation style — the most complete one the page gives, as
 * `Kamerstuk 34 352, nr. 349` may follow `Kamerstukken II 2025/26, 34352, nr. 349` — with how
 * often it occurs, as Markdown and as CSV.
 */
import { formatCitation } from '../citations';
import type { Citation } from '../citations/types';
import { toCsv } from './csv';
import { escapeMarkdown } from './export-markdown';

/** One distinct reference of a page. */
export interface ReferenceListEntry {
  citation: string;
  ids: string[];
  kind: Citation['kind'];
  /** How often the page cites it. */
  count: number;
  /** The first way the page writes it. */
  raw: string;
  /** The dataset's title of the (first) document, when known. */
  title: string | null;
}

/** Distinct references in order of first appearance; `titleOf` names ids the dataset knows. */
export function referenceList(
  citations: readonly Citation[],
  titleOf: (id: string) => string | null = () => null,
): ReferenceListEntry[] {
  const entries = new Map<string, ReferenceListEntry>();
  for (const citation of citations) {
    // Pinpoints differ per mention; the list names the papers, so they are left out.
    const formatted = formatCitation({ ...citation, pages: null });
    const key = citation.ids.join(' ');
    const entry = entries.get(key);
    if (entry) {
      entry.count++;
      if (formatted.length > entry.citation.length) entry.citation = formatted;
      continue;
    }
    const first = citation.ids[0];
    entries.set(key, {
      citation: formatted,
      ids: [...citation.ids],
      kind: citation.kind,
      count: 1,
      raw: citation.raw,
      title: first === undefined ? null : titleOf(first),
    });
  }
  return [...entries.values()];
}

/** Words the reference list uses, in the reader's language. */
export interface ReferenceListLabels {
  heading: string;
  /** e.g. `{count}×` → `3×`. */
  times: (count: number) => string;
}

/** The reference list as Markdown. */
export function referenceListMarkdown(
  page: { url: string; title: string | null },
  entries: readonly ReferenceListEntry[],
  labels: ReferenceListLabels,
): string {
  const lines = [
    `# ${escapeMarkdown(labels.heading)}: ${escapeMarkdown(page.title ?? page.url)}`,
    '',
    `<${page.url}>`,
    '',
  ];
  for (const entry of entries) {
    const title = entry.title ? ` — ${escapeMarkdown(entry.title)}` : '';
    const count = entry.count > 1 ? ` (${labels.times(entry.count)})` : '';
    lines.push(
      `- ${escapeMarkdown(entry.citation)}${title}${count} — ${entry.ids.map((id) => `\`${id}\``).join(', ')}`,
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Column names of the reference list CSV. */
const REFERENCES_CSV_HEADER = ['citation', 'ids', 'kind', 'count', 'as_written', 'title'] as const;

/** The reference list as CSV. */
export function referenceListCsv(entries: readonly ReferenceListEntry[]): string {
  return toCsv(
    REFERENCES_CSV_HEADER,
    entries.map((e) => [e.citation, e.ids.join('; '), e.kind, String(e.count), e.raw, e.title ?? '']),
  );
}
