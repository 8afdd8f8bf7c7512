/** The words of a whitespace-separated list. */
export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/**
 * Dutch function words, left out of the search index: they occur in nearly every passage, so they
 * cannot rank anything and would make up a third of the postings. The summarizer ignores these and
 * more (data/pipeline/summary/summary-stop-words.ts).
 */
export const DUTCH_STOP_WORDS: ReadonlySet<string> = new Set(
  splitWords(`aan al als bij daar dan dat de deze die dit door een en er het hij hoe ik in is maar met na naar
  niet nog of om ook op over te tot uit van voor was wat we wel wij zal ze zij zijn zo zou`),
);
