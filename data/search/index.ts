/** Full-text search for the side panel: Dutch-aware, ranked, with snippets saying where it matched. */
export { buildSearchIndex, type SearchIndex, searchIndexSteps } from './build-index';
export { answerNumbers, type PassageWhere, passagesOf } from './passages';
export { createTermMatcher } from './query-terms';
export { type Recognize, referenceIdsInQuery } from './reference-query';
export { createSearcher, searcherSteps } from './run-search';
export { type Segment, snippetOf } from './snippet';
export { foldText } from './tokenize';
