/**
 * A search query as terms: folded, stemmed, and the last one treated as a prefix while the user is
 * still typing it (no trailing space), so results follow every keystroke.
 */
import { stemDutch } from './stem';
import { DUTCH_STOP_WORDS } from './stopwords';
import { tokenizeQuery } from './tokenize';

/** At most this many terms count; a longer query is a pasted sentence, not a search. */
export const MAX_QUERY_TERMS = 12;

/** One term of a query. A stop word can only complete to longer words (`de` → `debat`). */
export interface QueryTerm {
  term: string;
  stem: string;
  prefix: boolean;
  stopword: boolean;
}

/** Splits `query` into terms; stop words are dropped unless they are the prefix being typed. */
export function parseQuery(query: string): QueryTerm[] {
  const tokens = tokenizeQuery(query);
  const typing = query.length > 0 && !/\s$/.test(query);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  // A pasted text has thousands of words: stop at the last term that counts, stem only those.
  for (let i = 0; i < tokens.length && terms.length < MAX_QUERY_TERMS; i++) {
    const term = (tokens[i] as (typeof tokens)[number]).term;
    const prefix = typing && i === tokens.length - 1;
    const stopword = DUTCH_STOP_WORDS.has(term);
    if (stopword && !prefix) continue;
    if (seen.has(term) && !prefix) continue;
    seen.add(term);
    terms.push({ term, stem: stemDutch(term), prefix, stopword });
  }
  return terms;
}

/** Why a query has no terms to search for: it holds no word at all, or only stop words. */
export function emptyQueryReason(query: string): 'no-words' | 'stop-words' {
  return tokenizeQuery(query).length === 0 ? 'no-words' : 'stop-words';
}

/** Whether a folded word of a text matches one of the terms (for highlighting). */
export function createTermMatcher(terms: readonly QueryTerm[]): (word: string) => boolean {
  const stems = new Set(terms.filter((t) => !t.stopword).map((t) => t.stem));
  const prefixes = terms.filter((t) => t.prefix).map((t) => t.term);
  return (word) => {
    if (DUTCH_STOP_WORDS.has(word)) return false;
    if (stems.has(stemDutch(word))) return true;
    return prefixes.some((p) => word.startsWith(p));
  };
}
