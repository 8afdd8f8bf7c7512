/**
 * Dutch function words that are left out of the index: they occur in nearly every passage, so
 * they cannot rank anything and would make up a third of the postings.
 */
export const DUTCH_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'aan al als bij daar dan dat de deze die dit door een en er het hij hoe ik in is maar met na naar niet nog ' +
    'of om ook op over te tot uit van voor was wat we wel wij zal ze zij zijn zo zou'
  ).split(' '),
);
