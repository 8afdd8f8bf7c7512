/** Full-text search for the side panel: Dutch-aware, ranked, with snippets saying where it matched. */
export { buildSearchIndex, type SearchIndex, searchIndexSteps } from './build-index';
export { answerNumbers, type Passage, type PassageWhere, passagesOf } from './passages';
export { createTermMatcher, parseQuery, type QueryTerm } from './query-terms';
export { type Recognize, referenceIdsInQuery } from './reference-query';
export {
  createSearcher,
  type DocumentHit,
  type PassageHit,
  type Searcher,
  type SearchOutcome,
  searcherSteps,
} from './run-search';
export { type Segment, segmentsOf, snippetOf } from './snippet';
export { stemDutch } from './stem';
export { foldText, tokenize } from './tokenize';
