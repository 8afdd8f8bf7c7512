/**
 * A light Dutch stemmer for search, written for recall on the inflections that matter when
 * searching parliamentary text: plurals (`gemeenten`, `vragen`, `werkgevers`, `situaties`),
 * `-heden`/`-heid`, the adjective `-e`, doubled consonants (`gesprekken`), open-syllable vowels
 * (`vraag`/`vragen`, `jaar`/`jaren`) and `v`/`f`, `z`/`s` (`brieven`/`brief`, `huizen`/`huis`).
 * It does not need to produce words, only the same key for the forms of one word.
 * Input is a folded term (see `foldText`).
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const DOUBLE_VOWELS = new Set(['aa', 'ee', 'oo', 'uu']);
/** Plural `-s` is only removed after these endings; elsewhere `s` is usually part of the word (`grens`). */
const PLURAL_S = /(?:er|el|je|ie|[aouy])s$/;
const HAS_DIGIT = /\d/;

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.has(ch);
}

function stripSuffix(word: string): string {
  if (word.endsWith('heden')) return `${word.slice(0, -5)}heid`;
  if (word.endsWith('en') && word.length - 2 >= 3) return word.slice(0, -2);
  if (word.length >= 5 && PLURAL_S.test(word)) return word.slice(0, -1);
  // `gemeentes`: plural -s after a final -e; short words in -es are mostly singular (`proces`).
  if (word.length >= 8 && word.endsWith('es')) return word.slice(0, -1);
  return word;
}

function stripFinalE(word: string): string {
  // `idee`, `twee`: the `e` belongs to a long vowel.
  if (word.length >= 4 && word.endsWith('e') && !word.endsWith('ee')) return word.slice(0, -1);
  return word;
}

function undoubleConsonant(word: string): string {
  const last = word[word.length - 1];
  if (word.length >= 4 && last === word[word.length - 2] && !isVowel(last)) return word.slice(0, -1);
  return word;
}

function normalizeFinalConsonant(word: string): string {
  if (word.endsWith('v')) return `${word.slice(0, -1)}f`;
  if (word.endsWith('z')) return `${word.slice(0, -1)}s`;
  return word;
}

/** `vraag` → `vrag` (as in `vragen`): a doubled vowel before one final consonant becomes single. */
function undoubleVowel(word: string): string {
  const n = word.length;
  if (n < 4 || isVowel(word[n - 1])) return word;
  const pair = word.slice(n - 3, n - 1);
  if (!DOUBLE_VOWELS.has(pair) || isVowel(word[n - 4])) return word;
  return word.slice(0, n - 2) + word.slice(n - 1);
}

/** The stem of a folded Dutch term; numbers and short words are returned as they are. */
export function stemDutch(term: string): string {
  if (term.length < 4 || HAS_DIGIT.test(term)) return term;
  let word = stripSuffix(term);
  word = stripFinalE(word);
  word = undoubleConsonant(word);
  word = normalizeFinalConsonant(word);
  return undoubleVowel(word);
}
