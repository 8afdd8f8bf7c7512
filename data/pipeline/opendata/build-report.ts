/**
 * What a build from open data tells its user: how many papers were mapped, merged and added, what
 * was skipped and why, which identifiers disagreed and which values conflicted with the source
 * documents (the source's value is kept). Nothing here is guessed away silently.
 */

/** The report of one build. */
export interface OpenDataReport {
  /** Open-data papers mapped to records. */
  mapped: number;
  /** Merged into a full source document. */
  mergedWithSource: number;
  /** Filled in a stub (a paper the sources cite). */
  filledStubs: number;
  /** Added as records with metadata only. */
  added: number;
  /** Left out by --since, --dossier or --kind. */
  filteredOut: number;
  /** Entities skipped, by reason. */
  skipped: Record<string, number>;
  /** A few skipped entities per reason, for finding them. */
  skippedExamples: Record<string, string[]>;
  /** Stated and derived official ids that disagree (neither used). */
  identifierDisagreements: string[];
  /** Values where open data and the existing record differ (the existing value kept). */
  conflicts: string[];
}

const EXAMPLES_PER_REASON = 3;

/** An empty report. */
export function emptyReport(): OpenDataReport {
  return {
    mapped: 0,
    mergedWithSource: 0,
    filledStubs: 0,
    added: 0,
    filteredOut: 0,
    skipped: {},
    skippedExamples: {},
    identifierDisagreements: [],
    conflicts: [],
  };
}

/** Count one skipped entity under `reason`. */
export function skip(report: OpenDataReport, reason: string, example: string): void {
  report.skipped[reason] = (report.skipped[reason] ?? 0) + 1;
  const examples = report.skippedExamples[reason] ?? [];
  if (examples.length < EXAMPLES_PER_REASON) examples.push(example);
  report.skippedExamples[reason] = examples;
}

/** The report as lines for the build output (every disagreement and conflict, counts for skips). */
export function formatReport(report: OpenDataReport): string[] {
  const lines = [
    `open data: ${report.mapped} papers mapped; ${report.mergedWithSource} merged with source documents, ${report.filledStubs} filled in cited stubs, ${report.added} added with metadata only, ${report.filteredOut} left out by filters`,
  ];
  for (const [reason, count] of Object.entries(report.skipped).sort()) {
    lines.push(`skipped ${count}: ${reason} (e.g. ${(report.skippedExamples[reason] ?? []).join(', ')})`);
  }
  for (const line of report.identifierDisagreements) lines.push(`identifiers disagree: ${line}`);
  for (const line of report.conflicts) lines.push(`conflict: ${line}`);
  return lines;
}
